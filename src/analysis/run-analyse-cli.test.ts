import { test, expect } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAnalyseCli } from './run-analyse-cli.ts';

async function run(lines: string[], options: { in?: string; out?: string; roster?: string } = {}): Promise<{ code: number; output: string[] }> {
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const code = await runAnalyseCli(options, Readable.from([lines.join('\n')]), stdout);
  return { code, output: chunks.join('').split('\n').filter(Boolean) };
}

test('answers a malformed line with an error record and goes on in order', async () => {
  const { code, output } = await run([
    '{"id":"1","text":"Врач внимательный, но ждали в очереди два часа","rating":4}',
    '{"id":"2","text":',
    '{"id":"3"}',
    '{"id":"4","text":"医生很好，非常感谢！","lang":"zh"}',
  ]);
  expect(code).toBe(0);
  const records = output.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(records.map((record) => record.id)).toEqual(['1', null, '3', '4']);
  expect(records[1]!.error).toMatch(/JSON/);
  expect(records[2]!.error).toBe('text must be a string');
  expect(records[0]).toMatchObject({ lang: 'ru', ratingConflict: false });
  expect(records[3]).toMatchObject({ lang: 'zh', sentiment: { label: 'positive' } });
});

test('reads --in and --roster files and writes --out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-cli-'));
  try {
    writeFileSync(join(dir, 'in.jsonl'), '{"id":"7","text":"Спасибо доктору Ивановой!"}\n');
    writeFileSync(join(dir, 'roster.json'), JSON.stringify([{ id: 's2', name: 'Иванова Мария Петровна' }]));
    const { code } = await run([], { in: join(dir, 'in.jsonl'), out: join(dir, 'out.jsonl'), roster: join(dir, 'roster.json') });
    expect(code).toBe(0);
    const record = JSON.parse(readFileSync(join(dir, 'out.jsonl'), 'utf8').trim()) as { id: string; staff: { id: string }[] };
    expect(record.id).toBe('7');
    expect(record.staff.map((member) => member.id)).toEqual(['s2']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("reads each roster entry's title and department: they tell apart two people of one surname", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-cli-'));
  try {
    writeFileSync(
      join(dir, 'roster.json'),
      JSON.stringify([
        { id: 'chief', name: '王德明', title: '主任医师', department: '骨科' },
        { id: 'nurse', name: '王秀英', title: '护士长', department: '儿科' },
        { id: 'dentist', name: '王小川', title: '主治医师', department: '口腔科' },
        { id: 'bad', name: 'Нет Титула', title: 42, department: ['x'] },
      ]),
    );
    const { code, output } = await run(['{"id":"a","text":"王护士长很耐心"}', '{"id":"b","text":"王医生很耐心","department":"骨科"}', '{"id":"c","text":"王医生很耐心"}'], {
      roster: join(dir, 'roster.json'),
    });
    expect(code).toBe(0);
    const staff = output.map((line) => (JSON.parse(line) as { staff: { id: string; candidates?: string[] }[] }).staff);
    expect(staff[0]!.map((member) => member.id)).toEqual(['nurse']);
    expect(staff[1]!.map((member) => member.id)).toEqual(['chief']);
    expect(staff[2]!.map((member) => member.id).sort()).toEqual(['chief', 'dentist']);
    expect(staff[2]!.every((member) => member.candidates?.length === 1)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('exits non-zero when the input file is missing', async () => {
  const { code, output } = await run([], { in: '/nonexistent/verity-input.jsonl' });
  expect(code).not.toBe(0);
  expect(output).toEqual([]);
});

test('exits non-zero when the roster file is missing', async () => {
  const { code } = await run(['{"id":"1","text":"ok"}'], { roster: '/nonexistent/roster.json' });
  expect(code).not.toBe(0);
});

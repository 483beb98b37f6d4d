import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, multipartBody, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { bombWorkbook, emptyRowsWorkbook, rowsOf, workbook } from './readers/hostile-files.ts';
import { FileReadError, readRecords, type ReadRecordsOptions } from './readers/read-records.ts';

let app: TestApp;
let admin: TestClient;
let push: { id: string; token: string };

beforeAll(async () => {
  app = await createTestApp();
  admin = await app.userClient(await app.createOrg('hostile-uploads'), 'admin');
  const p = (await admin.post('/api/sources', { name: 'Partner app', kind: 'push' })).json();
  push = { id: p.source.id, token: p.token };
});
afterAll(() => app?.close());

function chunked(bytes: Buffer, size = 64 * 1024): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return Readable.from(chunks);
}

async function read(bytes: Buffer, options: ReadRecordsOptions) {
  const items: unknown[] = [];
  let error: unknown;
  try {
    for await (const item of readRecords(chunked(bytes), options)) items.push(item);
  } catch (thrown) {
    error = thrown;
  }
  return { items, error: error as FileReadError | undefined };
}

const upload = (name: string, content: Buffer | string) => admin.request({ method: 'POST', url: '/api/imports', ...multipartBody({}, { name, content }) });
const mentionCount = async () =>
  Number(
    (
      await app.ctx.db
        .selectFrom('mentions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a 2 MB XLSX zip bomb is refused with a 413 naming the bound, while streaming, and the store is as it was', async () => {
  const before = await mentionCount();
  const bomb = bombWorkbook(2000); // about 2 MB, unpacks to 2 GB
  expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
  const heapBefore = process.memoryUsage().heapUsed;
  const res = await upload('bomb.xlsx', bomb);
  expect(res.statusCode).toBe(413);
  expect(res.json().error).toMatchObject({ code: 'payload_too_large', details: { reason: 'ingest.file.xlsxTooLarge' } });
  expect(res.json().error.message).toMatch(/unpacks to more than 256 MB/);
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  expect(await mentionCount()).toBe(before);
});

test('a workbook of endless empty rows stops at the run of empty rows instead of reading them all', async () => {
  const { items, error } = await read(emptyRowsWorkbook(30_000), { fileName: 'empty.xlsx' });
  expect(items).toEqual([]);
  expect(error?.message).toBe('worksheet rows 2 to 10001 are all empty; reading stopped there (delete the empty rows if data follows them)');
});

test('a cut-off XLSX is refused clearly instead of hanging', async () => {
  const whole = workbook(rowsOf(3000));
  const { error } = await read(whole.subarray(0, Math.floor(whole.length / 2)), { fileName: 'cut.xlsx' });
  expect(error?.message).toMatch(/^the XLSX file is cut off or damaged: /);
});

test('a 10 MB CSV without a line break is refused over HTTP with a 413, not completed', async () => {
  const res = await upload('one-line.csv', Buffer.concat([Buffer.from('id,text\n1,'), Buffer.alloc(10 * 1024 * 1024, 'a')]));
  expect(res.statusCode).toBe(413);
  expect(res.json().error.details.reason).toBe('ingest.file.recordTooLong');
});

test('single-line CSV and JSONL records past the bound are refused in linear time', async () => {
  for (const [name, bytes] of [
    ['x.csv', Buffer.concat([Buffer.from('id,text\n1,"'), Buffer.alloc(10 * 1024 * 1024, 'a')])],
    ['x.jsonl', Buffer.concat([Buffer.from('{"text":"'), Buffer.alloc(10 * 1024 * 1024, 'a')])],
  ] as const) {
    const { error } = await read(bytes, { fileName: name });
    expect(error?.text.code).toBe('ingest.file.recordTooLong');
  }
});

test('a binary file named .csv is refused with a 400', async () => {
  const bytes = Buffer.alloc(4096);
  for (let k = 0; k < bytes.length; k++) bytes[k] = (k * 7919) % 256;
  const res = await upload('scan.csv', bytes);
  expect(res.statusCode).toBe(400);
  expect(res.json().error.details.reason).toMatch(/^ingest\.file\.expected(Binary|Kind)$/);
});

test('Latin-1, Windows-1251 and GBK files are read in their encoding, found after an ASCII head of more than 64 KB', async () => {
  const padding = Array.from({ length: 3000 }, (_, k) => `${k},plain ascii row number ${k}`).join('\n');
  const cases = [
    ['windows-1252', 'Très bien, le médecin était à l’écoute; Müller, niño'],
    ['windows-1251', 'Очередь в регистратуру — больше часа'],
    ['gbk', '医生很耐心，挂号排队时间太长了'],
  ] as const;
  for (const [encoding, text] of cases) {
    const bytes = iconv.encode(`id,text\n${padding}\n9999,"${text}"\n`, encoding);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const { items, error } = await read(bytes, { fileName: 'reviews.csv' });
    expect(error).toBeUndefined();
    expect(items.at(-1)).toEqual({ row: 3002, fields: { id: '9999', text } });
  }
});

test('a row not valid UTF-8 after the first 64 KB is reported per row and never stored as U+FFFD', async () => {
  const head = Buffer.from('id,text\n1,Врач внимательный\n' + Array.from({ length: 6000 }, (_, k) => `${k + 2},plain row ${k}`).join('\n') + '\n');
  expect(head.length).toBeGreaterThan(64 * 1024);
  const bytes = Buffer.concat([head, Buffer.from('9999,caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n10000,fine\n')]);
  const { items } = await read(bytes, { fileName: 'r.csv' });
  expect(items.at(-2)).toEqual({ row: 6003, error: 'holds bytes that are not valid UTF-8 (they would be stored as �); save the file in one encoding' });
  expect(items.at(-1)).toEqual({ row: 6004, fields: { id: '10000', text: 'fine' } });
  const res = await upload('r.csv', bytes);
  expect(res.statusCode).toBe(200);
  expect(res.json().rejected).toContainEqual(expect.objectContaining({ row: 6003, code: 'ingest.row.invalidEncoding' }));
  const stored = await app.ctx.db.selectFrom('mentions').select('text').where('text', 'like', '%\uFFFD%').execute();
  expect(stored).toEqual([]);
});

test('pushed JSON that is not valid UTF-8 is refused with a 400 naming the offset, and nothing is stored', async () => {
  const before = await mentionCount();
  const body = Buffer.concat([Buffer.from('{"mentions":[{"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}]}')]);
  const res = await app.server.inject({
    method: 'POST',
    url: `/api/v1/sources/${push.id}/mentions`,
    headers: { authorization: `Bearer ${push.token}`, 'content-type': 'application/json' },
    payload: body,
  });
  expect(res.statusCode).toBe(400);
  expect(res.json().error).toMatchObject({ details: { reason: 'ingest.push.invalidUtf8', params: { offset: '25' } } });
  expect(await mentionCount()).toBe(before);
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshPostgresDatabase } from '../test-support/test-app.ts';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/verity.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-cli-'));
let env: NodeJS.ProcessEnv;
let dropDatabase: (() => Promise<void>) | null = null;

beforeAll(async () => {
  env = { ...process.env, VERITY_DATA_DIR: path.join(dir, 'data'), VERITY_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  if (process.env.DATABASE_URL) {
    const db = await freshPostgresDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = db.url;
    dropDatabase = db.drop;
  }
  await verity('orgs', 'add', '--slug', 'clinic', '--name', 'Test clinic');
});
afterAll(async () => {
  await dropDatabase?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function verity(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, cwd: dir, timeout: 170_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

test('prints one JSON line of counts and adds nothing on a second import of the same file', async () => {
  const file = write('reviews.csv', 'id,text,rating\n1,Doctor was kind,5\n2,排队三个小时,1\n');
  const first = await verity('import', file, '--org', 'clinic');
  expect(first.code).toBe(0);
  expect(first.stdout.trim().split('\n')).toHaveLength(1);
  expect(JSON.parse(first.stdout)).toMatchObject({ accepted: 2, duplicates: 0, rejected: [] });
  const second = await verity('import', file, '--org', 'clinic');
  expect(JSON.parse(second.stdout)).toMatchObject({ accepted: 0, duplicates: 2 });
});

test('exits 0 and names each rejected row when some rows are bad', async () => {
  const result = await verity('import', write('bad-rows.jsonl', '{"id":"a","text":"ok"}\nnot json\n{"id":"b","text":""}\n'), '--org', 'clinic', '--source', 'Hotline');
  expect(result.code).toBe(0);
  const line = JSON.parse(result.stdout);
  expect(line.accepted).toBe(1);
  expect(line.rejected.map((r: { row: number }) => r.row)).toEqual([2, 3]);
});

test('exits non-zero with a one-line reason for a binary file', async () => {
  const result = await verity('import', write('scan.csv', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0, 0, 1, 2])), '--org', 'clinic');
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/PDF/);
});

test('exits non-zero with a reason for a missing file, an unknown organisation and a bad mapping', async () => {
  const missing = await verity('import', path.join(dir, 'nope.csv'), '--org', 'clinic');
  expect(missing.code).not.toBe(0);
  expect(missing.stderr).toMatch(/no such file/);
  const org = await verity('import', write('x.csv', 'text\nhello\n'), '--org', 'nobody');
  expect(org.stderr).toMatch(/no organisation with slug 'nobody'/);
  const map = await verity('import', write('y.csv', 'text\nhello\n'), '--org', 'clinic', '--map', 'text=bogus');
  expect(map.code).not.toBe(0);
  expect(map.stderr).toMatch(/--map/);
});

test('lists the environment variables in the help of every command', async () => {
  for (const args of [['--help'], ['start', '--help'], ['import', '--help'], ['users', 'add', '--help']]) {
    const result = await verity(...args);
    expect(result.code, args.join(' ')).toBe(0);
    expect(result.stdout).toContain('DATABASE_URL');
  }
});

test('reports the database, the migrations and the queue as healthy', async () => {
  const result = await verity('doctor');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/ok\s+database/);
  expect(result.stdout).toMatch(/ok\s+migrations: up to date/);
  expect(result.stdout).toMatch(/ok\s+queue/);
});

test('adds a user who can then be refused a duplicate e-mail', async () => {
  const first = await verity('users', 'add', '--org', 'clinic', '--email', 'head@clinic.test', '--name', 'Head', '--role', 'admin', '--password', 'long enough pw');
  expect(first.code).toBe(0);
  const again = await verity('users', 'add', '--org', 'clinic', '--email', 'HEAD@clinic.test', '--name', 'Head', '--role', 'admin', '--password', 'long enough pw');
  expect(again.code).not.toBe(0);
  expect(again.stderr).toMatch(/already exists/);
});

test('seeds the demo organisation once and changes nothing the second time', async () => {
  const first = await verity('demo');
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/seeded with \d{4} mentions/);
  const second = await verity('demo');
  expect(second.stdout).toMatch(/already seeded/);
  // Two processes each open the store and run the migrations; the first seeds every feature's demo.
}, 180_000);

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runVerity, type CliResult } from '../test-support/run-cli.ts';
import { freshPostgresDatabase } from '../test-support/test-app.ts';

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

async function verity(...args: string[]): Promise<CliResult> {
  return verityWith({}, ...args);
}

/** Runs the CLI with `stdin` piped in (else an empty, closed stdin: no terminal) and extra environment. */
function verityWith(options: { stdin?: string; env?: NodeJS.ProcessEnv }, ...args: string[]): Promise<CliResult> {
  return runVerity(args, { cwd: dir, env: { ...env, ...options.env }, stdin: options.stdin });
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

test('adds a user with the password from stdin, who can then be refused a duplicate e-mail', async () => {
  const add = (email: string) => verityWith({ stdin: 'long enough pw\n' }, 'users', 'add', '--org', 'clinic', '--email', email, '--name', 'Head', '--role', 'admin', '--password-stdin');
  const first = await add('head@clinic.test');
  expect(first.code, first.stderr).toBe(0);
  const again = await add('HEAD@clinic.test');
  expect(again.code).not.toBe(0);
  expect(again.stderr).toMatch(/already exists/);
});

test('refuses a password on the command line or in VERITY_PASSWORD, saying how to pass it, and adds no user', async () => {
  const args = ['users', 'add', '--org', 'clinic', '--email', 'argv@clinic.test', '--name', 'Argv', '--role', 'admin'];
  const onCommandLine = await verity(...args, '--password', 'long enough pw');
  expect(onCommandLine.code).not.toBe(0);
  expect(onCommandLine.stderr).toMatch(/--password is not accepted: .*process list.*--password-stdin/);
  const inEnvironment = await verityWith({ env: { VERITY_PASSWORD: 'long enough pw' } }, ...args);
  expect(inEnvironment.code).not.toBe(0);
  expect(inEnvironment.stderr).toMatch(/VERITY_PASSWORD is no longer read.*--password-stdin/);
  const noTerminal = await verity(...args);
  expect(noTerminal.code).not.toBe(0);
  expect(noTerminal.stderr).toMatch(/no terminal to ask for the password: pipe it with --password-stdin/);
  const help = await verity('users', 'add', '--help');
  expect(help.stdout).toContain('--password-stdin');
  expect(help.stdout).not.toMatch(/--password </);
  // None of them wrote the user: the same e-mail is free for the stdin way.
  const added = await verityWith({ stdin: 'long enough pw' }, ...args, '--password-stdin');
  expect(added.code, added.stderr).toBe(0);
});

test('seeds the demo organisation once and changes nothing the second time', async () => {
  const first = await verity('demo');
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/seeded with \d{4} mentions/);
  const second = await verity('demo');
  expect(second.stdout).toMatch(/already seeded/);
  // Two processes each open the store and run the migrations; the first seeds every feature's demo.
}, 180_000);

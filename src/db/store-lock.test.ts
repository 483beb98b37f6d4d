import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { AppError } from '../core/errors.ts';
import { acquireStoreLock, inspectStoreLock, LOCK_FILE, type StoreLockOwner } from './store-lock.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-lock-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let count = 0;
const freshDir = () => path.join(root, `d${++count}`);

function writeLock(dir: string, owner: Partial<StoreLockOwner>): void {
  fs.mkdirSync(dir, { recursive: true });
  const full: StoreLockOwner = { pid: 1, procStart: null, host: os.hostname(), command: 'verity start', since: '2026-01-01T00:00:00.000Z', url: null, token: 'other', ...owner };
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(full));
}

function refusal(dir: string): AppError {
  try {
    acquireStoreLock(dir).release();
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`the lock of ${dir} was granted`);
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const procStart = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
};
const hasProc = fs.existsSync(`/proc/${process.pid}/stat`);

test('a second open of a held directory is refused with the directory and the owner, and allowed once it is released', () => {
  const dir = freshDir();
  const lock = acquireStoreLock(dir);
  const written = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as StoreLockOwner;
  expect(written.pid).toBe(process.pid);
  const error = refusal(dir);
  expect(error).toBeInstanceOf(AppError);
  expect(error.code).toBe('conflict');
  expect(error.message).toContain(dir);
  expect(error.message).toContain(`process ${process.pid}`);
  expect(error.localizedMessage('ru')).toContain(`процессом Verity ${process.pid}`);
  lock.annotate({ url: 'http://localhost:4321' });
  expect(refusal(dir).message).toMatch(/server, process \d+ .* at http:\/\/localhost:4321/);
  lock.release();
  expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  acquireStoreLock(dir).release();
});

test('a lock left by a process that died (kill -9) is taken over at once and reported', () => {
  const dir = freshDir();
  const pid = deadPid();
  writeLock(dir, { pid, command: 'verity import' });
  expect(inspectStoreLock(dir)).toMatchObject({ state: 'stale', why: 'dead' });
  const lock = acquireStoreLock(dir);
  expect(lock.tookOverFrom).toMatchObject({ pid, command: 'verity import' });
  expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
  lock.release();
});

test('a live owner on this host is respected until it ends; a reused pid (another start time) is not the owner', async () => {
  const dir = freshDir();
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => child.once('spawn', resolve));
    const pid = child.pid!;
    writeLock(dir, { pid, procStart: hasProc ? procStart(pid) : null });
    expect(refusal(dir).message).toContain(`process ${pid}`);
    if (hasProc) {
      writeLock(dir, { pid, procStart: '1' });
      expect(inspectStoreLock(dir)).toMatchObject({ state: 'stale', why: 'pid reused' });
      writeLock(dir, { pid, procStart: procStart(pid) });
    }
  } finally {
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  const lock = acquireStoreLock(dir);
  expect(lock.tookOverFrom?.pid).toBe(child.pid);
  lock.release();
});

test("another host's lock holds while it is touched and is stale after a minute without", () => {
  const dir = freshDir();
  writeLock(dir, { host: 'elsewhere.example', pid: process.pid });
  expect(refusal(dir).message).toContain('on elsewhere.example');
  const old = new Date(Date.now() - 2 * 60_000);
  fs.utimesSync(path.join(dir, LOCK_FILE), old, old);
  const lock = acquireStoreLock(dir);
  expect(lock.tookOverFrom?.host).toBe('elsewhere.example');
  lock.release();
});

test('an unreadable lock file is refused while it is young (it may be being written) and replaced when old', () => {
  const dir = freshDir();
  fs.mkdirSync(dir);
  const file = path.join(dir, LOCK_FILE);
  fs.writeFileSync(file, '{"pid":');
  expect(refusal(dir).message).toMatch(/cannot be read/);
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(file, old, old);
  acquireStoreLock(dir).release();
});

test('a gate left by a process killed while taking the lock does not block the next one', () => {
  const dir = freshDir();
  fs.mkdirSync(path.join(dir, `${LOCK_FILE}.gate`), { recursive: true });
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(path.join(dir, `${LOCK_FILE}.gate`), old, old);
  const lock = acquireStoreLock(dir);
  expect(fs.existsSync(path.join(dir, `${LOCK_FILE}.gate`))).toBe(false);
  lock.release();
});

test('of four processes taking over the same stale lock at the same moment, exactly one wins', async () => {
  const dir = freshDir();
  writeLock(dir, { pid: deadPid() });
  const script = path.join(root, 'take.ts');
  fs.writeFileSync(
    script,
    `import { acquireStoreLock } from ${JSON.stringify(path.resolve(import.meta.dirname, 'store-lock.ts'))};
const at = Number(process.argv[2]);
while (Date.now() < at) {}
try { acquireStoreLock(${JSON.stringify(dir)}); console.log('won'); } catch (error) { console.log(error.code === 'conflict' ? 'refused' : String(error)); }
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
`,
  );
  // Each holds what it got until every one has answered: a late starter must not find the winner gone.
  const at = Date.now() + 4000;
  const children = Array.from({ length: 4 }, () => spawn(process.execPath, ['--import', 'tsx', script, String(at)], { cwd: path.resolve(import.meta.dirname, '../..') }));
  const outputs = await Promise.all(
    children.map(
      (child) =>
        new Promise<string>((resolve) => {
          let out = '';
          const onData = (chunk: Buffer) => {
            out += chunk.toString();
            if (out.includes('\n')) resolve(out.trim());
          };
          child.stdout.on('data', onData);
          child.stderr.on('data', onData);
          child.on('exit', () => resolve(out.trim()));
        }),
    ),
  );
  await Promise.all(children.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.stdin.end()))));
  expect(
    outputs.filter((o) => o === 'won'),
    outputs.join(' | '),
  ).toHaveLength(1);
  expect(outputs.filter((o) => o === 'refused')).toHaveLength(3);
}, 60_000);

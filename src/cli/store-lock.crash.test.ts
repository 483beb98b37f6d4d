import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runVerity, VERITY_BIN as bin } from '../test-support/run-cli.ts';

// Issue 13: data directories could not be opened after a kill -9 (`verity doctor`: cannot connect).
// A writer killed in the middle of its writes leaves its lock behind; the next process finds its
// owner dead, takes the lock over and opens the directory, and a re-run of the import completes.
// Embedded store only (skipped in the PostgreSQL pass). VERITY_LOCK_CRASH_ROWS sizes the import.

const ROWS = Number(process.env.VERITY_LOCK_CRASH_ROWS ?? 20_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-lock-crash-'));
const dataDir = path.join(dir, 'data');
const env: NodeJS.ProcessEnv = { ...process.env, VERITY_DATA_DIR: dataDir, VERITY_LOG_LEVEL: 'silent' };
delete env.DATABASE_URL;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runVerity(args, { cwd: dir, env });

function sizeOf(folder: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name), { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('kill -9 of the owner of an embedded data directory', () => {
  test('in the middle of an import: the stale lock does not block, doctor opens the directory, the re-run completes', async () => {
    expect((await cli('orgs', 'add', '--slug', 'clinic', '--name', 'Clinic')).code).toBe(0);
    const csv = path.join(dir, 'big.csv');
    fs.writeFileSync(csv, `id,text,rating\n${Array.from({ length: ROWS }, (_, i) => `${i},visit ${i}: the nurse was kind and the wait was short,${(i % 5) + 1}`).join('\n')}\n`);
    const before = sizeOf(dataDir);
    const importer = spawn(process.execPath, [bin, 'import', csv, '--org', 'clinic'], { env, cwd: dir, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => importer.once('exit', (code) => resolve(code)));
    // Killed once it holds the lock and has written a megabyte: in the middle of its writes.
    const deadline = Date.now() + 150_000;
    while (!(fs.existsSync(path.join(dataDir, 'verity.lock')) && sizeOf(dataDir) > before + 1_000_000)) {
      expect(importer.exitCode, 'the import ended before it could be killed: raise VERITY_LOCK_CRASH_ROWS').toBeNull();
      expect(Date.now() < deadline, 'the import wrote nothing in 150 s').toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    importer.kill('SIGKILL');
    await exited;
    const left = JSON.parse(fs.readFileSync(path.join(dataDir, 'verity.lock'), 'utf8')) as { pid: number; command: string };
    expect(left).toMatchObject({ pid: importer.pid, command: 'verity import' });

    const doctor = await cli('doctor');
    expect(doctor.stdout).toMatch(/ok\s+database: embedded PGlite/);
    expect(doctor.stdout).toContain(`ok   lock: the lock left by verity import (pid ${importer.pid} on ${os.hostname()}`);
    expect(doctor.stdout).toMatch(/ok\s+migrations: up to date/);
    expect(doctor.stdout).toMatch(/ok\s+queue/);
    expect(fs.existsSync(path.join(dataDir, 'verity.lock'))).toBe(false);

    const rerun = await cli('import', csv, '--org', 'clinic');
    expect(rerun.code, rerun.stderr).toBe(0);
    const counts = JSON.parse(rerun.stdout) as { accepted: number; duplicates: number; rejectedCount: number };
    expect(counts.accepted + counts.duplicates).toBe(ROWS);
    expect(counts.rejectedCount).toBe(0);
  }, 420_000);
});

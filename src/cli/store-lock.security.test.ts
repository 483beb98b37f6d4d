import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runVerity, VERITY_BIN as bin } from '../test-support/run-cli.ts';

// Issue 13: `verity orgs add`, `users add` or `import` against a running server's embedded data
// directory lost an organisation and later left the directory unopenable. A second process is now
// refused, naming the directory and the server, and the server keeps serving with nothing lost.
// The lock is the embedded store's (PostgreSQL has its own server): this file runs on PGlite only,
// and is skipped in the PostgreSQL pass.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-lock-cli-'));
const dataDir = path.join(dir, 'data');
const env: NodeJS.ProcessEnv = { ...process.env, VERITY_DATA_DIR: dataDir, VERITY_LOG_LEVEL: 'silent', PORT: '0' };
delete env.DATABASE_URL;

const verity = runVerity;

const cli = (...args: string[]) => verity(args, { cwd: dir, env });

describe.skipIf(Boolean(process.env.DATABASE_URL))('one owner per embedded data directory', () => {
  let server: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const created = await cli('orgs', 'add', '--slug', 'kept', '--name', 'Kept clinic');
    expect(created.code, created.stderr).toBe(0);
    server = spawn(process.execPath, [bin, 'start'], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the server did not start in 240 s: ${out}`)), 240_000);
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Verity is running at (\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      server.stdout!.on('data', onData);
      server.stderr!.on('data', onData);
      server.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
    });
  }, 300_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('store commands are refused with the directory, the server pid and its URL; doctor reports without opening it; the server keeps serving', async () => {
    const csv = path.join(dir, 'reviews.csv');
    fs.writeFileSync(csv, 'id,text\n1,kind doctor\n');
    const attempts = [
      ['orgs', 'add', '--slug', 'lost', '--name', 'Lost clinic'],
      ['import', csv, '--org', 'kept'],
      ['migrate'],
      ['reanalyze'],
      ['users', 'add', '--org', 'kept', '--email', 'a@kept.test', '--name', 'A', '--role', 'admin', '--password-stdin'],
    ];
    const results = await Promise.all(attempts.map((args) => verity(args, { cwd: dir, env, stdin: 'long enough pw' })));
    for (const [i, result] of results.entries()) {
      const what = attempts[i]!.join(' ');
      expect(result.code, what).not.toBe(0);
      expect(result.stderr, what).toContain(`the data directory ${dataDir} is in use by the Verity server, process ${server.pid} on ${os.hostname()}, at ${url}`);
      expect(result.stderr, what).toMatch(/Stop the server first, or use the web app or the API at/);
    }
    const doctor = await cli('doctor');
    expect(doctor.stdout).toMatch(new RegExp(`ok\\s+database: embedded PGlite in .*, in use by verity start \\(pid ${server.pid} `));
    expect(doctor.stdout).toMatch(/ok\s+server: .*\/api\/health answers ok/);
    expect(doctor.stdout).not.toMatch(/ok\s+migrations/);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
  }, 180_000);

  test('after the server stops the lock is gone, the organisation made before is kept and the refused one was never written', async () => {
    server.kill('SIGTERM');
    const code = await new Promise((resolve) => server.once('exit', resolve));
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'verity.lock'))).toBe(false);
    const again = await cli('orgs', 'add', '--slug', 'kept', '--name', 'Kept clinic');
    expect(again.stderr).toMatch(/an organisation with slug 'kept' already exists/);
    const lost = await cli('orgs', 'add', '--slug', 'lost', '--name', 'Lost clinic');
    expect(lost.code, lost.stderr).toBe(0);
  }, 180_000);
});

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openContext } from '../app.ts';
import { generateSecretKey, KEY_FILE, openSecret, parseSecretKey, sealedKeyId } from '../core/secrets.ts';
import { freshPostgresDatabase } from '../db/fresh-database.ts';
import { insertSource } from '../ingest/sources.queries.ts';
import { readNewKey } from './rotate-key.ts';

/* `verity rotate-key` as an operator runs it: the new key piped on stdin, never an argument. */

const bin = path.resolve(import.meta.dirname, '../../bin/verity.js');
const dir = mkdtempSync(path.join(tmpdir(), 'verity-rotate-'));
const dataDir = path.join(dir, 'data');
const SECRET = 'whsec_rotateMEsecret0123456789';
let env: NodeJS.ProcessEnv;
let drop: (() => Promise<void>) | null = null;
let before = '';
const oldHex = generateSecretKey();

beforeAll(async () => {
  env = { ...process.env, VERITY_DATA_DIR: dataDir, VERITY_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.VERITY_SECRET_KEY;
  delete env.VERITY_NEW_SECRET_KEY;
  if (process.env.DATABASE_URL) {
    // On PostgreSQL the key comes from the environment (a key file would be per host).
    const db = await freshPostgresDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = db.url;
    env.VERITY_SECRET_KEY = oldHex;
    drop = db.drop;
  }
  const ctx = await open();
  try {
    const org = await ctx.db.insertInto('organisations').values({ slug: 'rotate', name: 'Rotate clinic' }).returning('id').executeTakeFirstOrThrow();
    await insertSource(ctx.db, org.id, { name: 'Signed partner', kind: 'webhook' }, { webhookSecret: SECRET });
    before = (await ctx.db.selectFrom('sources').select('webhook_secret').where('kind', '=', 'webhook').executeTakeFirstOrThrow()).webhook_secret!;
  } finally {
    await ctx.close();
  }
}, 120_000);
afterAll(async () => {
  await drop?.();
  rmSync(dir, { recursive: true, force: true });
});

function open() {
  return openContext({ config: { databaseUrl: env.DATABASE_URL ?? null, dataDir, secretKey: env.VERITY_SECRET_KEY ?? null, logLevel: 'silent' }, queue: 'none' });
}

function verity(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { env, cwd: dir, timeout: 170_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin ?? '');
  });
}

async function storedSecret(): Promise<string> {
  const ctx = await open();
  try {
    return (await ctx.db.selectFrom('sources').select('webhook_secret').where('kind', '=', 'webhook').executeTakeFirstOrThrow()).webhook_secret!;
  } finally {
    await ctx.close();
  }
}

test('a key on the command line is refused; no key at all, or a malformed one, is refused naming the ways to give it', async () => {
  const { main } = await import('./main.ts');
  const errors: string[] = [];
  const error = console.error;
  console.error = (line: string) => errors.push(line);
  try {
    expect(await main(['node', 'verity', 'rotate-key', '--new-key', generateSecretKey()])).toBe(1);
  } finally {
    console.error = error;
  }
  expect(errors.join('\n')).toMatch(/never an argument/);
  await expect(readNewKey({ fromStdin: false }, {})).rejects.toThrow(/--new-key-stdin .* VERITY_NEW_SECRET_KEY/);
  await expect(readNewKey({ fromStdin: true }, {}, Readable.from(['not-a-key\n']))).rejects.toThrow(/the new key must be 32 bytes/);
  expect((await readNewKey({ fromStdin: false }, { VERITY_NEW_SECRET_KEY: 'ab'.repeat(32) })).id).toBe(parseSecretKey('ab'.repeat(32)).id);
});

test('rotates every secret under the piped key: the secret stays usable, the old key opens none of it', async () => {
  const oldKey = env.VERITY_SECRET_KEY ? parseSecretKey(env.VERITY_SECRET_KEY) : parseSecretKey(readFileSync(path.join(dataDir, KEY_FILE), 'utf8'));
  expect(sealedKeyId(before)).toBe(oldKey.id);
  const newHex = generateSecretKey();
  const newKey = parseSecretKey(newHex);
  const res = await verity(['rotate-key', '--new-key-stdin'], `${newHex}\n`);
  expect(res.code, res.stderr).toBe(0);
  // The organisation's webhook source is the one secret (no channels, SMS settings or portal keys yet).
  expect(res.stdout).toContain(`re-encrypted the secrets of 1 row(s) under key ${newKey.id} (was ${oldKey.id})`);
  if (env.VERITY_SECRET_KEY) {
    expect(res.stdout).toMatch(/set VERITY_SECRET_KEY to the new key/);
    // The old key is refused at start now.
    await expect(open()).rejects.toThrow(new RegExp(`encrypted with key ${newKey.id}`));
    env.VERITY_SECRET_KEY = newHex;
  } else {
    expect(readFileSync(path.join(dataDir, KEY_FILE), 'utf8').trim()).toBe(newHex);
    expect(statSync(path.join(dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);
  }
  const after = await storedSecret();
  expect(sealedKeyId(after)).toBe(newKey.id);
  expect(openSecret(after, [newKey])).toBe(SECRET);
  expect(() => openSecret(after, [oldKey])).toThrow(/not the configured VERITY_SECRET_KEY/);
}, 300_000);

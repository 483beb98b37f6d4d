import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OpenContext } from '../app.ts';
import { activeSecretKey, KEY_FILE, parseSecretKey, type SecretKey } from '../core/secrets.ts';
import { rotateStoredSecrets } from '../stored-secrets.ts';

/*
 * `verity rotate-key`: every stored secret re-encrypted under a new key, in one transaction. The
 * new key is never an argument (the process list shows arguments): piped with --new-key-stdin, or
 * in VERITY_NEW_SECRET_KEY. The old key is the configured one (VERITY_SECRET_KEY or the data
 * directory's secret.key); the start-up check has proved it opens the store before anything changes.
 */

export const NEW_KEY_ON_COMMAND_LINE = 'the new key is never an argument (the process list shows it to every user of the machine): pipe it with --new-key-stdin or set VERITY_NEW_SECRET_KEY';
export const NO_NEW_KEY = 'no new key: pipe it with --new-key-stdin (openssl rand -hex 32 | verity rotate-key --new-key-stdin) or set VERITY_NEW_SECRET_KEY';

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The new key from standard input or VERITY_NEW_SECRET_KEY; throws naming what is wrong. */
export async function readNewKey(options: { fromStdin: boolean }, env: NodeJS.ProcessEnv = process.env, input: NodeJS.ReadableStream = process.stdin): Promise<SecretKey> {
  const raw = options.fromStdin ? await readAll(input) : env.VERITY_NEW_SECRET_KEY;
  if (!raw?.trim()) throw new Error(NO_NEW_KEY);
  return parseSecretKey(raw, 'the new key');
}

/**
 * Re-encrypts every secret of the store `ctx` opened under `newKey`; with no VERITY_SECRET_KEY the
 * data directory's key file is replaced by the new key once the transaction has committed. Returns
 * the lines to print.
 */
export async function rotateKey(ctx: OpenContext, newKey: SecretKey): Promise<string[]> {
  const oldKey = activeSecretKey();
  if (oldKey.id === newKey.id) throw new Error(`the new key is the key in use (${oldKey.id}): nothing to rotate`);
  const { rows, tables } = await rotateStoredSecrets(ctx.db, [oldKey], newKey);
  const lines = [
    `re-encrypted the secrets of ${rows} row(s) under key ${newKey.id} (was ${oldKey.id}): ${Object.entries(tables)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  ];
  if (!ctx.config.secretKey && ctx.config.dataDir) {
    const file = path.join(ctx.config.dataDir, KEY_FILE);
    const next = `${file}.new`;
    writeFileSync(next, `${newKey.key.toString('hex')}\n`, { mode: 0o600 });
    renameSync(next, file);
    lines.push(`the key file ${file} now holds the new key`);
  } else {
    lines.push('set VERITY_SECRET_KEY to the new key before Verity starts again (a start with the old key is refused)');
  }
  return lines;
}

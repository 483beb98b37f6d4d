import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';

/*
 * Secrets at rest (channel URLs with their keys, webhook signing secrets, provider credentials) are
 * stored as AES-256-GCM envelopes: `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts). The key
 * id is the first 8 hex digits of SHA-256 of the key, so a reader can tell which key sealed a value
 * (rotation, a wrong key at start) without learning anything of the key.
 *
 * The key: VERITY_SECRET_KEY (32 bytes as 64 hex digits or base64); unset, a key file
 * `secret.key` (mode 0600) in the data directory, made at random on first start; with no data
 * directory (an in-memory test store) a random key for this process.
 */

export interface SecretKey {
  id: string;
  key: Buffer;
}

const VERSION = 'v1';
export const KEY_FILE = 'secret.key';

/** The 32 bytes of a key written as 64 hex digits or base64; throws naming `source` otherwise. */
export function parseSecretKey(raw: string, source = 'VERITY_SECRET_KEY'): SecretKey {
  const text = raw.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (!key || key.length !== 32) {
    throw new Error(`${source} must be 32 bytes written as 64 hex digits or base64 (e.g. the output of \`openssl rand -hex 32\`); got ${text.length} characters`);
  }
  return { id: keyIdOf(key), key };
}

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** A new random key, as 64 hex digits. */
export function generateSecretKey(): string {
  return randomBytes(32).toString('hex');
}

let processKey: SecretKey | null = null;

/**
 * The key this configuration encrypts with: VERITY_SECRET_KEY; else the data directory's key
 * file (made at random, mode 0600, when absent); else (no data directory: an in-memory store) one
 * random key per process. Throws on a malformed key or key file.
 */
export function resolveSecretKey(config: Pick<Config, 'secretKey' | 'dataDir'>): SecretKey {
  if (config.secretKey) return parseSecretKey(config.secretKey);
  if (!config.dataDir) return (processKey ??= parseSecretKey(generateSecretKey()));
  const file = path.join(config.dataDir, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    // 'wx': never overwrite a key another process wrote meanwhile.
    try {
      writeFileSync(file, `${generateSecretKey()}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600);
  return parseSecretKey(readFileSync(file, 'utf8'), file);
}

let activeKeys: SecretKey[] = [];

/** Makes `key` the one that seals new secrets; keys used before stay known for opening (in this process). */
export function useSecretKey(key: SecretKey): void {
  activeKeys = [key, ...activeKeys.filter((k) => k.id !== key.id)];
}

/** The key that seals new secrets; throws when no context set one. */
export function activeSecretKey(): SecretKey {
  const key = activeKeys[0];
  if (!key) throw new Error('no secret key: open a context (openContext) before reading or writing secrets');
  return key;
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${VERSION}:`) && value.split(':').length === 5;
}

/** The key id an envelope was sealed with; null for a value that is not an envelope. */
export function sealedKeyId(value: unknown): string | null {
  return isSealed(value) ? value.split(':')[1]! : null;
}

/** Encrypts a secret under `key` (default: the active key). */
export function sealSecret(plaintext: string, key: SecretKey = activeSecretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, key.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(':');
}

/**
 * Decrypts an envelope with whichever of `keys` sealed it (default: the keys of this process). A
 * value that is not an envelope is returned as it is (a row written before encryption, sealed at
 * the next start). Throws naming the key id when no key fits or the envelope was altered.
 */
export function openSecret(value: string, keys: readonly SecretKey[] = activeKeys): string {
  if (!isSealed(value)) return value;
  const [, id, iv, tag, ct] = value.split(':') as [string, string, string, string, string];
  const key = keys.find((k) => k.id === id);
  if (!key) throw new Error(`a stored secret was encrypted with key ${id}, which is not the configured VERITY_SECRET_KEY (${keys[0]?.id ?? 'none'}): start with the key it was encrypted with`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(`a stored secret sealed with key ${id} does not decrypt: it was altered`);
  }
}

/** Seals the named string fields of an object (values already sealed stay as they are). */
export function sealFields<T extends Record<string, unknown>>(object: T, fields: readonly string[], key?: SecretKey): T {
  const out: Record<string, unknown> = { ...object };
  for (const f of fields) if (typeof out[f] === 'string' && !isSealed(out[f])) out[f] = sealSecret(out[f], key);
  return out as T;
}

/** Opens the named fields of an object sealed by `sealFields`. */
export function openFields<T extends Record<string, unknown>>(object: T, fields: readonly string[], keys?: readonly SecretKey[]): T {
  const out: Record<string, unknown> = { ...object };
  for (const f of fields) if (typeof out[f] === 'string') out[f] = openSecret(out[f], keys);
  return out as T;
}

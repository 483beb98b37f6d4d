import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { maskConfig, parseChannelConfig } from '../notifications/channel-config.ts';
import { generateSecretKey, isSealed, KEY_FILE, openSecret, parseSecretKey, resolveSecretKey, sealedKeyId, sealSecret } from './secrets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'verity-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keyA = parseSecretKey(generateSecretKey());
const keyB = parseSecretKey(Buffer.alloc(32, 7).toString('base64'));

describe('the envelope', () => {
  test('round-trips and never contains the plaintext; each seal differs (random IV)', () => {
    const secret = 'https://hooks.slack.com/services/T0000/B0000/XXXXXXXXsecretkey';
    const one = sealSecret(secret, keyA);
    const two = sealSecret(secret, keyA);
    expect(one).toMatch(/^v1:[0-9a-f]{8}:[\w-]+:[\w-]+:[\w-]+$/);
    expect(isSealed(one)).toBe(true);
    expect(sealedKeyId(one)).toBe(keyA.id);
    expect(one).not.toContain('secretkey');
    expect(one).not.toBe(two);
    expect(openSecret(one, [keyA])).toBe(secret);
    expect(openSecret(sealSecret('', keyA), [keyA])).toBe('');
    expect(openSecret(sealSecret('密钥 ключ', keyA), [keyA])).toBe('密钥 ключ');
  });

  test('a wrong key is refused naming both key ids; an altered envelope is refused', () => {
    const sealed = sealSecret('whsec_abc', keyA);
    expect(() => openSecret(sealed, [keyB])).toThrow(new RegExp(`encrypted with key ${keyA.id}.*\\(${keyB.id}\\)`));
    const parts = sealed.split(':');
    const ct = Buffer.from(parts[4]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString('base64url');
    expect(() => openSecret(parts.join(':'), [keyA])).toThrow(/altered/);
    // A key id forged onto another key's ciphertext does not open either.
    expect(() => openSecret([parts[0], keyB.id, ...parts.slice(2)].join(':'), [keyB])).toThrow(/altered/);
  });

  test('opening with several keys picks the one named in the envelope', () => {
    expect(openSecret(sealSecret('one', keyA), [keyB, keyA])).toBe('one');
    expect(openSecret(sealSecret('two', keyB), [keyB, keyA])).toBe('two');
  });
});

describe('the key', () => {
  test('64 hex digits or base64 of 32 bytes; anything else is refused with a clear message', () => {
    expect(parseSecretKey('ab'.repeat(32)).key).toHaveLength(32);
    expect(parseSecretKey(Buffer.alloc(32, 1).toString('base64')).key).toHaveLength(32);
    expect(parseSecretKey(Buffer.alloc(32, 1).toString('base64url')).key).toHaveLength(32);
    for (const bad of ['secret', 'ab'.repeat(31), 'zz'.repeat(32), Buffer.alloc(16).toString('base64'), Buffer.alloc(33).toString('base64')]) {
      expect(() => parseSecretKey(bad)).toThrow(/VERITY_SECRET_KEY must be 32 bytes written as 64 hex digits or base64/);
    }
  });

  test('a configured key wins; unset, a key file (mode 0600) is made once in the data directory and reused', () => {
    const hex = 'cd'.repeat(32);
    expect(resolveSecretKey({ secretKey: hex, dataDir: dir }).id).toBe(parseSecretKey(hex).id);
    const first = resolveSecretKey({ secretKey: null, dataDir: dir });
    const file = path.join(dir, KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveSecretKey({ secretKey: null, dataDir: dir }).id).toBe(first.id);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    // No data directory (an in-memory store): one random key for the process.
    expect(resolveSecretKey({ secretKey: null, dataDir: null }).id).toBe(resolveSecretKey({ secretKey: null, dataDir: null }).id);
  });

  test('a malformed key file is refused naming the file', () => {
    const other = mkdtempSync(path.join(dir, 'bad-'));
    writeFileSync(path.join(other, KEY_FILE), 'not a key\n');
    expect(() => resolveSecretKey({ secretKey: null, dataDir: other })).toThrow(new RegExp(`${KEY_FILE} must be 32 bytes`));
  });
});

describe('masking channel URLs that carry their key', () => {
  const cases = [
    ['slack', { url: 'https://hooks.slack.com/services/T0001/B0002/abcdEFGHsecretZZ9q' }, 'SecretZZ', 'https://hooks.slack.com/…/••••ZZ9q'],
    ['wecom', { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7f1b-4c5e-9d2a-5e8c0f1a2b3c' }, '693a91f6', 'https://qyapi.weixin.qq.com/…/••••2b3c'],
    ['dingtalk', { url: 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdeffedcba', secret: 'SEC0123456789' }, '0123456789abcdef', 'https://oapi.dingtalk.com/…/••••dcba'],
  ] as const;
  test.each(cases)('%s: the key is hidden, only the host and the last 4 characters show', (kind, config, keyPart, shownUrl) => {
    const shown = maskConfig(kind, parseChannelConfig(kind, config));
    expect(shown.url).toBe(shownUrl);
    expect(JSON.stringify(shown)).not.toContain(keyPart);
    // Sent back masked, the stored URL (and secret) are kept.
    const stored = parseChannelConfig(kind, config);
    expect(parseChannelConfig(kind, shown, stored)).toEqual(stored);
  });
});

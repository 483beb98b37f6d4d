import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from './errors.ts';

/** How far a signed webhook's timestamp may be from now; older deliveries are refused as replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/** Signs a webhook body: `sha256=HEX(HMAC-SHA256(secret, timestamp + "." + body))` (for senders, outgoing webhooks and tests). */
export function signWebhook(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): { timestamp: string; signature: string } {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { timestamp: String(timestamp), signature: `sha256=${hmac}` };
}

/** Checks a webhook's timestamp and HMAC; returns the signature, throws `unauthorized` naming what was wrong. */
export function verifyWebhook(secret: string, timestampHeader: unknown, signatureHeader: unknown, body: Buffer, now = Date.now()): string {
  if (typeof timestampHeader !== 'string' || !/^\d{9,11}$/.test(timestampHeader)) throw new AppError('unauthorized', 'missing or malformed x-verity-timestamp (unix seconds)');
  if (Math.abs(now / 1000 - Number(timestampHeader)) > WEBHOOK_TOLERANCE_SECONDS) throw new AppError('unauthorized', 'x-verity-timestamp is more than 5 minutes away from now');
  const match = typeof signatureHeader === 'string' ? /^sha256=([0-9a-f]{64})$/i.exec(signatureHeader) : null;
  if (!match) throw new AppError('unauthorized', 'missing or malformed x-verity-signature (sha256=HEX)');
  const expected = createHmac('sha256', secret).update(`${timestampHeader}.`).update(body).digest();
  if (!timingSafeEqual(expected, Buffer.from(match[1]!, 'hex'))) throw new AppError('unauthorized', 'webhook signature does not match');
  return match[1]!.toLowerCase();
}

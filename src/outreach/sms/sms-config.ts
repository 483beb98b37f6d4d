import { z } from 'zod';
import { badRequest } from '../../core/errors.ts';
import type { SmsProviderKind } from '../outreach.vocab.ts';

/*
 * What each SMS provider's settings hold, which of them are secret (masked in every API answer,
 * kept when sent back masked), and the base URL each calls (configurable, so tests replay them).
 */

const MASK = '••••';
const url = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(500);
const text = (max = 200) => z.string().trim().min(1, 'is required').max(max);

export const SMS_CONFIG_SCHEMAS = {
  log: z.object({}).strict(),
  aliyun: z.object({ accessKeyId: text(), accessKeySecret: text(), signName: text(), templateCode: text(), regionId: text(50).optional(), baseUrl: url.optional() }).strict(),
  smsru: z.object({ apiId: text(), from: text(11).optional(), baseUrl: url.optional() }).strict(),
  twilio: z.object({ accountSid: text(64), authToken: text(), from: text(64), baseUrl: url.optional() }).strict(),
} satisfies Record<SmsProviderKind, z.ZodType>;

export const SMS_SECRET_FIELDS: Record<SmsProviderKind, readonly string[]> = { log: [], aliyun: ['accessKeySecret'], smsru: ['apiId'], twilio: ['authToken'] };

export function maskSecretValue(secret: string): string {
  return `${MASK}${secret.slice(-4)}`;
}

/** The config as the API shows it: secret fields masked. */
export function maskSmsConfig(provider: SmsProviderKind, config: Record<string, string>): Record<string, string> {
  const masked = { ...config };
  for (const field of SMS_SECRET_FIELDS[provider]) if (typeof masked[field] === 'string') masked[field] = maskSecretValue(masked[field]);
  return masked;
}

/** Validates a provider's config; a secret sent back masked keeps the stored value. Throws bad_request naming the field. */
export function mergeSmsConfig(provider: SmsProviderKind, input: Record<string, string>, stored: Record<string, string>): Record<string, string> {
  const candidate: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) if (v !== '' && v !== null && v !== undefined) candidate[k] = v;
  for (const field of SMS_SECRET_FIELDS[provider]) if (typeof candidate[field] === 'string' && candidate[field].startsWith(MASK)) candidate[field] = stored[field] ?? '';
  const parsed = SMS_CONFIG_SCHEMAS[provider].safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badRequest(`smsConfig${issue.path.length ? '.' + issue.path.join('.') : ''}: ${issue.message}`);
  }
  return parsed.data as Record<string, string>;
}

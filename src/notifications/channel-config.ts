import { z } from 'zod';
import { ROLES } from '../core/access.vocab.ts';

/** The kinds of alert channel, and the configuration each one takes. */
export const CHANNEL_KINDS = ['email', 'wecom', 'dingtalk', 'telegram', 'slack', 'webhook', 'in_app'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(2000);

export const CHANNEL_CONFIG = {
  email: z.object({ to: z.array(z.email({ message: 'must be an e-mail address' }).max(320)).min(1, 'needs at least one address').max(50) }).strict(),
  wecom: z.object({ url: httpUrl }).strict(),
  dingtalk: z.object({ url: httpUrl, secret: z.string().trim().min(1).max(200).optional() }).strict(),
  telegram: z
    .object({ botToken: z.string().trim().min(1).max(200), chatId: z.union([z.string().trim().min(1).max(100), z.number().int()]).transform(String), apiBase: httpUrl.optional() })
    .strict(),
  slack: z.object({ url: httpUrl }).strict(),
  webhook: z.object({ url: httpUrl, secret: z.string().min(8, 'secret must have at least 8 characters').max(200) }).strict(),
  in_app: z.object({ userIds: z.array(z.uuid()).max(500).optional(), roles: z.array(z.enum(ROLES)).max(ROLES.length).optional() }).strict(),
} satisfies Record<ChannelKind, z.ZodType>;

export type ChannelConfig = {
  email: { to: string[] };
  wecom: { url: string };
  dingtalk: { url: string; secret?: string };
  telegram: { botToken: string; chatId: string; apiBase?: string };
  slack: { url: string };
  webhook: { url: string; secret: string };
  in_app: { userIds?: string[]; roles?: string[] };
};

/** The secret fields of each kind: masked on read, kept when a PATCH sends the mask back. */
export const SECRET_FIELDS: Partial<Record<ChannelKind, string[]>> = { dingtalk: ['secret'], telegram: ['botToken'], webhook: ['secret'] };

const MASK = '••••';

/** "••••" and the last 4 characters, so people can tell secrets apart without seeing them. */
export function maskSecret(secret: string): string {
  return `${MASK}${secret.slice(-4)}`;
}

export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(MASK);
}

/** A channel's config as the API shows it: secrets masked. */
export function maskConfig(kind: string, config: Record<string, unknown>): Record<string, unknown> {
  const masked = { ...config };
  for (const field of SECRET_FIELDS[kind as ChannelKind] ?? []) {
    if (typeof masked[field] === 'string') masked[field] = maskSecret(masked[field] as string);
  }
  return masked;
}

/**
 * Validates a channel config for its kind; secrets sent back masked take the stored value.
 * Throws a message naming the first problem.
 */
export function parseChannelConfig(kind: ChannelKind, input: unknown, stored?: Record<string, unknown>): Record<string, unknown> {
  const candidate = typeof input === 'object' && input !== null ? { ...(input as Record<string, unknown>) } : input;
  if (stored && typeof candidate === 'object' && candidate !== null) {
    const c = candidate as Record<string, unknown>;
    for (const field of SECRET_FIELDS[kind] ?? []) if (isMasked(c[field])) c[field] = stored[field];
  }
  const parsed = CHANNEL_CONFIG[kind].safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`config${issue.path.length ? '.' + issue.path.join('.') : ''}: ${issue.message}`);
  }
  return parsed.data as Record<string, unknown>;
}

import { openFields, sealFields, type SecretKey } from '../core/secrets.ts';
import { driverOf, isMasked } from './channels/index.ts';
import { CHANNEL_KINDS, type ChannelKind } from './notifications.vocab.ts';

export { CHANNEL_KINDS, type ChannelKind };
export { isMasked, maskSecret } from './channels/index.ts';

/** A channel's config as the API shows it: secrets masked (its driver says which are secret). */
export function maskConfig(kind: string, config: Record<string, unknown>): Record<string, unknown> {
  const driver = (CHANNEL_KINDS as readonly string[]).includes(kind) ? driverOf(kind as ChannelKind) : null;
  return driver ? driver.mask(config) : { ...config };
}

/** The secret fields of a kind's config (masked on read, encrypted at rest); none for an unknown kind. */
export function channelSecretFields(kind: string): readonly string[] {
  return (CHANNEL_KINDS as readonly string[]).includes(kind) ? driverOf(kind as ChannelKind).secretFields : [];
}

/** A channel config as it is stored: its secret fields encrypted (core/secrets.ts). */
export function sealChannelConfig(kind: string, config: Record<string, unknown>, key?: SecretKey): Record<string, unknown> {
  return sealFields(config, channelSecretFields(kind), key);
}

/** A stored channel config with its secret fields decrypted, for sending and for a PATCH's masked values. */
export function openChannelConfig(kind: string, stored: Record<string, unknown>, keys?: readonly SecretKey[]): Record<string, unknown> {
  return openFields(stored, channelSecretFields(kind), keys);
}

/**
 * Validates a channel config for its kind; secrets sent back masked take the stored value.
 * Throws a message naming the first problem.
 */
export function parseChannelConfig(kind: ChannelKind, input: unknown, stored?: Record<string, unknown>): Record<string, unknown> {
  const driver = driverOf(kind);
  const candidate = typeof input === 'object' && input !== null ? { ...(input as Record<string, unknown>) } : input;
  if (stored && typeof candidate === 'object' && candidate !== null) {
    const c = candidate as Record<string, unknown>;
    for (const field of driver.secretFields) if (isMasked(c[field])) c[field] = stored[field];
  }
  const parsed = driver.configSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`config${issue.path.length ? '.' + issue.path.join('.') : ''}: ${issue.message}`);
  }
  return parsed.data as Record<string, unknown>;
}

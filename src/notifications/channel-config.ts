import { driverOf, isMasked } from './channels/index.ts';
import { CHANNEL_KINDS, type ChannelKind } from './notifications.vocab.ts';

export { CHANNEL_KINDS, type ChannelKind };
export { isMasked, maskSecret } from './channels/index.ts';

/** A channel's config as the API shows it: secrets masked (its driver says which are secret). */
export function maskConfig(kind: string, config: Record<string, unknown>): Record<string, unknown> {
  const driver = (CHANNEL_KINDS as readonly string[]).includes(kind) ? driverOf(kind as ChannelKind) : null;
  return driver ? driver.mask(config) : { ...config };
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

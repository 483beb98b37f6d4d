import { renderText, type Text } from '../../core/i18n.ts';
import type { z } from 'zod';
import type { Config } from '../../core/config.ts';
import type { Locale } from '../../core/i18n.ts';
import type { ChannelKind } from '../notifications.vocab.ts';

/**
 * One notification as a channel renders it, already in the reader's language (the recipient's, or
 * the organisation's for a group channel). `text` is plain text and may hold patient words.
 */
export interface Message {
  id: string;
  orgId: string;
  title: string;
  text: string;
  url: string | null;
  urgent: boolean;
  createdAt: Date;
}

/** What sending needs beyond the payload: the SMTP server and sender of e-mail, the outbound allow-list. */
export type SendContext = Pick<Config, 'smtpUrl' | 'mailFrom' | 'outboundAllow'>;

/** A failed send, worded by a message code so the dead-letter list reads it in each reader's language. */
export class DeliveryError extends Error {
  constructor(
    readonly text: Text,
    options?: ErrorOptions,
  ) {
    super(renderText('en', text), options);
  }
}

/** A failure retrying cannot fix (no SMTP server configured, channel gone): dead-lettered at once. */
export class PermanentDeliveryError extends DeliveryError {}

/**
 * Everything Verity knows about one kind of channel, in one file under channels/: the shape of its
 * configuration, the platform's own payload, how it is sent and what of its configuration people
 * may see. A new kind is a driver, its test, a line in CHANNEL_KINDS and a migration widening the
 * alert_channels CHECK constraint.
 *
 * Methods (not function properties), so a driver of any configuration fits the registry's
 * `NotificationChannelDriver` and the delivery job can call it with the configuration its own
 * schema parsed.
 */
export interface NotificationChannelDriver<C = unknown, P = unknown> {
  kind: ChannelKind;
  /** Validates a configuration as people enter it (and again before each delivery). */
  configSchema: z.ZodType<C>;
  /** Fields masked on read, kept when a PATCH sends the mask back, and encrypted at rest (core/secrets.ts). */
  secretFields: readonly string[];
  /** False for in_app: its notifications are rows people read, not deliveries a job sends. */
  deliveredByJob: boolean;
  /** The platform's payload for one message; `locale` is the reader's, for the driver's own words. */
  render(message: Message, config: C, locale: Locale): P;
  /** Sends a rendered payload; throws when the target does not take it. */
  send(payload: P, ctx: SendContext): Promise<void>;
  /** The configuration as the API shows it. */
  mask(config: C): Record<string, unknown>;
}

const MASK = '••••';

/** "••••" and the last 4 characters, so people can tell secrets apart without seeing them. */
export function maskSecret(secret: string): string {
  return `${MASK}${secret.slice(-4)}`;
}

/**
 * A URL whose path or query holds its key (Slack's webhook path, WeCom's `key`, DingTalk's
 * `access_token`): the scheme and host stay, the rest becomes "…/••••" and its last 4 characters.
 */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…/${maskSecret(url)}`;
  } catch {
    return maskSecret(url);
  }
}

/** A value the API showed masked (a secret or a URL with its key hidden), sent back to keep the stored one. */
export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes(MASK);
}

/** A `mask` that hides the given secret fields and shows the rest. */
export function maskFields(fields: readonly string[]) {
  return (config: object): Record<string, unknown> => {
    const masked: Record<string, unknown> = { ...config };
    for (const field of fields) if (typeof masked[field] === 'string') masked[field] = field === 'url' ? maskUrl(masked[field]) : maskSecret(masked[field]);
    return masked;
  };
}

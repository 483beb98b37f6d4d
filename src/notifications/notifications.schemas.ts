import { z } from 'zod';
import { CHANNEL_KINDS, DELIVERY_STATUSES } from './notifications.vocab.ts';

export const NotificationView = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});

export const DeliveryFilters = z.object({ status: z.enum(DELIVERY_STATUSES).optional() });

export const DeliveryView = z.object({
  id: z.string(),
  /** null for an e-mail to a user (named in channelName) rather than to a channel. */
  channelId: z.string().nullable(),
  channelName: z.string(),
  channelKind: z.enum(CHANNEL_KINDS),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  /** When an admin took this dead delivery off the dead-letter list; null otherwise. */
  dismissedAt: z.date().nullable(),
  title: z.string(),
});

/** Up to 200 delivery ids for a bulk retry or dismiss. */
export const DeliveryIds = z.object({ ids: z.array(z.uuid()).min(1).max(200) });

export const OutboxFilters = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

export const OutboxMailSummary = z.object({ id: z.string(), recipients: z.array(z.string()), subject: z.string(), createdAt: z.date() });

export const OutboxMail = OutboxMailSummary.extend({ text: z.string(), html: z.string() });

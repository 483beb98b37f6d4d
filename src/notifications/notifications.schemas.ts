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
  title: z.string(),
});

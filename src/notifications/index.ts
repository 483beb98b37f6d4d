import { defineFeature } from '../core/feature.ts';
import { DELIVERY_JOBS } from './jobs/deliver-notification.job.ts';
import { notificationsPermissions } from './notifications.permissions.ts';
import { notificationRoutes } from './notifications.routes.ts';

/** Notifications and their delivery to e-mail (or the local outbox), chat robots, webhooks and the in-app bell. */
export const notificationsFeature = defineFeature({ name: 'notifications', routes: [notificationRoutes], jobs: DELIVERY_JOBS, permissions: notificationsPermissions });

export { enqueueNotification, type NotificationInput } from './enqueue-notification.ts';
// Alert channels are configured in alerts; what a channel of each kind accepts is its driver's.
export { channelSecretFields, maskConfig, openChannelConfig, parseChannelConfig, sealChannelConfig } from './channel-config.ts';
export { CHANNEL_KINDS, DELIVERY_STATUSES, type ChannelKind, type DeliveryStatus } from './notifications.vocab.ts';
// Outreach keeps patients' invitation e-mails in the same local outbox when no SMTP server is configured.
export { keepInOutbox } from './outbox.ts';

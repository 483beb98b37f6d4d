import type { JobDefinition } from '../../jobs/registry.ts';
import { deliverNotification } from '../deliver-notification.ts';
import { DELIVER_QUEUE } from '../enqueue-notification.ts';

/** One job per delivery (channel or user e-mail); retried by pg-boss with backoff until dead-lettered. */
export const deliverNotificationJob: JobDefinition = {
  name: DELIVER_QUEUE,
  pollingIntervalSeconds: 0.5,
  // A target that takes its full 10 s to time out must not hold up the other channels.
  localConcurrency: 4,
  async handle(ctx, data) {
    if (typeof data.deliveryId === 'string') await deliverNotification(ctx, data.deliveryId);
  },
};

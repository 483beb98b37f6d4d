import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { deliverNotification } from '../deliver-notification.ts';

/** One job per delivery (channel or user e-mail); retried by pg-boss with backoff until dead-lettered. */
export const deliverNotificationJob = defineJob({
  name: 'notifications.deliver',
  schema: z.object({ deliveryId: z.string() }),
  pollingIntervalSeconds: 0.5,
  // A target that takes its full 10 s to time out must not hold up the other channels.
  localConcurrency: 4,
  async handle(ctx, data) {
    await deliverNotification(ctx, data.deliveryId);
  },
});

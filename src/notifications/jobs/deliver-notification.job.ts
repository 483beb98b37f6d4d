import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../core/jobs.ts';
import { deliverNotification } from '../deliver-notification.ts';
import type { ChannelKind } from '../notifications.vocab.ts';

const DeliveryData = z.object({ deliveryId: z.string() });

/**
 * One job per delivery (channel or user e-mail), retried by pg-boss with backoff until
 * dead-lettered. Deliveries go to one of four queues, each with its own workers, so that one
 * kind never waits behind another: urgent alerts of any kind (a risk flag must not wait behind
 * thousands of e-mails), bulk e-mail, chat robots, webhooks. A target that takes its full 10 s
 * to time out holds one of its queue's workers, not the other queues.
 */
function deliveryJob(name: string, localConcurrency: number): JobDefinition<z.infer<typeof DeliveryData>> {
  return defineJob({
    name,
    schema: DeliveryData,
    pollingIntervalSeconds: 0.5,
    localConcurrency,
    async handle(ctx, data) {
      await deliverNotification(ctx, data.deliveryId);
    },
  });
}

/** Bulk e-mail to users (and, from before the split, jobs of every kind: the handler takes any delivery). */
export const deliverNotificationJob = deliveryJob('notifications.deliver', 4);
/** Urgent notifications of every kind, ahead of everything else. */
export const deliverUrgentNotificationJob = deliveryJob('notifications.deliver-urgent', 4);
/** WeCom, DingTalk, Telegram and Slack robots. */
export const deliverChatNotificationJob = deliveryJob('notifications.deliver-chat', 4);
/** Signed generic webhooks. */
export const deliverWebhookNotificationJob = deliveryJob('notifications.deliver-webhook', 4);

export const DELIVERY_JOBS = [deliverNotificationJob, deliverUrgentNotificationJob, deliverChatNotificationJob, deliverWebhookNotificationJob];

/** The queue a delivery of this kind goes to. */
export function deliveryJobOf(kind: ChannelKind, urgent: boolean): JobDefinition<z.infer<typeof DeliveryData>> {
  if (urgent) return deliverUrgentNotificationJob;
  if (kind === 'webhook') return deliverWebhookNotificationJob;
  if (kind === 'email' || kind === 'in_app') return deliverNotificationJob;
  return deliverChatNotificationJob;
}

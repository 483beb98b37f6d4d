import { z } from 'zod';
import { signWebhook } from '../../core/webhook-signing.ts';
import { maskFields, type Message, type NotificationChannelDriver } from './driver.ts';
import { httpUrl } from './http-url.ts';
import { JSON_HEADERS, postRequest, type OutgoingRequest } from './post-request.ts';

export interface WebhookConfig {
  url: string;
  secret: string;
}

/** The request at a given time (the signature covers the timestamp). */
export function renderWebhook(config: WebhookConfig, message: Message, now = Math.floor(Date.now() / 1000)): OutgoingRequest {
  const body = JSON.stringify({
    event: 'notification',
    id: message.id,
    orgId: message.orgId,
    title: message.title,
    text: message.text,
    url: message.url,
    urgent: message.urgent,
    createdAt: message.createdAt.toISOString(),
  });
  const { timestamp, signature } = signWebhook(config.secret, body, now);
  return { url: config.url, headers: { ...JSON_HEADERS, 'x-verity-timestamp': timestamp, 'x-verity-signature': signature }, body };
}

/** The generic webhook: JSON signed like Verity's own inbound webhooks (x-verity-signature over "timestamp.body"). */
export const webhookDriver: NotificationChannelDriver<WebhookConfig, OutgoingRequest> = {
  kind: 'webhook',
  configSchema: z.object({ url: httpUrl, secret: z.string().min(8, 'secret must have at least 8 characters').max(200) }).strict(),
  secretFields: ['url', 'secret'],
  deliveredByJob: true,
  render: (message, config) => renderWebhook(config, message),
  send: (request, ctx) => postRequest(request, ctx),
  mask: maskFields(['url', 'secret']),
};

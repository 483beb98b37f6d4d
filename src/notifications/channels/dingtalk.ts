import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Locale } from '../../core/i18n.ts';
import { maskFields, type Message, type NotificationChannelDriver } from './driver.ts';
import { httpUrl } from './http-url.ts';
import { markdownBody } from './markup.ts';
import { JSON_HEADERS, postRequest, type OutgoingRequest } from './post-request.ts';

export interface DingtalkConfig {
  url: string;
  secret?: string;
}

/** DingTalk's robot signature: base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), URL-encoded. */
export function signDingtalk(secret: string, timestampMs: number): string {
  return encodeURIComponent(createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64'));
}

/** The robot's request at a given time (the signature covers the timestamp). */
export function renderDingtalk(config: DingtalkConfig, message: Message, locale: Locale, now = Date.now()): OutgoingRequest {
  let url = config.url;
  if (config.secret) url += `${url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${signDingtalk(config.secret, now)}`;
  return { url, headers: JSON_HEADERS, body: JSON.stringify({ msgtype: 'markdown', markdown: { title: message.title, text: markdownBody(message, locale) } }) };
}

/** DingTalk robot: a markdown message; with a secret, `&timestamp=…&sign=…` appended to the URL. */
export const dingtalkDriver: NotificationChannelDriver<DingtalkConfig, OutgoingRequest> = {
  kind: 'dingtalk',
  configSchema: z.object({ url: httpUrl, secret: z.string().trim().min(1).max(200).optional() }).strict(),
  secretFields: ['url', 'secret'],
  deliveredByJob: true,
  render: (message, config, locale) => renderDingtalk(config, message, locale),
  send: (request, ctx) => postRequest(request, ctx),
  mask: maskFields(['url', 'secret']),
};

import { z } from 'zod';
import { maskFields, type NotificationChannelDriver } from './driver.ts';
import { httpUrl } from './http-url.ts';
import { openInVerity } from './markup.ts';
import { JSON_HEADERS, postRequest, type OutgoingRequest } from './post-request.ts';

export interface SlackConfig {
  url: string;
}

/** Slack's mrkdwn needs only &, < and > escaped. */
const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack incoming webhook: a plain-text fallback and blocks. */
export const slackDriver: NotificationChannelDriver<SlackConfig, OutgoingRequest> = {
  kind: 'slack',
  configSchema: z.object({ url: httpUrl }).strict(),
  secretFields: ['url'],
  deliveredByJob: true,
  render(message, config, locale) {
    const blocks: unknown[] = [
      { type: 'header', text: { type: 'plain_text', text: message.title.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: escapeSlack(message.text).slice(0, 3000) } },
    ];
    if (message.url) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `<${message.url}|${escapeSlack(openInVerity(locale))}>` } });
    return { url: config.url, headers: JSON_HEADERS, body: JSON.stringify({ text: `${escapeSlack(message.title)}\n${escapeSlack(message.text)}`, blocks }) };
  },
  send: (request, ctx) => postRequest(request, ctx),
  mask: maskFields(['url']),
};

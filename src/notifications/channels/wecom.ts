import { z } from 'zod';
import { maskFields, type NotificationChannelDriver } from './driver.ts';
import { httpUrl } from './http-url.ts';
import { markdownBody } from './markup.ts';
import { JSON_HEADERS, postRequest, type OutgoingRequest } from './post-request.ts';

export interface WecomConfig {
  url: string;
}

/** WeCom group robot: a markdown message posted to the robot's URL (its key is in the URL). */
export const wecomDriver: NotificationChannelDriver<WecomConfig, OutgoingRequest> = {
  kind: 'wecom',
  configSchema: z.object({ url: httpUrl }).strict(),
  secretFields: ['url'],
  deliveredByJob: true,
  render(message, config, locale) {
    return { url: config.url, headers: JSON_HEADERS, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: markdownBody(message, locale) } }) };
  },
  send: (request, ctx) => postRequest(request, ctx),
  mask: maskFields(['url']),
};

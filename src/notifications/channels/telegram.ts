import { z } from 'zod';
import { maskFields, type NotificationChannelDriver } from './driver.ts';
import { httpUrl } from './http-url.ts';
import { escapeHtml, openInVerity } from './markup.ts';
import { JSON_HEADERS, postRequest, type OutgoingRequest } from './post-request.ts';

export interface TelegramConfig {
  botToken: string;
  chatId: string;
  apiBase?: string;
}

/** Telegram's HTML mode needs only &, < and > escaped. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Telegram Bot API sendMessage in HTML mode. */
export const telegramDriver: NotificationChannelDriver<TelegramConfig, OutgoingRequest> = {
  kind: 'telegram',
  configSchema: z
    .object({ botToken: z.string().trim().min(1).max(200), chatId: z.union([z.string().trim().min(1).max(100), z.number().int()]).transform(String), apiBase: httpUrl.optional() })
    .strict(),
  secretFields: ['botToken'],
  deliveredByJob: true,
  render(message, config, locale) {
    const base = (config.apiBase ?? 'https://api.telegram.org').replace(/\/+$/, '');
    const link = message.url ? `\n\n<a href="${escapeHtml(message.url)}">${esc(openInVerity(locale))}</a>` : '';
    return {
      url: `${base}/bot${config.botToken}/sendMessage`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ chat_id: config.chatId, text: `<b>${esc(message.title)}</b>\n\n${esc(message.text)}${link}`.slice(0, 4096), parse_mode: 'HTML' }),
    };
  },
  send: (request, ctx) => postRequest(request, ctx),
  mask: maskFields(['botToken']),
};

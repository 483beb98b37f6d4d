import { createHmac } from 'node:crypto';
import { signWebhook } from '../core/webhook-signing.ts';
import type { ChannelConfig } from './channel-config.ts';

/** One notification as every channel renders it. `text` is plain text and may hold patient words. */
export interface Message {
  id: string;
  orgId: string;
  title: string;
  text: string;
  url: string | null;
  urgent: boolean;
  createdAt: Date;
}

/** An HTTP request to a chat or webhook target. */
export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Escapes text for HTML (e-mail bodies, Telegram's HTML mode). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Neutralises markdown link and emphasis syntax in patient text so it shows as written. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#])/g, '\\$1');
}

/** Slack's mrkdwn needs only &, < and > escaped. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const JSON_HEADERS = { 'content-type': 'application/json' };

export function renderEmail(message: Message): { subject: string; text: string; html: string } {
  const link = message.url ? `\n\n${message.url}` : '';
  const htmlText = escapeHtml(message.text).replace(/\r?\n/g, '<br>\n');
  const htmlLink = message.url ? `<p><a href="${escapeHtml(message.url)}">Open in Verity</a></p>` : '';
  return {
    subject: message.title,
    text: `${message.title}\n\n${message.text}${link}\n`,
    html: `<!doctype html><html><body><h2>${escapeHtml(message.title)}</h2><p>${htmlText}</p>${htmlLink}</body></html>`,
  };
}

function markdownBody(message: Message): string {
  const link = message.url ? `\n\n[Open in Verity](${message.url})` : '';
  return `### ${escapeMarkdown(message.title)}\n\n${escapeMarkdown(message.text)}${link}`;
}

/** WeCom group robot: a markdown message. */
export function renderWecom(config: ChannelConfig['wecom'], message: Message): OutgoingRequest {
  return { url: config.url, headers: JSON_HEADERS, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: markdownBody(message) } }) };
}

/** DingTalk's robot signature: base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), URL-encoded. */
export function signDingtalk(secret: string, timestampMs: number): string {
  return encodeURIComponent(createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64'));
}

/** DingTalk robot: a markdown message; with a secret, `&timestamp=…&sign=…` appended to the URL. */
export function renderDingtalk(config: ChannelConfig['dingtalk'], message: Message, now = Date.now()): OutgoingRequest {
  let url = config.url;
  if (config.secret) url += `${url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${signDingtalk(config.secret, now)}`;
  return { url, headers: JSON_HEADERS, body: JSON.stringify({ msgtype: 'markdown', markdown: { title: message.title, text: markdownBody(message) } }) };
}

/** Telegram Bot API sendMessage in HTML mode (only &, < and > need escaping there). */
export function renderTelegram(config: ChannelConfig['telegram'], message: Message): OutgoingRequest {
  const base = (config.apiBase ?? 'https://api.telegram.org').replace(/\/+$/, '');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const link = message.url ? `\n\n<a href="${escapeHtml(message.url)}">Open in Verity</a>` : '';
  return {
    url: `${base}/bot${config.botToken}/sendMessage`,
    headers: JSON_HEADERS,
    body: JSON.stringify({ chat_id: config.chatId, text: `<b>${esc(message.title)}</b>\n\n${esc(message.text)}${link}`.slice(0, 4096), parse_mode: 'HTML' }),
  };
}

/** Slack incoming webhook: a plain-text fallback and blocks. */
export function renderSlack(config: ChannelConfig['slack'], message: Message): OutgoingRequest {
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: message.title.slice(0, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: escapeSlack(message.text).slice(0, 3000) } },
  ];
  if (message.url) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `<${message.url}|Open in Verity>` } });
  return { url: config.url, headers: JSON_HEADERS, body: JSON.stringify({ text: `${escapeSlack(message.title)}\n${escapeSlack(message.text)}`, blocks }) };
}

/** The generic webhook: JSON signed like Verity's own inbound webhooks (x-verity-signature over "timestamp.body"). */
export function renderWebhook(config: ChannelConfig['webhook'], message: Message, now = Math.floor(Date.now() / 1000)): OutgoingRequest {
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

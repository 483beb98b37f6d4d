import type { Locale } from '../../core/i18n.ts';
import { notificationsMessages } from '../notifications.messages.ts';
import type { Message } from './driver.ts';

/** Escapes text for HTML (e-mail bodies, Telegram's HTML mode). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Neutralises markdown link and emphasis syntax in patient text so it shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#])/g, '\\$1');
}

/** The words of the link back to Verity, in the reader's language. */
export const openInVerity = (locale: Locale) => notificationsMessages.render(locale, 'openInVerity');

/** The markdown body the Chinese chat robots (WeCom, DingTalk) show. */
export function markdownBody(message: Message, locale: Locale): string {
  const link = message.url ? `\n\n[${openInVerity(locale)}](${message.url})` : '';
  return `### ${escapeMarkdown(message.title)}\n\n${escapeMarkdown(message.text)}${link}`;
}

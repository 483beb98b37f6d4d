import { renderText, type Locale } from '../core/i18n.ts';
import type { NestedText } from '../db/schema-alerts.ts';

export type { NestedText };

/**
 * A title or body: words as people wrote them (a rule's name, a case's title), or a message code
 * rendered for each reader. A parameter may itself be a code (a tier, a window of time), which is
 * rendered in the reader's language too.
 */
export type NotificationText = string | NestedText;

/** What `notifications.message` keeps: the codes of a title and body that were given as codes. */
export interface StoredMessage {
  title?: NestedText;
  text?: NestedText;
}

/** The codes to keep for a notification, or null when both its title and body are plain words. */
export function storedMessageOf(title: NotificationText, text: NotificationText): StoredMessage | null {
  const message: StoredMessage = {};
  if (typeof title !== 'string') message.title = title;
  if (typeof text !== 'string') message.text = text;
  return message.title || message.text ? message : null;
}

/** Renders a code in `locale`, its coded parameters too. */
export const renderNested: (locale: Locale, text: NestedText) => string = renderText;

/** Renders a title or body in `locale`. */
export function renderNotificationText(locale: Locale, value: NotificationText): string {
  return typeof value === 'string' ? value : renderNested(locale, value);
}

/**
 * A stored notification in `locale`: its codes rendered in that language, else the title and text
 * it was stored with (written in the organisation's default language, or plain words).
 */
export function localizeNotification(locale: Locale, row: { title: string; text: string; message: StoredMessage | null }): { title: string; text: string } {
  return {
    title: row.message?.title ? renderNested(locale, row.message.title) : row.title,
    text: row.message?.text ? renderNested(locale, row.message.text) : row.text,
  };
}

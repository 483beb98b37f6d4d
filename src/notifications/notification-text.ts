import { renderText, type Locale, type Text, type Words } from '../core/i18n.ts';

/** What `notifications.message` keeps: the codes of a title and body that were given as codes. */
export interface StoredMessage {
  title?: Text;
  text?: Text;
}

/** The codes to keep for a notification, or null when both its title and body are plain words. */
export function storedMessageOf(title: Words, text: Words): StoredMessage | null {
  const message: StoredMessage = {};
  if (typeof title !== 'string') message.title = title;
  if (typeof text !== 'string') message.text = text;
  return message.title || message.text ? message : null;
}

/**
 * A stored notification in `locale`: its codes rendered in that language, else the title and text
 * it was stored with (written in the organisation's default language, or plain words).
 */
export function localizeNotification(locale: Locale, row: { title: string; text: string; message: StoredMessage | null }): { title: string; text: string } {
  return {
    title: row.message?.title ? renderText(locale, row.message.title) : row.title,
    text: row.message?.text ? renderText(locale, row.message.text) : row.text,
  };
}

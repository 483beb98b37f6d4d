import type { Db } from '../db/database.ts';
import { notFound } from '../core/errors.ts';
import { DEFAULT_LOCALE, renderText, type Locale } from '../core/i18n.ts';
import { notificationsMessages } from './notifications.messages.ts';
import { localizeNotification } from './notification-text.ts';
import type { DeliveryStatus } from './notifications.vocab.ts';

const notificationsOf = (db: Db, userId: string) =>
  db
    .selectFrom('notification_recipients as r')
    .innerJoin('notifications as n', 'n.id', 'r.notification_id')
    .select(['r.id', 'n.title', 'n.text', 'n.message', 'n.url', 'r.read_at as readAt', 'r.created_at as createdAt'])
    .where('r.user_id', '=', userId);

type Row = Awaited<ReturnType<ReturnType<typeof notificationsOf>['execute']>>[number];

/** A notification as its reader sees it: title and body in the reader's language. */
function toView({ message, title, text, ...row }: Row, locale: Locale) {
  const words = localizeNotification(locale, { title, text, message });
  return { id: row.id, title: words.title, body: words.text, url: row.url, readAt: row.readAt, createdAt: row.createdAt };
}

/** One of the user's in-app notifications, in `locale`; throws not_found for anyone else's. */
export async function getNotification(db: Db, userId: string, id: string, locale: Locale = DEFAULT_LOCALE) {
  const row = await notificationsOf(db, userId).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('notification');
  return toView(row, locale);
}

/** The user's in-app notifications in `locale`, newest first, and how many are unread. */
export async function findNotifications(db: Db, userId: string, locale: Locale = DEFAULT_LOCALE, limit = 50) {
  const rows = await notificationsOf(db, userId).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
  const unread = await db
    .selectFrom('notification_recipients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { items: rows.map((r) => toView(r, locale)), unread: Number(unread.n) };
}

/** Marks one of the user's notifications read (once; reading it again keeps the first time). Throws not_found for anyone else's. */
export async function markNotificationRead(db: Db, userId: string, id: string, locale: Locale = DEFAULT_LOCALE) {
  const notification = await getNotification(db, userId, id, locale);
  if (notification.readAt) return notification;
  await db.updateTable('notification_recipients').set({ read_at: new Date() }).where('id', '=', notification.id).where('user_id', '=', userId).execute();
  return getNotification(db, userId, id, locale);
}

/** The organisation's deliveries in `locale`, newest first, optionally of one status. */
export async function findDeliveries(db: Db, orgId: string, options: { status?: DeliveryStatus; id?: string; locale?: Locale } = {}) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  let query = db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notifications as n', 'n.id', 'd.notification_id')
    .leftJoin('users as u', 'u.id', 'd.user_id')
    .select([
      'd.id',
      'd.channel_id as channelId',
      'd.label',
      'u.email',
      'd.kind as channelKind',
      'd.status',
      'd.attempts',
      'd.last_error as lastError',
      'd.last_error_message as lastErrorMessage',
      'd.created_at as createdAt',
      'd.dismissed_at as dismissedAt',
      'n.title',
      'n.text',
      'n.message',
    ])
    .where('d.org_id', '=', orgId);
  if (options.status) query = query.where('d.status', '=', options.status);
  // The dead-letter list leaves out what an admin dismissed (the full log keeps it).
  if (options.status === 'dead') query = query.where('d.dismissed_at', 'is', null);
  if (options.id) query = query.where('d.id', '=', options.id);
  const rows = await query.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(200).execute();
  return rows.map(({ label, email, text, message, lastErrorMessage, ...r }) => ({
    ...r,
    // Verity's own reasons in the reader's language; a remote server's answer as it came.
    lastError: lastErrorMessage ? renderText(locale, lastErrorMessage) : r.lastError,
    // An e-mail to a user is named in the reader's language; a channel by the name people gave it.
    channelName: email ? notificationsMessages.render(locale, 'emailTo', { email }) : label,
    channelKind: r.channelKind,
    status: r.status,
    title: localizeNotification(locale, { title: r.title, text, message }).title,
  }));
}

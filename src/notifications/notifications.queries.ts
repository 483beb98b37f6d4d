import type { Db } from '../db/database.ts';
import { notFound } from '../core/errors.ts';
import type { ChannelKind } from './channel-config.ts';

const notificationsOf = (db: Db, userId: string) =>
  db
    .selectFrom('notification_recipients as r')
    .innerJoin('notifications as n', 'n.id', 'r.notification_id')
    .select(['r.id', 'n.title', 'n.text as body', 'n.url', 'r.read_at as readAt', 'r.created_at as createdAt'])
    .where('r.user_id', '=', userId);

/** One of the user's in-app notifications; throws not_found for anyone else's. */
export async function getNotification(db: Db, userId: string, id: string) {
  const row = await notificationsOf(db, userId).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('notification');
  return row;
}

/** The user's in-app notifications, newest first, and how many are unread. */
export async function findNotifications(db: Db, userId: string, limit = 50) {
  const rows = await notificationsOf(db, userId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  const unread = await db
    .selectFrom('notification_recipients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { items: rows, unread: Number(unread.n) };
}

/** The organisation's deliveries, newest first, optionally of one status. */
export async function findDeliveries(db: Db, orgId: string, status?: string, id?: string) {
  let query = db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notifications as n', 'n.id', 'd.notification_id')
    .select(['d.id', 'd.channel_id as channelId', 'd.label as channelName', 'd.kind as channelKind', 'd.status', 'd.attempts', 'd.last_error as lastError', 'd.created_at as createdAt', 'n.title'])
    .where('d.org_id', '=', orgId);
  if (status) query = query.where('d.status', '=', status);
  if (id) query = query.where('d.id', '=', id);
  const rows = await query.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(200).execute();
  return rows.map((r) => ({ ...r, channelKind: r.channelKind as ChannelKind, status: r.status as 'pending' | 'sent' | 'dead' }));
}

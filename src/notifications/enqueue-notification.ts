import { renderWords, type Words } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import type { PgBoss, SendOptions } from 'pg-boss';
import { sendJob } from '../core/jobs.ts';
import { deliveryJobOf } from './jobs/deliver-notification.job.ts';
import type { Role } from '../core/access.vocab.ts';
import { alertsPermissions } from '../alerts/alerts.permissions.ts';
import { readConfig } from '../core/config.ts';
import { driverOf } from './channels/index.ts';
import type { InAppConfig } from './channels/in-app.ts';
import { notificationsMessages } from './notifications.messages.ts';
import { storedMessageOf } from './notification-text.ts';
import { whoMayRead } from './department-readers.ts';
import type { ChannelKind } from './notifications.vocab.ts';

/** Retries after the first attempt; a delivery that fails this many more times is dead-lettered. */
export const DELIVERY_RETRY_LIMIT = 5;

export interface NotificationInput {
  orgId: string;
  /** A message code (each reader gets it in their language) or words as people wrote them. */
  title: Words;
  /** Plain text (HTML is made by escaping) or a message code. */
  text: Words;
  url?: string;
  channelIds?: string[];
  userIds?: string[];
  roles?: Role[];
  urgent?: boolean;
  /** Holds the channel deliveries until then (quiet hours); in-app rows appear at once. */
  notBefore?: Date;
  /** The departments of the mentions it quotes or counts ([] for the whole organisation): in-app rows of an in_app channel go to department-scoped users only when every one is theirs. */
  departmentIds?: (string | null)[];
}

/**
 * pg-boss retry options of a delivery job: doubling delays from VERITY_DELIVERY_RETRY_DELAY, or
 * immediate retries when it is 0. A send times out after 10 s; the expiry only catches a worker
 * that died mid-send, so that its job is retried (the server also fails its own orphans at start
 * on the embedded store).
 */
export function deliveryJobOptions(delaySeconds = readConfig().deliveryRetryDelaySeconds): SendOptions {
  const retry: SendOptions =
    delaySeconds > 0 ? { retryLimit: DELIVERY_RETRY_LIMIT, retryDelay: delaySeconds, retryBackoff: true, retryDelayMax: 3600 } : { retryLimit: DELIVERY_RETRY_LIMIT, retryDelay: 0 };
  return { ...retry, expireInSeconds: 60 };
}

/** What picks a delivery's queue: its kind and whether its notification is urgent. */
export interface DeliveryRef {
  id: string;
  kind: ChannelKind;
  urgent: boolean;
}

/** Sends the job of one delivery row, to its kind's queue (urgent ones to their own), through the caller's transaction (or connection). */
export async function sendDeliveryJob(boss: PgBoss, trx: Db, delivery: DeliveryRef, notBefore?: Date | null): Promise<void> {
  const job = deliveryJobOf(delivery.kind, delivery.urgent);
  await sendJob(boss, trx, job, { deliveryId: delivery.id }, { ...deliveryJobOptions(), ...(notBefore && notBefore > new Date() ? { startAfter: notBefore } : {}) });
}

/**
 * Records the notification and enqueues one delivery per channel (and in-app rows per user) inside the caller's transaction.
 * Users named by `userIds`/`roles` get an in-app row and an e-mail to their address (kept in the organisation's outbox when
 * no SMTP server is configured); an in_app channel adds rows for its users. Ids of other organisations and disabled channels are skipped.
 * Throws only on a database error.
 */
export async function enqueueNotification(boss: PgBoss | null, trx: Db, input: NotificationInput): Promise<void> {
  // The title and text columns hold the organisation's default language, for readers of the rows
  // that know nothing of message codes; each reader's own language is rendered from `message`.
  const org = await trx.selectFrom('organisations').select('default_locale').where('id', '=', input.orgId).executeTakeFirstOrThrow();
  const message = storedMessageOf(input.title, input.text);
  const notification = await trx
    .insertInto('notifications')
    .values({
      org_id: input.orgId,
      title: renderWords(org.default_locale, input.title).slice(0, 500),
      text: renderWords(org.default_locale, input.text),
      message: message ? JSON.stringify(message) : null,
      url: input.url ?? null,
      is_urgent: input.urgent ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const inAppUsers = new Set<string>();
  const deliveries: { channel_id: string | null; user_id: string | null; kind: ChannelKind; label: string }[] = [];

  const channelIds = [...new Set(input.channelIds ?? [])];
  if (channelIds.length) {
    const channels = await trx
      .selectFrom('alert_channels')
      .select(['id', 'name', 'kind', 'config'])
      .where('org_id', '=', input.orgId)
      .where('id', 'in', channelIds)
      .where('enabled', '=', true)
      .execute();
    for (const channel of channels) {
      if (!driverOf(channel.kind).deliveredByJob) {
        const config = channel.config as InAppConfig;
        const everyone = !config.userIds?.length && !config.roles?.length;
        // An in_app channel naming nobody reaches everyone who may read alerts; one naming people
        // reaches those of them who may read (and so acknowledge) the alert it links to.
        const readers = alertsPermissions['alerts.read'];
        const roles = everyone ? [...readers] : (config.roles ?? []).filter((r) => readers.includes(r));
        for (const user of await whoMayRead(trx, input.orgId, await findUsers(trx, input.orgId, config.userIds ?? [], roles, readers), input.departmentIds)) inAppUsers.add(user.id);
      } else {
        deliveries.push({ channel_id: channel.id, user_id: null, kind: channel.kind, label: channel.name });
      }
    }
  }

  if (input.userIds?.length || input.roles?.length) {
    for (const user of await findUsers(trx, input.orgId, input.userIds ?? [], input.roles ?? [])) {
      inAppUsers.add(user.id);
      deliveries.push({ channel_id: null, user_id: user.id, kind: 'email', label: notificationsMessages.render(org.default_locale, 'emailTo', { email: user.email }) });
    }
  }

  if (inAppUsers.size) {
    await trx
      .insertInto('notification_recipients')
      .values([...inAppUsers].map((userId) => ({ notification_id: notification.id, user_id: userId })))
      .execute();
  }
  if (!deliveries.length) return;
  const rows = await trx
    .insertInto('notification_deliveries')
    .values(deliveries.map((d) => ({ ...d, org_id: input.orgId, notification_id: notification.id, attempt_limit: DELIVERY_RETRY_LIMIT + 1, not_before: input.notBefore ?? null })))
    .returning(['id', 'kind'])
    .execute();
  if (!boss) return;
  for (const row of rows) await sendDeliveryJob(boss, trx, { id: row.id, kind: row.kind, urgent: input.urgent ?? false }, input.notBefore);
}

/** Active users of the organisation named by id or role; `onlyRoles` narrows them to those roles. */
async function findUsers(trx: Db, orgId: string, userIds: string[], roles: readonly Role[], onlyRoles?: readonly Role[]) {
  if (!userIds.length && !roles.length) return [];
  let query = trx.selectFrom('users').select(['id', 'email']).where('org_id', '=', orgId).where('disabled', '=', false);
  if (onlyRoles) query = query.where('role', 'in', [...onlyRoles]);
  return query
    .where((eb) => {
      const ors = [];
      if (userIds.length) ors.push(eb('id', 'in', userIds));
      if (roles.length) ors.push(eb('role', 'in', roles));
      return eb.or(ors);
    })
    .execute();
}

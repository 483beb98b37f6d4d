import { sql } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { AppContext } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import { DELIVERY_RETRY_LIMIT, sendDeliveryJob } from './enqueue-notification.ts';
import { notificationsMessages } from './notifications.messages.ts';
import type { Db } from '../db/database.ts';

/** Who retries a delivery, for the audit log. */
export interface RetryAuthor {
  orgId: string;
  userId: string;
  email: string;
  ip: string | null;
}

/**
 * Gives a dead delivery a fresh round of attempts, enqueues it and records who did, in one
 * transaction. Throws not_found for an id outside the organisation and conflict unless the
 * delivery is dead.
 */
export async function retryDelivery(ctx: Pick<AppContext, 'db' | 'boss'>, by: RetryAuthor, deliveryId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('notification_deliveries')
      .select(['id', 'status', 'kind', 'notification_id'])
      .where('id', '=', deliveryId)
      .where('org_id', '=', by.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('delivery');
    if (row.status !== 'dead') throw new AppError('conflict', notificationsMessages.text(row.status === 'sent' ? 'onlyDeadRetried.sent' : 'onlyDeadRetried.pending'));
    await trx
      .updateTable('notification_deliveries')
      .set({ status: 'pending', attempt_limit: sql<number>`attempts + ${DELIVERY_RETRY_LIMIT + 1}`, not_before: null, dismissed_at: null, dismissed_by: null, updated_at: sql<Date>`now()` })
      .where('id', '=', row.id)
      .execute();
    if (ctx.boss) await sendDeliveryJob(ctx.boss, trx, { id: row.id, kind: row.kind, urgent: (await urgentNotifications(trx, [row.notification_id])).has(row.notification_id) });
    await recordAudit(trx, { orgId: by.orgId, userId: by.userId, actor: by.email, action: 'delivery.retry', targetType: 'delivery', targetId: row.id, ip: by.ip });
  });
}

/**
 * Retries every dead delivery among `ids` in one transaction (each with its job and audit entry);
 * ids of another organisation, or of deliveries that are not dead, are left alone and counted as
 * skipped. Returns the ids retried.
 */
export async function retryDeliveries(ctx: Pick<AppContext, 'db' | 'boss'>, by: RetryAuthor, ids: string[]): Promise<{ retried: string[]; skipped: number }> {
  const unique = [...new Set(ids)];
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('notification_deliveries')
      .set({ status: 'pending', attempt_limit: sql<number>`attempts + ${DELIVERY_RETRY_LIMIT + 1}`, not_before: null, dismissed_at: null, dismissed_by: null, updated_at: sql<Date>`now()` })
      .where('org_id', '=', by.orgId)
      .where('id', 'in', unique)
      .where('status', '=', 'dead')
      .returning(['id', 'kind', 'notification_id'])
      .execute();
    const urgent = await urgentNotifications(
      trx,
      rows.map((r) => r.notification_id),
    );
    for (const row of rows) {
      if (ctx.boss) await sendDeliveryJob(ctx.boss, trx, { id: row.id, kind: row.kind, urgent: urgent.has(row.notification_id) });
      await recordAudit(trx, { orgId: by.orgId, userId: by.userId, actor: by.email, action: 'delivery.retry', targetType: 'delivery', targetId: row.id, ip: by.ip });
    }
    return { retried: rows.map((r) => r.id), skipped: unique.length - rows.length };
  });
}

/** Which of these notifications are urgent (their retried deliveries go to the urgent queue). */
async function urgentNotifications(trx: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await trx
    .selectFrom('notifications')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .where('is_urgent', '=', true)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Takes dead deliveries off the dead-letter list (they stay in the delivery log, with who dismissed
 * them); ids of another organisation, or of deliveries that are not dead or already dismissed, are
 * skipped. Returns the ids dismissed.
 */
export async function dismissDeliveries(ctx: Pick<AppContext, 'db'>, by: RetryAuthor, ids: string[]): Promise<{ dismissed: string[]; skipped: number }> {
  const unique = [...new Set(ids)];
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('notification_deliveries')
      .set({ dismissed_at: sql<Date>`now()`, dismissed_by: by.userId, updated_at: sql<Date>`now()` })
      .where('org_id', '=', by.orgId)
      .where('id', 'in', unique)
      .where('status', '=', 'dead')
      .where('dismissed_at', 'is', null)
      .returning('id')
      .execute();
    for (const row of rows) {
      await recordAudit(trx, { orgId: by.orgId, userId: by.userId, actor: by.email, action: 'delivery.dismiss', targetType: 'delivery', targetId: row.id, ip: by.ip });
    }
    return { dismissed: rows.map((r) => r.id), skipped: unique.length - rows.length };
  });
}

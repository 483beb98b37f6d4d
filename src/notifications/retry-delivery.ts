import { sql } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { AppContext } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import { DELIVERY_RETRY_LIMIT, sendDeliveryJob } from './enqueue-notification.ts';
import { notificationsMessages } from './notifications.messages.ts';

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
    const row = await trx.selectFrom('notification_deliveries').select(['id', 'status']).where('id', '=', deliveryId).where('org_id', '=', by.orgId).forUpdate().executeTakeFirst();
    if (!row) throw notFound('delivery');
    if (row.status !== 'dead') throw new AppError('conflict', notificationsMessages.text(row.status === 'sent' ? 'onlyDeadRetried.sent' : 'onlyDeadRetried.pending'));
    await trx
      .updateTable('notification_deliveries')
      .set({ status: 'pending', attempt_limit: sql<number>`attempts + ${DELIVERY_RETRY_LIMIT + 1}`, not_before: null, updated_at: sql<Date>`now()` })
      .where('id', '=', row.id)
      .execute();
    if (ctx.boss) await sendDeliveryJob(ctx.boss, trx, row.id);
    await recordAudit(trx, { orgId: by.orgId, userId: by.userId, actor: by.email, action: 'delivery.retry', targetType: 'delivery', targetId: row.id, ip: by.ip });
  });
}

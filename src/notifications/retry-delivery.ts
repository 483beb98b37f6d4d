import { sql } from 'kysely';
import type { AppContext } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import { DELIVERY_RETRY_LIMIT, sendDeliveryJob } from './enqueue-notification.ts';

/**
 * Gives a dead delivery a fresh round of attempts and enqueues it. Throws not_found for an id
 * outside the organisation and conflict unless the delivery is dead.
 */
export async function retryDelivery(ctx: AppContext, orgId: string, deliveryId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('notification_deliveries').select(['id', 'status']).where('id', '=', deliveryId).where('org_id', '=', orgId).forUpdate().executeTakeFirst();
    if (!row) throw notFound('delivery');
    if (row.status !== 'dead') throw new AppError('conflict', `only a dead delivery can be retried; this one is ${row.status}`);
    await trx
      .updateTable('notification_deliveries')
      .set({ status: 'pending', attempt_limit: sql<number>`attempts + ${DELIVERY_RETRY_LIMIT + 1}`, not_before: null, updated_at: sql<Date>`now()` })
      .where('id', '=', row.id)
      .execute();
    if (ctx.boss) await sendDeliveryJob(ctx.boss, trx, row.id);
  });
}

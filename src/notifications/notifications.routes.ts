import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { IdParams } from '../auth/auth.schemas.ts';
import { requireAuth } from '../core/request.ts';
import { findDeliveries, findNotifications, getNotification } from './notifications.queries.ts';
import { DeliveryFilters, DeliveryView, NotificationView } from './notifications.schemas.ts';
import { retryDelivery } from './retry-delivery.ts';

/** The current user's in-app notifications, and the organisation's delivery log with its dead letters. */
export async function notificationRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;

  app.get(
    '/api/notifications',
    { config: { access: 'authenticated' }, schema: { tags: ['notifications'], response: { 200: z.object({ items: z.array(NotificationView), unread: z.number().int() }) } } },
    async (request) => findNotifications(db, requireAuth(request).userId),
  );

  app.post(
    '/api/notifications/:id/read',
    { config: { access: 'authenticated' }, schema: { tags: ['notifications'], params: IdParams, response: { 200: z.object({ notification: NotificationView }) } } },
    async (request) => {
      const { userId } = requireAuth(request);
      // Only the recipient's own row: another user's (or organisation's) id reads as not found.
      const notification = await getNotification(db, userId, request.params.id);
      if (!notification.readAt) {
        await db.updateTable('notification_recipients').set({ read_at: new Date() }).where('id', '=', notification.id).where('user_id', '=', userId).execute();
      }
      return { notification: await getNotification(db, userId, notification.id) };
    },
  );

  app.get(
    '/api/deliveries',
    { config: { access: 'alerts.manage' }, schema: { tags: ['notifications'], querystring: DeliveryFilters, response: { 200: z.object({ items: z.array(DeliveryView) }) } } },
    async (request) => ({ items: await findDeliveries(db, requireAuth(request).orgId, request.query.status) }),
  );

  app.post(
    '/api/deliveries/:id/retry',
    { config: { access: 'alerts.manage' }, schema: { tags: ['notifications'], params: IdParams, response: { 200: z.object({ delivery: DeliveryView }) } } },
    async (request) => {
      const auth = requireAuth(request);
      await retryDelivery(server.ctx, auth.orgId, request.params.id);
      await recordAudit(db, { orgId: auth.orgId, userId: auth.userId, actor: auth.email, action: 'delivery.retry', targetType: 'delivery', targetId: request.params.id, ip: request.ip });
      const [delivery] = await findDeliveries(db, auth.orgId, undefined, request.params.id);
      return { delivery: delivery! };
    },
  );
}

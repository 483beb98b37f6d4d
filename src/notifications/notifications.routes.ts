import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../auth/index.ts';
import { requireAuth } from '../core/request.ts';
import { findDeliveries, findNotifications, markNotificationRead } from './notifications.queries.ts';
import { DeliveryFilters, DeliveryIds, DeliveryView, NotificationView, OutboxFilters, OutboxMail, OutboxMailSummary } from './notifications.schemas.ts';
import { findOutbox, getOutboxMail } from './outbox.ts';
import { dismissDeliveries, retryDeliveries, retryDelivery } from './retry-delivery.ts';

/** The current user's in-app notifications (in the reader's language), the organisation's delivery log with its dead letters, and its local mail outbox. */
export async function notificationRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;

  app.get(
    '/api/notifications',
    { config: { access: 'authenticated' }, schema: { tags: ['notifications'], response: { 200: z.object({ items: z.array(NotificationView), unread: z.number().int() }) } } },
    async (request) => findNotifications(db, requireAuth(request).userId, request.locale),
  );

  app.post(
    '/api/notifications/:id/read',
    { config: { access: 'authenticated' }, schema: { tags: ['notifications'], params: IdParams, response: { 200: z.object({ notification: NotificationView }) } } },
    async (request) => {
      // Only the recipient's own row: another user's (or organisation's) id reads as not found.
      const notification = await markNotificationRead(db, requireAuth(request).userId, request.params.id, request.locale);
      return { notification };
    },
  );

  app.get(
    '/api/deliveries',
    { config: { access: 'alerts.manage' }, schema: { tags: ['notifications'], querystring: DeliveryFilters, response: { 200: z.object({ items: z.array(DeliveryView) }) } } },
    async (request) => ({ items: await findDeliveries(db, requireAuth(request).orgId, { status: request.query.status, locale: request.locale }) }),
  );

  app.post(
    '/api/deliveries/:id/retry',
    { config: { access: 'alerts.manage' }, schema: { tags: ['notifications'], params: IdParams, response: { 200: z.object({ delivery: DeliveryView }) } } },
    async (request) => {
      const auth = requireAuth(request);
      await retryDelivery(server.ctx, { orgId: auth.orgId, userId: auth.userId, email: auth.email, ip: request.ip }, request.params.id);
      const [delivery] = await findDeliveries(db, auth.orgId, { id: request.params.id, locale: request.locale });
      return { delivery: delivery! };
    },
  );

  // Bulk actions of the dead-letter list: ids of another organisation, or not dead, are skipped.
  app.post(
    '/api/deliveries/retry',
    { config: { access: 'alerts.manage' }, schema: { tags: ['notifications'], body: DeliveryIds, response: { 200: z.object({ retried: z.array(z.string()), skipped: z.number().int() }) } } },
    async (request) => {
      const auth = requireAuth(request);
      return retryDeliveries(server.ctx, { orgId: auth.orgId, userId: auth.userId, email: auth.email, ip: request.ip }, request.body.ids);
    },
  );

  app.post(
    '/api/deliveries/dismiss',
    { config: { access: 'alerts.manage' }, schema: { tags: ['notifications'], body: DeliveryIds, response: { 200: z.object({ dismissed: z.array(z.string()), skipped: z.number().int() }) } } },
    async (request) => {
      const auth = requireAuth(request);
      return dismissDeliveries(server.ctx, { orgId: auth.orgId, userId: auth.userId, email: auth.email, ip: request.ip }, request.body.ids);
    },
  );

  // The local outbox: e-mail kept when no SMTP server is configured.
  app.get(
    '/api/mail-outbox',
    {
      config: { access: 'notifications.outbox' },
      schema: {
        tags: ['notifications'],
        querystring: OutboxFilters,
        response: { 200: z.object({ items: z.array(OutboxMailSummary), total: z.number().int(), pageSize: z.number().int(), smtpConfigured: z.boolean() }) },
      },
    },
    async (request) => ({ ...(await findOutbox(db, requireAuth(request).orgId, request.query.page)), smtpConfigured: Boolean(server.ctx.config.smtpUrl) }),
  );

  app.get(
    '/api/mail-outbox/:id',
    { config: { access: 'notifications.outbox' }, schema: { tags: ['notifications'], params: IdParams, response: { 200: z.object({ mail: OutboxMail }) } } },
    async (request) => ({ mail: await getOutboxMail(db, requireAuth(request).orgId, request.params.id) }),
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { requireAuth } from '../core/request.ts';
import { viewerOf } from '../core/viewer.ts';

import { AlertFilters, AlertView, ChannelBody, ChannelPatch, ChannelView, RuleBody, RulePatch, RuleView } from './alerts.schemas.ts';
import {
  acknowledgeAlert,
  createChannel,
  createRule,
  deleteChannel,
  deleteRule,
  findAlerts,
  findChannels,
  findRules,
  getAlert,
  getChannel,
  getChannelRow,
  getRule,
  updateChannel,
  updateRule,
} from './alerts.queries.ts';
import { validateChannelConfig } from './validate-channel.ts';
import { validateRule } from './validate-rule.ts';
import { assertNoDuplicateRule } from './duplicate-rules.ts';

/** Alert channels, alert rules and the alerts they open. */
export async function alertRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const by = (request: FastifyRequest) => auditBy(requireAuth(request), request.ip);

  // Channels
  app.get('/api/alert-channels', { config: { access: 'alerts.read' }, schema: { tags: ['alerts'], response: { 200: z.object({ items: z.array(ChannelView) }) } } }, async (request) => ({
    items: await findChannels(db, requireAuth(request).orgId),
  }));

  app.post(
    '/api/alert-channels',
    { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], body: ChannelBody, response: { 201: z.object({ channel: ChannelView }) } } },
    async (request, reply) => {
      const { orgId } = requireAuth(request);
      const b = request.body;
      const config = await validateChannelConfig(db, orgId, b.kind, b.config, undefined, server.ctx.config.outboundAllow);
      const id = await createChannel(db, by(request), { name: b.name, kind: b.kind, enabled: b.enabled, config });
      return reply.status(201).send({ channel: await getChannel(db, orgId, id) });
    },
  );

  app.patch(
    '/api/alert-channels/:id',
    { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], params: IdParams, body: ChannelPatch, response: { 200: z.object({ channel: ChannelView }) } } },
    async (request) => {
      const { orgId } = requireAuth(request);
      const stored = await getChannelRow(db, orgId, request.params.id);
      const b = request.body;
      // alert_channels.kind is checked against CHANNEL_KINDS by the table's CHECK constraint.
      const config = b.config ? await validateChannelConfig(db, orgId, stored.kind, b.config, stored.config, server.ctx.config.outboundAllow) : undefined;
      await updateChannel(db, by(request), stored.id, { kind: stored.kind, name: b.name, enabled: b.enabled, config });
      return { channel: await getChannel(db, orgId, stored.id) };
    },
  );

  app.delete('/api/alert-channels/:id', { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], params: IdParams } }, async (request, reply) => {
    await deleteChannel(db, by(request), request.params.id);
    return reply.status(204).send();
  });

  // Rules
  app.get('/api/alert-rules', { config: { access: 'alerts.read' }, schema: { tags: ['alerts'], response: { 200: z.object({ items: z.array(RuleView) }) } } }, async (request) => ({
    items: await findRules(db, requireAuth(request).orgId),
  }));

  app.post('/api/alert-rules', { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], body: RuleBody, response: { 201: z.object({ rule: RuleView }) } } }, async (request, reply) => {
    const { orgId } = requireAuth(request);
    await validateRule(db, orgId, request.body);
    await assertNoDuplicateRule(db, orgId, request.body);
    return reply.status(201).send({ rule: await createRule(db, by(request), request.body) });
  });

  app.patch(
    '/api/alert-rules/:id',
    { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], params: IdParams, body: RulePatch, response: { 200: z.object({ rule: RuleView }) } } },
    async (request) => {
      const { orgId } = requireAuth(request);
      const current = await getRule(db, orgId, request.params.id);
      const merged = RuleBody.parse({ ...current, ...request.body });
      await validateRule(db, orgId, merged);
      await assertNoDuplicateRule(db, orgId, merged, current.id);
      return { rule: await updateRule(db, by(request), current.id, merged, Object.keys(request.body)) };
    },
  );

  app.delete('/api/alert-rules/:id', { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], params: IdParams } }, async (request, reply) => {
    await deleteRule(db, by(request), request.params.id);
    return reply.status(204).send();
  });

  // Alerts
  app.get(
    '/api/alerts',
    { config: { access: 'alerts.read' }, schema: { tags: ['alerts'], querystring: AlertFilters, response: { 200: z.object({ items: z.array(AlertView), nextCursor: z.string().nullable() }) } } },
    async (request) => findAlerts(db, viewerOf(requireAuth(request)), request.query, request.locale),
  );

  app.post(
    '/api/alerts/:id/acknowledge',
    // Everyone an alert may reach (alerts.read: in-app channels reach only these roles) may acknowledge it.
    { config: { access: 'alerts.read' }, schema: { tags: ['alerts'], params: IdParams, response: { 200: z.object({ alert: AlertView }) } } },
    async (request) => {
      const auth = requireAuth(request);
      await acknowledgeAlert(db, by(request), request.params.id, viewerOf(auth));
      return { alert: await getAlert(db, viewerOf(auth), request.params.id, request.locale) };
    },
  );
}

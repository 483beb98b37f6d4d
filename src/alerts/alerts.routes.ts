import type { AuditAction } from '../audit/audit.vocab.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { IdParams } from '../auth/auth.schemas.ts';
import { requireAuth } from '../core/request.ts';
import { AppError, badRequest, notFound } from '../core/errors.ts';
import { parseChannelConfig, type ChannelKind } from '../notifications/channel-config.ts';
import { AlertFilters, AlertView, ChannelBody, ChannelPatch, ChannelView, RuleBody, RulePatch, RuleView } from './alerts.schemas.ts';
import { findAlerts, findChannels, findRules, getAlert, getChannel, getChannelRow, getRule, ruleColumns, toRuleView } from './alerts.queries.ts';
import { validateRule } from './validate-rule.ts';

/** Alert channels, alert rules and the alerts they open. */
export async function alertRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const audit = (request: FastifyRequest, action: AuditAction, targetType: string, targetId: string, details?: Record<string, unknown>) => {
    const auth = requireAuth(request);
    return recordAudit(db, { orgId: auth.orgId, userId: auth.userId, actor: auth.email, action, targetType, targetId, ip: request.ip, details });
  };

  /** Validates a channel config and the users an in_app channel names; throws bad_request. */
  async function channelConfig(orgId: string, kind: ChannelKind, config: unknown, stored?: Record<string, unknown>) {
    let parsed: Record<string, unknown>;
    try {
      parsed = parseChannelConfig(kind, config, stored);
    } catch (error) {
      throw badRequest(`invalid ${kind} channel: ${(error as Error).message}`);
    }
    const userIds = kind === 'in_app' ? ((parsed.userIds as string[] | undefined) ?? []) : [];
    if (userIds.length) {
      const found = await db.selectFrom('users').select('id').where('org_id', '=', orgId).where('id', 'in', userIds).execute();
      if (found.length !== new Set(userIds).size) throw badRequest('config.userIds names users that do not exist in this organisation');
    }
    return parsed;
  }

  // Channels
  app.get('/api/alert-channels', { config: { access: 'alerts.read' }, schema: { tags: ['alerts'], response: { 200: z.object({ items: z.array(ChannelView) }) } } }, async (request) => ({
    items: await findChannels(db, requireAuth(request).orgId),
  }));

  app.post('/api/alert-channels', { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], body: ChannelBody, response: { 201: z.object({ channel: ChannelView }) } } }, async (request, reply) => {
    const { orgId } = requireAuth(request);
    const b = request.body;
    const config = await channelConfig(orgId, b.kind, b.config);
    const row = await db.insertInto('alert_channels').values({ org_id: orgId, name: b.name, kind: b.kind, enabled: b.enabled, config: JSON.stringify(config) }).returning('id').executeTakeFirstOrThrow();
    await audit(request, 'alert_channel.create', 'alert_channel', row.id, { kind: b.kind, name: b.name });
    return reply.status(201).send({ channel: await getChannel(db, orgId, row.id) });
  });

  app.patch('/api/alert-channels/:id', { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], params: IdParams, body: ChannelPatch, response: { 200: z.object({ channel: ChannelView }) } } }, async (request) => {
    const { orgId } = requireAuth(request);
    const stored = await getChannelRow(db, orgId, request.params.id);
    const b = request.body;
    const config = b.config ? await channelConfig(orgId, stored.kind as ChannelKind, b.config, stored.config) : undefined;
    await db
      .updateTable('alert_channels')
      .set({ name: b.name, enabled: b.enabled, ...(config ? { config: JSON.stringify(config) } : {}) })
      .where('id', '=', stored.id)
      .where('org_id', '=', orgId)
      .execute();
    await audit(request, 'alert_channel.update', 'alert_channel', stored.id, { name: b.name, enabled: b.enabled, config: b.config ? 'changed' : undefined });
    return { channel: await getChannel(db, orgId, stored.id) };
  });

  app.delete('/api/alert-channels/:id', { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], params: IdParams } }, async (request, reply) => {
    const { orgId } = requireAuth(request);
    await db.transaction().execute(async (trx) => {
      const gone = await trx.deleteFrom('alert_channels').where('id', '=', request.params.id).where('org_id', '=', orgId).returning('id').executeTakeFirst();
      if (!gone) throw notFound('alert channel');
      // Rules keep no dangling channel ids.
      await trx
        .updateTable('alert_rules')
        .set((eb) => ({ channel_ids: eb.fn<string[]>('array_remove', ['channel_ids', eb.val(gone.id)]) }))
        .where('org_id', '=', orgId)
        .execute();
    });
    await audit(request, 'alert_channel.delete', 'alert_channel', request.params.id);
    return reply.status(204).send();
  });

  // Rules
  app.get('/api/alert-rules', { config: { access: 'alerts.read' }, schema: { tags: ['alerts'], response: { 200: z.object({ items: z.array(RuleView) }) } } }, async (request) => ({
    items: await findRules(db, requireAuth(request).orgId),
  }));

  app.post('/api/alert-rules', { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], body: RuleBody, response: { 201: z.object({ rule: RuleView }) } } }, async (request, reply) => {
    const { orgId } = requireAuth(request);
    const b = request.body;
    await validateRule(db, orgId, b);
    const row = await db
      .insertInto('alert_rules')
      .values({ org_id: orgId, ...ruleColumnsOf(b) })
      .returning(ruleColumns)
      .executeTakeFirstOrThrow();
    await audit(request, 'alert_rule.create', 'alert_rule', row.id, { name: b.name, kind: b.kind });
    return reply.status(201).send({ rule: toRuleView(row) });
  });

  app.patch('/api/alert-rules/:id', { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], params: IdParams, body: RulePatch, response: { 200: z.object({ rule: RuleView }) } } }, async (request) => {
    const { orgId } = requireAuth(request);
    const current = await getRule(db, orgId, request.params.id);
    const merged = RuleBody.parse({ ...current, ...request.body });
    await validateRule(db, orgId, merged);
    const row = await db
      .updateTable('alert_rules')
      .set(ruleColumnsOf(merged))
      .where('id', '=', current.id)
      .where('org_id', '=', orgId)
      .returning(ruleColumns)
      .executeTakeFirst();
    if (!row) throw notFound('alert rule');
    await audit(request, 'alert_rule.update', 'alert_rule', row.id, { fields: Object.keys(request.body) });
    return { rule: toRuleView(row) };
  });

  app.delete('/api/alert-rules/:id', { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], params: IdParams } }, async (request, reply) => {
    const { orgId } = requireAuth(request);
    const gone = await db.deleteFrom('alert_rules').where('id', '=', request.params.id).where('org_id', '=', orgId).returning('id').executeTakeFirst();
    if (!gone) throw notFound('alert rule');
    await audit(request, 'alert_rule.delete', 'alert_rule', gone.id);
    return reply.status(204).send();
  });

  // Alerts
  app.get(
    '/api/alerts',
    { config: { access: 'alerts.read' }, schema: { tags: ['alerts'], querystring: AlertFilters, response: { 200: z.object({ items: z.array(AlertView), nextCursor: z.string().nullable() }) } } },
    async (request) => findAlerts(db, requireAuth(request).orgId, request.query),
  );

  app.post(
    '/api/alerts/:id/acknowledge',
    { config: { access: 'alerts.manage' }, schema: { tags: ['alerts'], params: IdParams, response: { 200: z.object({ alert: AlertView }) } } },
    async (request) => {
      const auth = requireAuth(request);
      const alert = await getAlert(db, auth.orgId, request.params.id);
      if (alert.status === 'acknowledged') throw new AppError('conflict', 'the alert is already acknowledged');
      await db
        .updateTable('alerts')
        .set({ status: 'acknowledged', acknowledged_at: new Date(), acknowledged_by: auth.userId })
        .where('id', '=', alert.id)
        .where('org_id', '=', auth.orgId)
        .execute();
      await audit(request, 'alert.acknowledge', 'alert', alert.id);
      return { alert: await getAlert(db, auth.orgId, alert.id) };
    },
  );
}

function ruleColumnsOf(b: RuleBody) {
  return {
    name: b.name,
    enabled: b.enabled,
    kind: b.kind,
    scope: JSON.stringify(b.scope),
    mention: b.mention ? JSON.stringify(b.mention) : null,
    volume: b.volume ? JSON.stringify(b.volume) : null,
    channel_ids: [...new Set(b.channelIds)],
    cooldown_minutes: b.cooldownMinutes,
    quiet_hours: b.quietHours ? JSON.stringify(b.quietHours) : null,
  };
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../auth/index.ts';
import { requireAuth } from '../core/request.ts';
import { viewerOf } from '../core/viewer.ts';
import { findActions } from './action-effect.ts';
import { getCaseSettings, updateCaseSettings } from './case-settings.ts';
import { addAction, addHandling, assignCase, closeCase, reopenCase, transitionCase, updateActionStatus } from './case-workflow.ts';
import { bulkCases } from './bulk-cases.ts';
import { findHandling, getCase, type Actor } from './cases.queries.ts';
import { findCases } from './find-cases.ts';
import { linkMention, unlinkMention } from './link-mention.ts';
import {
  ActionBody,
  ActionParams,
  ActionView,
  AssignBody,
  BulkBody,
  CaseFilters,
  CaseSettingsSchema,
  CaseView,
  CloseBody,
  ComplianceQuery,
  ComplianceView,
  CreateCaseBody,
  CreateRootCauseBody,
  HandlingBody,
  HandlingView,
  LinkMentionBody,
  MentionParams,
  ReopenBody,
  RootCauseView,
  TransitionBody,
  UpdateActionBody,
} from './cases.schemas.ts';
import { openCase } from './create-case.ts';
import { exportEvidencePack } from './evidence-pack.ts';
import { createRootCause, findRootCauses } from './root-causes.ts';
import { slaCompliance } from './sla-compliance.ts';

const CaseResponse = z.object({ case: CaseView });

function actorOf(request: FastifyRequest): Actor {
  const auth = requireAuth(request);
  return { id: auth.userId, name: auth.name, email: auth.email, ip: request.ip };
}

export async function caseRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const tags = ['cases'];

  app.get(
    '/api/cases',
    {
      config: { access: 'cases.read' },
      schema: { tags, querystring: CaseFilters, response: { 200: z.object({ items: z.array(CaseView), total: z.number(), nextCursor: z.string().nullable(), nextOffset: z.number().nullable() }) } },
    },
    async (request) => {
      const auth = requireAuth(request);
      return findCases(db, { ...viewerOf(auth), userId: auth.userId }, request.query, request.locale);
    },
  );

  app.post('/api/cases', { config: { access: 'cases.work' }, schema: { tags, body: CreateCaseBody, response: { 201: CaseResponse } } }, async (request, reply) => {
    const viewer = viewerOf(requireAuth(request));
    const id = await openCase(db, server.ctx.boss, { viewer, actor: actorOf(request), ...request.body });
    return reply.status(201).send({ case: await getCase(db, viewer, id, request.locale) });
  });

  app.post('/api/cases/:id/transition', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: TransitionBody, response: { 200: CaseResponse } } }, async (request) => {
    const viewer = viewerOf(requireAuth(request));
    await transitionCase(db, viewer, actorOf(request), request.params.id, request.body.to, request.body.note);
    return { case: await getCase(db, viewer, request.params.id, request.locale) };
  });

  app.post('/api/cases/:id/assign', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: AssignBody, response: { 200: CaseResponse } } }, async (request) => {
    const viewer = viewerOf(requireAuth(request));
    await assignCase(db, server.ctx.boss, viewer, actorOf(request), request.params.id, request.body);
    return { case: await getCase(db, viewer, request.params.id, request.locale) };
  });

  app.post('/api/cases/bulk', { config: { access: 'cases.work' }, schema: { tags, body: BulkBody, response: { 200: z.object({ items: z.array(CaseView) }) } } }, async (request) => {
    const auth = requireAuth(request);
    const viewer = viewerOf(auth);
    const ids = await bulkCases(db, server.ctx.boss, viewer, actorOf(request), request.body);
    return { items: await Promise.all(ids.map((id) => getCase(db, viewer, id, request.locale))) };
  });

  app.post('/api/cases/:id/mentions', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: LinkMentionBody, response: { 200: CaseResponse } } }, async (request) => {
    const viewer = viewerOf(requireAuth(request));
    await linkMention(db, viewer, actorOf(request), request.params.id, request.body.mentionId, request.body.reason);
    return { case: await getCase(db, viewer, request.params.id, request.locale) };
  });

  app.delete('/api/cases/:id/mentions/:mentionId', { config: { access: 'cases.work' }, schema: { tags, params: MentionParams, response: { 200: CaseResponse } } }, async (request) => {
    const viewer = viewerOf(requireAuth(request));
    await unlinkMention(db, viewer, actorOf(request), request.params.id, request.params.mentionId);
    return { case: await getCase(db, viewer, request.params.id, request.locale) };
  });

  app.post(
    '/api/cases/:id/handling',
    { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: HandlingBody, response: { 201: z.object({ case: CaseView, handling: z.array(HandlingView) }) } } },
    async (request, reply) => {
      const viewer = viewerOf(requireAuth(request));
      await addHandling(db, viewer, actorOf(request), request.params.id, request.body);
      return reply.status(201).send({ case: await getCase(db, viewer, request.params.id, request.locale), handling: await findHandling(db, request.params.id) });
    },
  );

  app.post(
    '/api/cases/:id/actions',
    { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: ActionBody, response: { 201: z.object({ case: CaseView, actions: z.array(ActionView) }) } } },
    async (request, reply) => {
      const viewer = viewerOf(requireAuth(request));
      await addAction(db, viewer, actorOf(request), request.params.id, request.body);
      const c = await getCase(db, viewer, request.params.id, request.locale);
      return reply.status(201).send({ case: c, actions: await findActions(db, { id: c.id, orgId: viewer.orgId, departmentId: c.departmentId, locationId: c.locationId }) });
    },
  );

  app.patch(
    '/api/cases/:id/actions/:actionId',
    { config: { access: 'cases.work' }, schema: { tags, params: ActionParams, body: UpdateActionBody, response: { 200: z.object({ case: CaseView, action: ActionView }) } } },
    async (request) => {
      const viewer = viewerOf(requireAuth(request));
      await updateActionStatus(db, viewer, actorOf(request), request.params.id, request.params.actionId, request.body.status);
      const c = await getCase(db, viewer, request.params.id, request.locale);
      const actions = await findActions(db, { id: c.id, orgId: viewer.orgId, departmentId: c.departmentId, locationId: c.locationId });
      return { case: c, action: actions.find((a) => a.id === request.params.actionId)! };
    },
  );

  app.post('/api/cases/:id/close', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: CloseBody, response: { 200: CaseResponse } } }, async (request) => {
    const viewer = viewerOf(requireAuth(request));
    await closeCase(db, viewer, actorOf(request), request.params.id, request.body.rootCauseId, request.body.note);
    return { case: await getCase(db, viewer, request.params.id, request.locale) };
  });

  app.post('/api/cases/:id/reopen', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: ReopenBody, response: { 200: CaseResponse } } }, async (request) => {
    const viewer = viewerOf(requireAuth(request));
    await reopenCase(db, server.ctx.boss, viewer, actorOf(request), request.params.id, { note: request.body.note });
    return { case: await getCase(db, viewer, request.params.id, request.locale) };
  });

  app.get('/api/cases/:id/evidence.zip', { config: { access: 'cases.read' }, schema: { tags, params: IdParams, produces: ['application/zip'] } }, async (request, reply) => {
    const auth = requireAuth(request);
    const pack = await exportEvidencePack(db, { viewer: viewerOf(auth), userId: auth.userId, email: auth.email, ip: request.ip }, request.params.id);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${pack.fileName}"`)
      .header('x-manifest-sha256', pack.manifestSha256)
      .send(Buffer.from(pack.zip));
  });

  app.get('/api/root-causes', { config: { access: 'cases.read' }, schema: { tags, response: { 200: z.object({ items: z.array(RootCauseView) }) } } }, async (request) => ({
    items: await findRootCauses(db, requireAuth(request).orgId, request.locale),
  }));

  app.post(
    '/api/root-causes',
    { config: { access: 'cases.manage' }, schema: { tags, body: CreateRootCauseBody, response: { 201: z.object({ rootCause: RootCauseView }) } } },
    async (request, reply) => {
      const rootCause = await createRootCause(db, requireAuth(request).orgId, request.body.label);
      return reply.status(201).send({ rootCause });
    },
  );

  app.get('/api/case-settings', { config: { access: 'cases.read' }, schema: { tags, response: { 200: CaseSettingsSchema } } }, async (request) =>
    getCaseSettings(db, requireAuth(request).orgId, request.locale),
  );

  app.put('/api/case-settings', { config: { access: 'cases.manage' }, schema: { tags, body: CaseSettingsSchema, response: { 200: CaseSettingsSchema } } }, async (request) => {
    const auth = requireAuth(request);
    return updateCaseSettings(db, { orgId: auth.orgId, userId: auth.userId, email: auth.email, ip: request.ip }, request.body, request.locale);
  });

  app.get('/api/sla/compliance', { config: { access: 'cases.read' }, schema: { tags, querystring: ComplianceQuery, response: { 200: ComplianceView } } }, async (request) => ({
    items: await slaCompliance(db, viewerOf(requireAuth(request)), request.query.days, new Date(), request.locale),
  }));
}

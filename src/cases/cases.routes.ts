import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { IdParams } from '../auth/auth.schemas.ts';
import { requireAuth } from '../core/request.ts';
import { findMention, viewerOf } from '../mentions/mentions.queries.ts';
import { MentionView } from '../mentions/mentions.schemas.ts';
import { findCaseReplies, findDraftReplies } from '../replies/replies.queries.ts';
import { ReplyView } from '../replies/replies.schemas.ts';
import { findActions } from './action-effect.ts';
import { getCaseSettings, updateCaseSettings } from './case-settings.ts';
import { addAction, addHandling, assignCase, closeCase, reopenCase, transitionCase, updateActionStatus } from './case-workflow.ts';
import { findAssignedCases, findCases, findHandling, findTimeline, getCase, type Actor } from './cases.queries.ts';
import {
  ActionBody,
  ActionParams,
  ActionView,
  AssignBody,
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
  ReopenBody,
  RootCauseView,
  TimelineEntryView,
  TransitionBody,
  UpdateActionBody,
} from './cases.schemas.ts';
import { createCase } from './create-case.ts';
import { buildEvidencePack } from './evidence-pack.ts';
import { createRootCause, findRootCauses } from './root-causes.ts';
import { slaCompliance } from './sla-compliance.ts';

const CaseResponse = z.object({ case: CaseView });

function actorOf(request: FastifyRequest): Actor {
  const auth = requireAuth(request);
  return { id: auth.userId, name: auth.name };
}

export async function caseRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const tags = ['cases'];

  app.get(
    '/api/cases',
    { config: { access: 'cases.read' }, schema: { tags, querystring: CaseFilters, response: { 200: z.object({ items: z.array(CaseView), nextCursor: z.string().nullable() }) } } },
    async (request) => {
      const auth = requireAuth(request);
      return findCases(db, { ...viewerOf(auth), userId: auth.userId }, request.query);
    },
  );

  app.post('/api/cases', { config: { access: 'cases.work' }, schema: { tags, body: CreateCaseBody, response: { 201: CaseResponse } } }, async (request, reply) => {
    const viewer = viewerOf(requireAuth(request));
    const id = await db.transaction().execute((trx) => createCase(trx, server.ctx.boss, { viewer, actor: actorOf(request), ...request.body }));
    return reply.status(201).send({ case: await getCase(db, viewer, id) });
  });

  app.get(
    '/api/cases/:id',
    {
      config: { access: 'cases.read' },
      schema: {
        tags,
        params: IdParams,
        response: {
          200: z.object({ case: CaseView, timeline: z.array(TimelineEntryView), handling: z.array(HandlingView), actions: z.array(ActionView), replies: z.array(ReplyView), mentions: z.array(MentionView) }),
        },
      },
    },
    async (request) => {
      const viewer = viewerOf(requireAuth(request));
      const c = await getCase(db, viewer, request.params.id);
      // The case's own mentions are shown in full to whoever may see the case.
      const mentions = await Promise.all(c.mentionIds.map((id) => findMention(db, { orgId: viewer.orgId, departmentIds: null }, id)));
      return {
        case: c,
        timeline: await findTimeline(db, c.id),
        handling: await findHandling(db, c.id),
        actions: await findActions(db, { id: c.id, orgId: viewer.orgId, departmentId: c.departmentId, locationId: c.locationId }),
        replies: await findCaseReplies(db, c.id),
        mentions: mentions.filter((m) => m !== undefined),
      };
    },
  );

  app.post('/api/cases/:id/transition', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: TransitionBody, response: { 200: CaseResponse } } }, async (request) => {
    const viewer = viewerOf(requireAuth(request));
    await transitionCase(db, viewer, actorOf(request), request.params.id, request.body.to, request.body.note);
    return { case: await getCase(db, viewer, request.params.id) };
  });

  app.post('/api/cases/:id/assign', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: AssignBody, response: { 200: CaseResponse } } }, async (request) => {
    const viewer = viewerOf(requireAuth(request));
    await assignCase(db, server.ctx.boss, viewer, actorOf(request), request.params.id, request.body.assigneeId);
    return { case: await getCase(db, viewer, request.params.id) };
  });

  app.post('/api/cases/:id/handling', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: HandlingBody, response: { 201: z.object({ case: CaseView, handling: z.array(HandlingView) }) } } }, async (request, reply) => {
    const viewer = viewerOf(requireAuth(request));
    await addHandling(db, viewer, actorOf(request), request.params.id, request.body);
    return reply.status(201).send({ case: await getCase(db, viewer, request.params.id), handling: await findHandling(db, request.params.id) });
  });

  app.post('/api/cases/:id/actions', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: ActionBody, response: { 201: z.object({ case: CaseView, actions: z.array(ActionView) }) } } }, async (request, reply) => {
    const viewer = viewerOf(requireAuth(request));
    await addAction(db, viewer, actorOf(request), request.params.id, request.body);
    const c = await getCase(db, viewer, request.params.id);
    return reply.status(201).send({ case: c, actions: await findActions(db, { id: c.id, orgId: viewer.orgId, departmentId: c.departmentId, locationId: c.locationId }) });
  });

  app.patch(
    '/api/cases/:id/actions/:actionId',
    { config: { access: 'cases.work' }, schema: { tags, params: ActionParams, body: UpdateActionBody, response: { 200: z.object({ case: CaseView, action: ActionView }) } } },
    async (request) => {
      const viewer = viewerOf(requireAuth(request));
      await updateActionStatus(db, viewer, actorOf(request), request.params.id, request.params.actionId, request.body.status);
      const c = await getCase(db, viewer, request.params.id);
      const actions = await findActions(db, { id: c.id, orgId: viewer.orgId, departmentId: c.departmentId, locationId: c.locationId });
      return { case: c, action: actions.find((a) => a.id === request.params.actionId)! };
    },
  );

  app.post('/api/cases/:id/close', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: CloseBody, response: { 200: CaseResponse } } }, async (request) => {
    const viewer = viewerOf(requireAuth(request));
    await closeCase(db, viewer, actorOf(request), request.params.id, request.body.rootCauseId, request.body.note);
    return { case: await getCase(db, viewer, request.params.id) };
  });

  app.post('/api/cases/:id/reopen', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: ReopenBody, response: { 200: CaseResponse } } }, async (request) => {
    const viewer = viewerOf(requireAuth(request));
    await reopenCase(db, server.ctx.boss, viewer, actorOf(request), request.params.id, { note: request.body.note });
    return { case: await getCase(db, viewer, request.params.id) };
  });

  app.get('/api/cases/:id/evidence.zip', { config: { access: 'cases.read' }, schema: { tags, params: IdParams, produces: ['application/zip'] } }, async (request, reply) => {
    const auth = requireAuth(request);
    const pack = await buildEvidencePack(db, viewerOf(auth), request.params.id);
    // Who exported which pack, by its manifest hash, so a pack handed to lawyers can be traced.
    await recordAudit(db, { orgId: auth.orgId, userId: auth.userId, actor: auth.email, action: 'case.evidence_export', targetType: 'case', targetId: request.params.id, ip: request.ip, details: { manifestSha256: pack.manifestSha256 } });
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${pack.fileName}"`)
      .header('x-manifest-sha256', pack.manifestSha256)
      .send(Buffer.from(pack.zip));
  });

  app.get('/api/root-causes', { config: { access: 'cases.read' }, schema: { tags, response: { 200: z.object({ items: z.array(RootCauseView) }) } } }, async (request) => ({
    items: await findRootCauses(db, requireAuth(request).orgId),
  }));

  app.post('/api/root-causes', { config: { access: 'cases.manage' }, schema: { tags, body: CreateRootCauseBody, response: { 201: z.object({ rootCause: RootCauseView }) } } }, async (request, reply) => {
    const rootCause = await createRootCause(db, requireAuth(request).orgId, request.body.label);
    return reply.status(201).send({ rootCause });
  });

  app.get('/api/case-settings', { config: { access: 'cases.read' }, schema: { tags, response: { 200: CaseSettingsSchema } } }, async (request) => getCaseSettings(db, requireAuth(request).orgId));

  app.put('/api/case-settings', { config: { access: 'cases.manage' }, schema: { tags, body: CaseSettingsSchema, response: { 200: CaseSettingsSchema } } }, async (request) => {
    const auth = requireAuth(request);
    const saved = await updateCaseSettings(db, auth.orgId, request.body);
    await recordAudit(db, { orgId: auth.orgId, userId: auth.userId, actor: auth.email, action: 'case.settings', targetType: 'organisation', targetId: auth.orgId, ip: request.ip, details: { tiers: saved.tiers, locations: saved.locations.length } });
    return saved;
  });

  app.get('/api/sla/compliance', { config: { access: 'cases.read' }, schema: { tags, querystring: ComplianceQuery, response: { 200: ComplianceView } } }, async (request) => ({
    items: await slaCompliance(db, viewerOf(requireAuth(request)), request.query.days),
  }));

  app.get(
    '/api/my-work',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: z.object({ cases: z.array(CaseView), actions: z.array(ActionView.extend({ caseId: z.string(), caseNumber: z.number(), caseTitle: z.string() })), approvals: z.array(ReplyView) }) } } },
    async (request) => {
      const auth = requireAuth(request);
      const viewer = viewerOf(auth);
      const mayRead = app.ctx.access.can(auth.role, 'cases.read');
      const cases = mayRead ? await findAssignedCases(db, viewer, auth.userId) : [];
      const actionRows = await db
        .selectFrom('case_actions as a')
        .innerJoin('cases as c', 'c.id', 'a.case_id')
        .select(['a.id', 'a.kind', 'a.description', 'a.aspect', 'a.owner_id as ownerId', 'a.due_at as dueAt', 'a.status', 'a.done_at as doneAt', 'c.id as caseId', 'c.number as caseNumber', 'c.title as caseTitle'])
        .where('c.org_id', '=', auth.orgId)
        .where('a.owner_id', '=', auth.userId)
        .where('a.status', '=', 'open')
        .orderBy('a.due_at')
        .limit(200)
        .execute();
      const actions = actionRows.map((a) => ({ ...a, kind: a.kind as 'corrective' | 'preventive', status: 'open' as const, ownerName: auth.name, effect: null }));
      let approvals: z.infer<typeof ReplyView>[] = [];
      if (app.ctx.access.can(auth.role, 'replies.publish')) {
        const visible = viewer.departmentIds ? (await findCases(db, { ...viewer, userId: auth.userId }, { limit: 200 })).items.map((c) => c.id) : null;
        approvals = await findDraftReplies(db, auth.orgId, visible);
      }
      return { cases, actions, approvals };
    },
  );
}

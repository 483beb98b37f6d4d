import type { FastifyInstance, FastifyRequest } from 'fastify';
import { qrSvg } from '../core/qr.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { badRequest } from '../core/errors.ts';
import { requireAuth } from '../core/request.ts';
import { viewerOf, viewerSees } from '../core/viewer.ts';
import { enrolPatient, renewPortalLink } from './enrol.ts';
import { missing } from './errors.ts';
import { followupsMessages as m } from './followups.messages.ts';
import { findEnrolments, getEnrolmentDetail } from './followups.queries.ts';
import {
  AnswerBody,
  CompleteTaskBody,
  CopyPlanBody,
  CreatePlanBody,
  EnrolBody,
  EnrolmentDetail,
  EnrolmentQuery,
  EnrolmentView,
  PlanView,
  TaskQuery,
  TaskView,
  UpdatePlanBody,
  WithdrawBody,
} from './followups.schemas.ts';
import { readPhoto } from './photos.ts';
import { copyPlan, createPlan, ensureDefaultPlans, findPlans, loadPlan, updatePlan } from './plans.ts';
import { portalUrl } from './portal-token.ts';
import { answerQuestion } from './questions.ts';
import { completeTask, findTasks } from './tasks.ts';
import { withdrawEnrolment } from './withdraw.ts';

const PlanResponse = z.object({ plan: PlanView });

/** The staff side of follow-up: plans (templates and editor), enrolments, tasks, photos, answers. */
export async function followupRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db, config } = server.ctx;
  const tags = ['followups'];
  const by = (request: FastifyRequest) => auditBy(requireAuth(request), request.ip);
  const viewer = (request: FastifyRequest) => viewerOf(requireAuth(request));
  const reader = (request: FastifyRequest) => {
    const auth = requireAuth(request);
    return { viewer: viewerOf(auth), userId: auth.userId, role: auth.role, locale: request.locale };
  };
  const onePlan = async (orgId: string, id: string) => {
    const [plan] = await findPlans(db, config, orgId, { planId: id });
    if (!plan) throw missing('noSuchPlan');
    return plan;
  };

  app.get('/api/followups/plans', { config: { access: 'followups.read' }, schema: { tags, response: { 200: z.object({ items: z.array(PlanView) }) } } }, async (request) => ({
    items: await findPlans(db, config, requireAuth(request).orgId),
  }));

  app.post('/api/followups/plans', { config: { access: 'followups.manage' }, schema: { tags, body: CreatePlanBody, response: { 201: PlanResponse } } }, async (request, reply) => {
    const id = await createPlan(db, by(request), request.body);
    return reply.status(201).send({ plan: await onePlan(requireAuth(request).orgId, id) });
  });

  app.post('/api/followups/plans/defaults', { config: { access: 'followups.manage' }, schema: { tags, response: { 200: z.object({ items: z.array(PlanView) }) } } }, async (request) => {
    const auth = requireAuth(request);
    const org = await db.selectFrom('organisations').select('default_locale').where('id', '=', auth.orgId).executeTakeFirstOrThrow();
    await ensureDefaultPlans(db, by(request), org.default_locale);
    return { items: await findPlans(db, config, auth.orgId) };
  });

  app.get('/api/followups/plans/:id', { config: { access: 'followups.read' }, schema: { tags, params: IdParams, response: { 200: PlanResponse } } }, async (request) => ({
    plan: await onePlan(requireAuth(request).orgId, request.params.id),
  }));

  app.patch('/api/followups/plans/:id', { config: { access: 'followups.manage' }, schema: { tags, params: IdParams, body: UpdatePlanBody, response: { 200: PlanResponse } } }, async (request) => {
    await updatePlan(db, by(request), request.params.id, request.body);
    return { plan: await onePlan(requireAuth(request).orgId, request.params.id) };
  });

  app.post(
    '/api/followups/plans/:id/copy',
    { config: { access: 'followups.manage' }, schema: { tags, params: IdParams, body: CopyPlanBody, response: { 201: PlanResponse } } },
    async (request, reply) => {
      const id = await copyPlan(db, by(request), request.params.id, request.body?.name);
      return reply.status(201).send({ plan: await onePlan(requireAuth(request).orgId, id) });
    },
  );

  app.get('/api/followups/plans/:id/qr.svg', { config: { access: 'followups.read' }, schema: { tags, params: IdParams } }, async (request, reply) => {
    const plan = await onePlan(requireAuth(request).orgId, request.params.id);
    const svg = await qrSvg(plan.enrolUrl);
    return reply.type('image/svg+xml').header('cache-control', 'no-store').send(svg);
  });

  app.get(
    '/api/followups/enrolments',
    { config: { access: 'followups.read' }, schema: { tags, querystring: EnrolmentQuery, response: { 200: z.object({ items: z.array(EnrolmentView) }) } } },
    async (request) => ({
      items: await findEnrolments(db, viewer(request), request.query),
    }),
  );

  app.post(
    '/api/followups/enrolments',
    { config: { access: 'followups.work' }, schema: { tags, body: EnrolBody, response: { 201: z.object({ enrolment: EnrolmentView, portalUrl: z.string() }) } } },
    async (request, reply) => {
      const auth = requireAuth(request);
      const v = viewerOf(auth);
      const plan = await loadPlan(db, auth.orgId, request.body.planId);
      // Department heads and staff enrol into their own departments only.
      const departmentId = request.body.departmentId !== undefined ? request.body.departmentId : (plan.department_id ?? v.departmentIds?.[0] ?? null);
      if (!viewerSees(v, departmentId)) throw badRequest(m.text('noSuchDepartment'));
      const result = await enrolPatient(db, server.ctx.boss, {
        orgId: auth.orgId,
        planId: request.body.planId,
        patientId: request.body.patientId,
        patient: request.body.patient,
        anchorAt: request.body.anchorAt,
        departmentId,
        source: 'staff',
        by: by(request),
      });
      const [enrolment] = await findEnrolments(db, v, { enrolmentId: result.enrolmentId });
      return reply.status(201).send({ enrolment: enrolment!, portalUrl: portalUrl(config, result.token) });
    },
  );

  app.get('/api/followups/enrolments/:id', { config: { access: 'followups.read' }, schema: { tags, params: IdParams, response: { 200: EnrolmentDetail } } }, async (request) => {
    const auth = requireAuth(request);
    return getEnrolmentDetail(
      db,
      config,
      { ...reader(request), seesContact: server.ctx.access.can(auth.role, 'patients.contact'), mayWork: server.ctx.access.can(auth.role, 'followups.work') },
      request.params.id,
    );
  });

  const visibleEnrolment = async (request: FastifyRequest, id: string) => {
    const [e] = await findEnrolments(db, viewer(request), { enrolmentId: id });
    if (!e) throw missing('noSuchEnrolment');
    return e;
  };

  app.post(
    '/api/followups/enrolments/:id/withdraw',
    { config: { access: 'followups.work' }, schema: { tags, params: IdParams, body: WithdrawBody, response: { 200: z.object({ enrolment: EnrolmentView }) } } },
    async (request) => {
      await visibleEnrolment(request, request.params.id);
      await withdrawEnrolment(db, { orgId: requireAuth(request).orgId, enrolmentId: request.params.id, by: by(request), reason: request.body?.reason });
      return { enrolment: await visibleEnrolment(request, request.params.id) };
    },
  );

  app.post(
    '/api/followups/enrolments/:id/renew-link',
    { config: { access: 'followups.work' }, schema: { tags, params: IdParams, response: { 200: z.object({ url: z.string(), expiresAt: z.date() }) } } },
    async (request) => {
      await visibleEnrolment(request, request.params.id);
      const link = await renewPortalLink(db, by(request), request.params.id);
      return { url: portalUrl(config, link.token), expiresAt: link.expiresAt };
    },
  );

  app.get('/api/followups/photos/:id', { config: { access: 'followups.read' }, schema: { tags, params: IdParams } }, async (request, reply) => {
    const photo = await readPhoto(db, requireAuth(request).orgId, request.params.id, { viewer: viewer(request) });
    return reply.type(photo.mime).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(photo.bytes);
  });

  app.get('/api/followups/tasks', { config: { access: 'followups.read' }, schema: { tags, querystring: TaskQuery, response: { 200: z.object({ items: z.array(TaskView) }) } } }, async (request) => ({
    items: await findTasks(db, reader(request), request.query),
  }));

  app.post(
    '/api/followups/tasks/:id/complete',
    { config: { access: 'followups.work' }, schema: { tags, params: IdParams, body: CompleteTaskBody, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await completeTask(db, by(request), viewer(request), request.params.id, request.body?.note ?? '');
      return { ok: true as const };
    },
  );

  app.post(
    '/api/followups/questions/:id/answer',
    { config: { access: 'followups.work' }, schema: { tags, params: IdParams, body: AnswerBody, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await answerQuestion(db, by(request), viewer(request), request.params.id, request.body.answer);
      return { ok: true as const };
    },
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { qrSvg } from '../core/qr.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { publicBaseUrl } from '../core/config.ts';
import { requireAuth } from '../core/request.ts';
import { viewerOf } from '../core/viewer.ts';
import { getOutreachSettings } from '../outreach/index.ts';
import { COMPLIANCE_RULES } from './compliance-rules.ts';
import { createStory } from './create-story.ts';
import { renderFindings } from './render-findings.ts';
import { markUseTakenDown, reviewStory } from './review-story.ts';
import { revokeConsent, withdrawStory } from './revoke-consent.ts';
import { storiesMessages as m } from './stories.messages.ts';
import { getStory, listStories, storyPhoto } from './stories.queries.ts';
import { CheckBody, CheckView, CreateStoryBody, RequestBody, RequestView, ReviewBody, RevokeResult, RulesView, StoryDetailView, StoryListQuery, StoryListView } from './stories.schemas.ts';
import { createStoryRequest, disableStoryRequest, getStoryRequest, listStoryRequests } from './story-requests.ts';
import { checkStoryUse } from './story-use.ts';
import { storyPublicRoutes } from './public/story-public.routes.ts';

/** The stories API (library, review, consents, uses, the compliance check and story requests) and the patients' pages. */
export async function storiesRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db, boss, config } = server.ctx;
  const tags = ['stories'];
  const baseOf = (request: FastifyRequest) => (config.publicUrl ? publicBaseUrl(config) : `${request.protocol}://${request.host}`);
  const staffBy = (request: FastifyRequest) => {
    const auth = requireAuth(request);
    return { via: 'staff_on_behalf' as const, userId: auth.userId, actor: auth.email, ip: request.ip };
  };

  await storyPublicRoutes(server);

  app.get('/api/stories', { config: { access: 'stories.read' }, schema: { tags, querystring: StoryListQuery, response: { 200: StoryListView } } }, async (request) =>
    listStories(db, viewerOf(requireAuth(request)), { ...request.query, flagged: request.query.flagged === 'true' }),
  );

  app.get('/api/stories/compliance-rules', { config: { access: 'stories.read' }, schema: { tags, response: { 200: RulesView } } }, async (request) => ({
    items: COMPLIANCE_RULES.map((r) => ({
      id: r.id,
      market: r.market,
      uses: [...r.uses],
      effect: r.effect.kind,
      claims: 'claims' in r.effect ? (r.effect.claims ?? null) : null,
      law: r.law,
      text: m.render(request.locale, `rule.${r.id}` as Parameters<typeof m.render>[1]),
    })),
  }));

  app.post('/api/stories', { config: { access: 'stories.manage' }, schema: { tags, body: CreateStoryBody, response: { 201: StoryDetailView } } }, async (request, reply) => {
    const auth = requireAuth(request);
    const b = request.body;
    const note = b.consentNote.trim();
    const created = await createStory(db, auditBy(auth, request.ip), {
      orgId: auth.orgId,
      patientId: b.patientId ?? null,
      requestId: null,
      title: b.title,
      body: b.body,
      authorName: b.authorName,
      videoUrl: b.videoUrl,
      departmentId: b.departmentId ?? null,
      staffId: b.staffId ?? null,
      materialConnection: b.materialConnection,
      consents: b.consents,
      locale: b.locale,
      source: 'staff',
      via: b.via,
      photo: null,
      ...(note ? { consentTexts: Object.fromEntries(b.consents.map((c) => [c.use, note])) } : {}),
    });
    return reply.status(201).send(await getStory(db, viewerOf(auth), created.id, request.locale));
  });

  app.get('/api/stories/:id', { config: { access: 'stories.read' }, schema: { tags, params: IdParams, response: { 200: StoryDetailView } } }, async (request) =>
    getStory(db, viewerOf(requireAuth(request)), request.params.id, request.locale),
  );

  app.get('/api/stories/:id/photo', { config: { access: 'stories.read' }, schema: { tags, params: IdParams } }, async (request, reply) => {
    const auth = requireAuth(request);
    await getStory(db, viewerOf(auth), request.params.id, request.locale);
    const photo = await storyPhoto(db, auth.orgId, request.params.id);
    return reply.type(photo.mime).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(photo.bytes);
  });

  for (const decision of ['approve', 'reject'] as const) {
    app.post(`/api/stories/:id/${decision}`, { config: { access: 'stories.manage' }, schema: { tags, params: IdParams, body: ReviewBody, response: { 200: StoryDetailView } } }, async (request) => {
      const auth = requireAuth(request);
      await getStory(db, viewerOf(auth), request.params.id, request.locale);
      await reviewStory(db, auditBy(auth, request.ip), { storyId: request.params.id, decision, note: request.body.note });
      return getStory(db, viewerOf(auth), request.params.id, request.locale);
    });
  }

  app.post('/api/stories/:id/withdraw', { config: { access: 'stories.manage' }, schema: { tags, params: IdParams, response: { 200: RevokeResult } } }, async (request) => {
    const auth = requireAuth(request);
    await getStory(db, viewerOf(auth), request.params.id, request.locale);
    return withdrawStory(db, boss, { orgId: auth.orgId, storyId: request.params.id, by: staffBy(request) });
  });

  app.post('/api/stories/:id/check', { config: { access: 'stories.read' }, schema: { tags, params: IdParams, body: CheckBody, response: { 200: CheckView } } }, async (request) => {
    const auth = requireAuth(request);
    await getStory(db, viewerOf(auth), request.params.id, request.locale);
    const market = request.body.market ?? (await getOutreachSettings(db, auth.orgId)).market;
    const at = request.body.at ? new Date(request.body.at) : new Date();
    const check = await checkStoryUse(db, auth.orgId, request.params.id, { use: request.body.use, channel: request.body.channel, at, market });
    return { allowed: check.allowed, market, findings: renderFindings(check.findings, request.locale) };
  });

  app.post('/api/story-consents/:id/revoke', { config: { access: 'stories.manage' }, schema: { tags, params: IdParams, response: { 200: RevokeResult } } }, async (request) =>
    revokeConsent(db, boss, { orgId: requireAuth(request).orgId, consentId: request.params.id, by: staffBy(request) }),
  );

  app.post('/api/story-uses/:id/taken-down', { config: { access: 'stories.manage' }, schema: { tags, params: IdParams, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request) => {
    await markUseTakenDown(db, auditBy(requireAuth(request), request.ip), request.params.id);
    return { ok: true as const };
  });

  app.get('/api/story-requests', { config: { access: 'stories.read' }, schema: { tags, response: { 200: z.object({ items: z.array(RequestView) }) } } }, async (request) => {
    const base = baseOf(request);
    return { items: (await listStoryRequests(db, requireAuth(request).orgId)).map((r) => ({ ...r, url: `${base}/tell/${r.token}` })) };
  });

  app.post('/api/story-requests', { config: { access: 'stories.manage' }, schema: { tags, body: RequestBody, response: { 201: z.object({ request: RequestView }) } } }, async (request, reply) => {
    const auth = requireAuth(request);
    const made = await createStoryRequest(db, { orgId: auth.orgId, patientId: request.body.patientId ?? null, label: request.body.label, locale: request.body.locale ?? null, userId: auth.userId });
    const row = (await listStoryRequests(db, auth.orgId)).find((r) => r.id === made.id)!;
    return reply.status(201).send({ request: { ...row, url: `${baseOf(request)}/tell/${row.token}` } });
  });

  app.post('/api/story-requests/:id/disable', { config: { access: 'stories.manage' }, schema: { tags, params: IdParams, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request) => {
    await disableStoryRequest(db, requireAuth(request).orgId, request.params.id);
    return { ok: true as const };
  });

  app.get('/api/story-requests/:id/qr.svg', { config: { access: 'stories.read' }, schema: { tags, params: IdParams } }, async (request, reply) => {
    const row = await getStoryRequest(db, requireAuth(request).orgId, request.params.id);
    const svg = await qrSvg(`${baseOf(request)}/tell/${row.token}`);
    return reply
      .type('image/svg+xml')
      .header('content-disposition', `inline; filename="story-${row.id.slice(0, 8)}.svg"`)
      .send(svg);
  });
}

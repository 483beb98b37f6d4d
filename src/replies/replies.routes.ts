import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../auth/index.ts';
import { requireAuth } from '../core/request.ts';
import { viewerOf } from '../core/viewer.ts';
import { approveReply } from './approve-reply.ts';
import { getBrandVoice, updateBrandVoice } from './brand-voice.ts';
import { checkReply } from './check-reply.ts';
import { createReply } from './create-reply.ts';
import { localizeCheck } from './findings.ts';
import { markReplyPosted } from './mark-reply-posted.ts';
import { getReply } from './replies.queries.ts';
import { BrandVoiceSchema, CheckBody, CheckResultView, CreateReplyBody, CreateTemplateBody, PostedBody, ReplyView, TemplateFilters, TemplateView } from './replies.schemas.ts';
import { createReplyTemplate, findReplyTemplates } from './reply-templates.ts';

const ReplyResponse = z.object({ reply: ReplyView });

/** The signed-in user as the actor on a case's timeline. */
function actorOf(request: FastifyRequest) {
  const auth = requireAuth(request);
  return { id: auth.userId, name: auth.name };
}

export async function replyRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const tags = ['replies'];

  app.get(
    '/api/reply-templates',
    { config: { access: 'cases.read' }, schema: { tags, querystring: TemplateFilters, response: { 200: z.object({ items: z.array(TemplateView) }) } } },
    async (request) => ({
      items: await findReplyTemplates(db, requireAuth(request).orgId, request.query),
    }),
  );

  app.post(
    '/api/reply-templates',
    { config: { access: 'cases.manage' }, schema: { tags, body: CreateTemplateBody, response: { 201: z.object({ template: TemplateView }) } } },
    async (request, reply) => {
      const template = await createReplyTemplate(db, requireAuth(request).orgId, request.body);
      return reply.status(201).send({ template });
    },
  );

  app.get('/api/brand-voice', { config: { access: 'cases.read' }, schema: { tags, response: { 200: BrandVoiceSchema } } }, async (request) => getBrandVoice(db, requireAuth(request).orgId));

  app.put('/api/brand-voice', { config: { access: 'cases.manage' }, schema: { tags, body: BrandVoiceSchema, response: { 200: BrandVoiceSchema } } }, async (request) =>
    updateBrandVoice(db, requireAuth(request).orgId, request.body),
  );

  app.post('/api/replies/check', { config: { access: 'cases.work' }, schema: { tags, body: CheckBody, response: { 200: CheckResultView } } }, async (request) => {
    const checks = await checkReply(db, requireAuth(request).orgId, request.body.text, request.body.lang);
    return { privacy: localizeCheck(request.locale, checks.privacy), brandVoice: localizeCheck(request.locale, checks.brandVoice) };
  });

  app.post('/api/cases/:id/replies', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: CreateReplyBody, response: { 201: ReplyResponse } } }, async (request, reply) => {
    const auth = requireAuth(request);
    const id = await createReply(db, { viewer: viewerOf(auth), actor: actorOf(request), orgName: auth.orgName }, request.params.id, request.body);
    return reply.status(201).send({ reply: await getReply(db, auth.orgId, id, request.locale) });
  });

  app.post('/api/replies/:id/approve', { config: { access: 'replies.publish' }, schema: { tags, params: IdParams, response: { 200: ReplyResponse } } }, async (request) => {
    const auth = requireAuth(request);
    await approveReply(db, viewerOf(auth), actorOf(request), request.params.id);
    return { reply: await getReply(db, auth.orgId, request.params.id, request.locale) };
  });

  app.post('/api/replies/:id/posted', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: PostedBody, response: { 200: ReplyResponse } } }, async (request) => {
    const auth = requireAuth(request);
    await markReplyPosted(db, viewerOf(auth), actorOf(request), request.params.id, request.body?.url ?? null);
    return { reply: await getReply(db, auth.orgId, request.params.id, request.locale) };
  });
}

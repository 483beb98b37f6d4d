import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { requireAuth } from '../core/request.ts';
import { viewerOf } from '../core/viewer.ts';
import { approveReply } from './approve-reply.ts';
import { getBrandVoice, updateBrandVoice } from './brand-voice.ts';
import { createReply } from './create-reply.ts';
import { editReply } from './edit-reply.ts';
import { localizeCheck } from './findings.ts';
import { markReplyPosted } from './mark-reply-posted.ts';
import { getReply } from './replies.queries.ts';
import {
  BrandVoiceSchema,
  CheckBody,
  CheckResultView,
  CreateReplyBody,
  CreateTemplateBody,
  EditReplyBody,
  PostedBody,
  ReplySettingsSchema,
  ReplyView,
  TemplateFilters,
  TemplateView,
} from './replies.schemas.ts';
import { checkWithSuggestions, replyCase, suggestionContext, type ReplyActor } from './reply-gate.ts';
import { getReplySettings, updateReplySettings } from './reply-settings.ts';
import { createReplyTemplate, findReplyTemplates } from './reply-templates.ts';

const ReplyResponse = z.object({ reply: ReplyView });

/** The signed-in user as a reply's author, approver or poster: their cases, their name on the timeline, their audit entries. */
function replyActorOf(request: FastifyRequest): ReplyActor {
  const auth = requireAuth(request);
  return { viewer: viewerOf(auth), actor: { id: auth.userId, name: auth.name, email: auth.email, ip: request.ip }, audit: auditBy(auth, request.ip), orgName: auth.orgName };
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

  app.get('/api/reply-settings', { config: { access: 'cases.read' }, schema: { tags, response: { 200: ReplySettingsSchema } } }, async (request) => getReplySettings(db, requireAuth(request).orgId));

  app.put('/api/reply-settings', { config: { access: 'cases.manage' }, schema: { tags, body: ReplySettingsSchema, response: { 200: ReplySettingsSchema } } }, async (request) =>
    updateReplySettings(db, auditBy(requireAuth(request), request.ip), request.body),
  );

  app.post('/api/replies/check', { config: { access: 'cases.work' }, schema: { tags, body: CheckBody, response: { 200: CheckResultView } } }, async (request) => {
    const by = replyActorOf(request);
    const { text, lang, caseId } = request.body;
    const context = caseId ? suggestionContext(by, await replyCase(db, by.viewer, caseId)) : { clinic: by.orgName, author: null, caseNumber: null };
    const checks = await checkWithSuggestions(db, by.viewer.orgId, text, lang, context);
    return { privacy: localizeCheck(request.locale, checks.privacy), brandVoice: localizeCheck(request.locale, checks.brandVoice), suggestions: checks.suggestions };
  });

  app.post('/api/cases/:id/replies', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: CreateReplyBody, response: { 201: ReplyResponse } } }, async (request, reply) => {
    const by = replyActorOf(request);
    const id = await createReply(db, by, request.params.id, request.body);
    return reply.status(201).send({ reply: await getReply(db, by.viewer.orgId, id, request.locale) });
  });

  app.patch('/api/replies/:id', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: EditReplyBody, response: { 200: ReplyResponse } } }, async (request) => {
    const by = replyActorOf(request);
    await editReply(db, by, request.params.id, request.body);
    return { reply: await getReply(db, by.viewer.orgId, request.params.id, request.locale) };
  });

  app.post('/api/replies/:id/approve', { config: { access: 'replies.publish' }, schema: { tags, params: IdParams, response: { 200: ReplyResponse } } }, async (request) => {
    const by = replyActorOf(request);
    await approveReply(db, by, request.params.id);
    return { reply: await getReply(db, by.viewer.orgId, request.params.id, request.locale) };
  });

  app.post('/api/replies/:id/posted', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: PostedBody, response: { 200: ReplyResponse } } }, async (request) => {
    const by = replyActorOf(request);
    await markReplyPosted(db, by, request.params.id, request.body?.url ?? null);
    return { reply: await getReply(db, by.viewer.orgId, request.params.id, request.locale) };
  });
}

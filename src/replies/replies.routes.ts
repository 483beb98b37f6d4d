import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../auth/auth.schemas.ts';
import { getCase, recordCaseEvent } from '../cases/cases.queries.ts';
import { requireAuth } from '../core/request.ts';
import { badRequest } from '../core/errors.ts';
import { viewerOf } from '../mentions/mentions.queries.ts';
import { getBrandVoice, updateBrandVoice } from './brand-voice.ts';
import { checkReply } from './check-reply.ts';
import { getReply } from './replies.queries.ts';
import { BrandVoiceSchema, CheckBody, CheckResultView, CreateReplyBody, CreateTemplateBody, PostedBody, ReplyView, TemplateFilters, TemplateView } from './replies.schemas.ts';
import { createReplyTemplate, fillPlaceholders, findReplyTemplates } from './reply-templates.ts';

const ReplyResponse = z.object({ reply: ReplyView });

export async function replyRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const tags = ['replies'];

  app.get('/api/reply-templates', { config: { access: 'cases.read' }, schema: { tags, querystring: TemplateFilters, response: { 200: z.object({ items: z.array(TemplateView) }) } } }, async (request) => ({
    items: await findReplyTemplates(db, requireAuth(request).orgId, request.query),
  }));

  app.post('/api/reply-templates', { config: { access: 'cases.manage' }, schema: { tags, body: CreateTemplateBody, response: { 201: z.object({ template: TemplateView }) } } }, async (request, reply) => {
    const template = await createReplyTemplate(db, requireAuth(request).orgId, request.body);
    return reply.status(201).send({ template });
  });

  app.get('/api/brand-voice', { config: { access: 'cases.read' }, schema: { tags, response: { 200: BrandVoiceSchema } } }, async (request) => getBrandVoice(db, requireAuth(request).orgId));

  app.put('/api/brand-voice', { config: { access: 'cases.manage' }, schema: { tags, body: BrandVoiceSchema, response: { 200: BrandVoiceSchema } } }, async (request) =>
    updateBrandVoice(db, requireAuth(request).orgId, request.body),
  );

  app.post('/api/replies/check', { config: { access: 'cases.work' }, schema: { tags, body: CheckBody, response: { 200: CheckResultView } } }, async (request) =>
    checkReply(db, requireAuth(request).orgId, request.body.text, request.body.lang),
  );

  app.post('/api/cases/:id/replies', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: CreateReplyBody, response: { 201: ReplyResponse } } }, async (request, reply) => {
    const auth = requireAuth(request);
    const c = await getCase(db, viewerOf(auth), request.params.id);
    const { lang, kind, templateId } = request.body;
    if (templateId) {
      const template = await db.selectFrom('reply_templates').select('id').where('id', '=', templateId).where('org_id', '=', auth.orgId).executeTakeFirst();
      if (!template) throw badRequest('templateId names a template that does not exist');
    }
    const author = c.mentionIds.length
      ? await db.selectFrom('mentions').select('author_handle').where('id', '=', c.mentionIds[0]!).executeTakeFirst()
      : undefined;
    const text = fillPlaceholders(request.body.text, { clinic: auth.orgName, author: author?.author_handle ?? null, lang, caseNumber: c.number });
    const checks = await checkReply(db, auth.orgId, text, lang);
    // A draft is stored even when a check fails: people fix it in place; approval is what refuses.
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('replies')
        .values({ org_id: auth.orgId, case_id: c.id, kind, lang, text, privacy: JSON.stringify(checks.privacy), brand_voice: JSON.stringify(checks.brandVoice), template_id: templateId ?? null, created_by: auth.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordCaseEvent(trx, c.id, { id: auth.userId, name: auth.name }, 'reply_drafted', { replyId: row.id, kind, lang, privacyOk: checks.privacy.ok, brandVoiceOk: checks.brandVoice.ok });
      return row.id;
    });
    return reply.status(201).send({ reply: await getReply(db, auth.orgId, id) });
  });

  app.post('/api/replies/:id/approve', { config: { access: 'replies.publish' }, schema: { tags, params: IdParams, response: { 200: ReplyResponse } } }, async (request) => {
    const auth = requireAuth(request);
    const before = await getReply(db, auth.orgId, request.params.id);
    await getCase(db, viewerOf(auth), before.caseId);
    if (before.status !== 'draft') throw badRequest(`only a draft can be approved; this reply is ${before.status}`);
    // The rules may have changed since the draft was written, so the checks run again.
    const checks = await checkReply(db, auth.orgId, before.text, before.lang);
    await db.updateTable('replies').set({ privacy: JSON.stringify(checks.privacy), brand_voice: JSON.stringify(checks.brandVoice) }).where('id', '=', before.id).execute();
    const findings = [...checks.privacy.findings.map((f) => ({ check: 'privacy', ...f })), ...checks.brandVoice.findings.map((f) => ({ check: 'brandVoice', ...f }))];
    if (findings.length) {
      throw badRequest(`the reply cannot be approved: ${findings.map((f) => `“${f.term}” (${f.reason})`).join('; ')}`, { findings });
    }
    await db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('replies').set({ status: 'approved', approved_by: auth.userId, approved_at: new Date() }).where('id', '=', before.id).where('status', '=', 'draft').returning('id').executeTakeFirst();
      if (!updated) throw badRequest('the reply was changed meanwhile; reload it');
      await recordCaseEvent(trx, before.caseId, { id: auth.userId, name: auth.name }, 'reply_approved', { replyId: before.id });
    });
    return { reply: await getReply(db, auth.orgId, before.id) };
  });

  app.post('/api/replies/:id/posted', { config: { access: 'cases.work' }, schema: { tags, params: IdParams, body: PostedBody, response: { 200: ReplyResponse } } }, async (request) => {
    const auth = requireAuth(request);
    const before = await getReply(db, auth.orgId, request.params.id);
    await getCase(db, viewerOf(auth), before.caseId);
    if (before.status !== 'approved') throw badRequest(`only an approved reply can be marked posted; this reply is ${before.status}`);
    await db.transaction().execute(async (trx) => {
      const now = new Date();
      await trx.updateTable('replies').set({ status: 'posted', posted_url: request.body?.url ?? null, posted_at: now }).where('id', '=', before.id).execute();
      // Posting a reply is the first response to the author when nothing was answered before.
      await trx.updateTable('cases').set({ responded_at: now }).where('id', '=', before.caseId).where('responded_at', 'is', null).execute();
      await recordCaseEvent(trx, before.caseId, { id: auth.userId, name: auth.name }, 'reply_posted', { replyId: before.id, url: request.body?.url ?? null });
    });
    return { reply: await getReply(db, auth.orgId, before.id) };
  });
}

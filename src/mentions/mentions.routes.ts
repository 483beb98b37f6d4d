import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy, recordAudit } from '../audit/index.ts';
import { notFound } from '../core/errors.ts';
import { requireAuth } from '../core/request.ts';
import { viewerOf } from '../core/viewer.ts';
import { findMention, findMentions, findMentionVersions, setMentionStatus } from './mentions.queries.ts';
import { CorrectionBody, CorrectionParams, IdParams, MentionFilters, MentionVersionView, MentionView, NotARiskBody, UpdateMentionBody } from './mentions.schemas.ts';
import { dismissRisk } from './dismiss-risk.ts';
import { correctAnalysis, listCorrections, undoAnalysisCorrection } from './correct-analysis.ts';

export async function mentionRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;

  app.get(
    '/api/mentions',
    {
      config: { access: 'mentions.read' },
      schema: { tags: ['mentions'], querystring: MentionFilters, response: { 200: z.object({ items: z.array(MentionView), nextCursor: z.string().nullable(), total: z.number() }) } },
    },
    async (request) => findMentions(db, viewerOf(requireAuth(request)), request.query),
  );

  app.get(
    '/api/mentions/:id',
    { config: { access: 'mentions.read' }, schema: { tags: ['mentions'], params: IdParams, response: { 200: z.object({ mention: MentionView, versions: z.array(MentionVersionView) }) } } },
    async (request) => {
      const auth = requireAuth(request);
      const found = await findMention(db, viewerOf(auth), request.params.id);
      if (!found) throw notFound('mention');
      const mention = { ...found, corrections: await listCorrections(db, auth.orgId, found.id) };
      const earlier = await findMentionVersions(db, mention.id);
      const current = { version: mention.version, title: mention.title, text: mention.text, ratingRaw: mention.ratingRaw, rating: mention.rating, receivedAt: mention.receivedAt };
      return { mention, versions: [...earlier, current] };
    },
  );

  app.patch(
    '/api/mentions/:id',
    { config: { access: 'mentions.triage' }, schema: { tags: ['mentions'], params: IdParams, body: UpdateMentionBody, response: { 200: z.object({ mention: MentionView }) } } },
    async (request) => {
      const auth = requireAuth(request);
      const viewer = viewerOf(auth);
      const before = await findMention(db, viewer, request.params.id);
      if (!before) throw notFound('mention');
      await db.transaction().execute(async (trx) => {
        await setMentionStatus(trx, auth.orgId, before.id, request.body.status);
        await recordAudit(trx, { ...auditBy(auth, request.ip), action: 'mention.status', targetType: 'mention', targetId: before.id, details: { from: before.status, to: request.body.status } });
      });
      return { mention: (await findMention(db, viewer, before.id))! };
    },
  );

  app.post(
    '/api/mentions/:id/not-a-risk',
    {
      config: { access: 'mentions.triage' },
      schema: { tags: ['mentions'], params: IdParams, body: NotARiskBody, response: { 200: z.object({ mention: MentionView, dismissed: z.array(z.string()) }) } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const viewer = viewerOf(auth);
      const { dismissed } = await dismissRisk(db, viewer, auditBy(auth, request.ip), request.params.id, request.body.risk);
      return { mention: (await findMention(db, viewer, request.params.id))!, dismissed };
    },
  );

  app.post(
    '/api/mentions/:id/corrections',
    {
      config: { access: 'mentions.triage' },
      schema: { tags: ['mentions'], params: IdParams, body: CorrectionBody, response: { 201: z.object({ mention: MentionView, correctionId: z.string() }) } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const viewer = viewerOf(auth);
      const { correctionId } = await correctAnalysis(db, viewer, auditBy(auth, request.ip), request.params.id, request.body);
      const mention = (await findMention(db, viewer, request.params.id))!;
      return reply.code(201).send({ mention: { ...mention, corrections: await listCorrections(db, auth.orgId, mention.id) }, correctionId });
    },
  );

  app.delete(
    '/api/mentions/:id/corrections/:correctionId',
    { config: { access: 'mentions.triage' }, schema: { tags: ['mentions'], params: CorrectionParams, response: { 200: z.object({ mention: MentionView }) } } },
    async (request) => {
      const auth = requireAuth(request);
      const viewer = viewerOf(auth);
      await undoAnalysisCorrection(db, viewer, auditBy(auth, request.ip), request.params.id, request.params.correctionId);
      const mention = (await findMention(db, viewer, request.params.id))!;
      return { mention: { ...mention, corrections: await listCorrections(db, auth.orgId, mention.id) } };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { wholeOrganisation } from '../core/viewer.ts';
import { requireAuth } from '../core/request.ts';
import { findMention, MentionView } from '../mentions/index.ts';
import { createManualMention } from './create-manual-mention.ts';
import { CreateMentionBody } from './ingest.schemas.ts';

/** Manual entry: staff type in an offline complaint or a hotline note; it joins the inbox like any other mention. */
export async function manualEntryRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/mentions',
    { config: { access: 'mentions.write' }, schema: { tags: ['mentions'], body: CreateMentionBody, response: { 201: z.object({ mention: MentionView }) } } },
    async (request, reply) => {
      const auth = requireAuth(request);
      const id = await createManualMention(server.ctx, auditBy(auth, request.ip), request.body);
      const mention = await findMention(server.ctx.db, wholeOrganisation(auth.orgId), id);
      return reply.status(201).send({ mention: mention! });
    },
  );
}

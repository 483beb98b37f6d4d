import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../auth/index.ts';
import { ActionView, CaseView, HandlingView, TimelineEntryView } from '../../cases/index.ts';
import { requireAuth } from '../../core/request.ts';
import { viewerOf } from '../../core/viewer.ts';
import { MentionView } from '../../mentions/index.ts';
import { ReplyView } from '../../replies/index.ts';
import { caseDetail } from './case-detail.ts';

/** The case page: a case with its timeline, handling, actions, replies and mentions. */
export async function caseDetailRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;

  app.get(
    '/api/cases/:id',
    {
      config: { access: 'cases.read' },
      schema: {
        tags: ['cases'],
        params: IdParams,
        response: {
          200: z.object({
            case: CaseView,
            timeline: z.array(TimelineEntryView),
            handling: z.array(HandlingView),
            actions: z.array(ActionView),
            replies: z.array(ReplyView),
            mentions: z.array(MentionView),
          }),
        },
      },
    },
    async (request) => caseDetail(db, viewerOf(requireAuth(request)), request.params.id, request.locale),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../auth/index.ts';
import { requireAuth } from '../../core/request.ts';
import { viewerOf } from '../../core/viewer.ts';
import { SCORE_BANDS } from '../../surveys/surveys.vocab.ts';
import { patientTimeline } from './patient-timeline.ts';

export const TimelineEntryView = z.object({
  at: z.date(),
  /** visit, invitation.<status>, response, mention, followup.<kind>. */
  kind: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  ref: z.object({ type: z.string(), id: z.string() }).nullable(),
  band: z.enum(SCORE_BANDS).nullable(),
  sentiment: z.string().nullable(),
  /** The cases the mention is in (open them at /cases/<id>). */
  cases: z.array(z.object({ id: z.string(), number: z.number(), title: z.string() })),
});

/** A patient's timeline of care and reputation. */
export async function patientTimelineRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;

  app.get(
    '/api/patients/:id/timeline',
    { config: { access: 'patients.read' }, schema: { tags: ['patients'], params: IdParams, response: { 200: z.object({ patientId: z.string(), items: z.array(TimelineEntryView) }) } } },
    async (request) => patientTimeline(db, viewerOf(requireAuth(request)), request.params.id, request.locale),
  );
}

import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { findOrgsWithBacklog } from '../mentions.queries.ts';

// The analysis engine (models, language profiles) is loaded by the first job, not by every process
// that only imports the job list to send jobs (e.g. `verity import`).
const analysePending: typeof import('../analyse-pending.ts').analysePending = async (ctx, orgId) => (await import('../analyse-pending.ts')).analysePending(ctx, orgId);

/**
 * Sent by every ingest: analyses the organisation's new mentions. Debounced per organisation: at
 * most one job per 2-second slot, and a send into a taken slot moves to the next one
 * (singletonNextSlot), so a mention committed just after the slot's job started is not left for the
 * minute backlog cron; each job drains whatever has arrived meanwhile.
 */
export const analyseMentionsJob = defineJob({
  name: 'mentions.analyse-new',
  schema: z.object({ orgId: z.string() }),
  async handle(ctx, data) {
    await analysePending(ctx, data.orgId);
  },
});

/** Every minute: picks up whatever was ingested without a queue (e.g. `verity import`) or marked for re-analysis. */
export const analyseBacklogJob = defineJob({
  name: 'mentions.analyse-backlog',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  async handle(ctx) {
    for (const orgId of await findOrgsWithBacklog(ctx.db)) await analysePending(ctx, orgId);
  },
});

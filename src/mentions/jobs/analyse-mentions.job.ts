import { ANALYSE_QUEUE } from '../../jobs/enqueue.ts';
import type { JobDefinition } from '../../jobs/registry.ts';

// The analysis engine (models, language profiles) is loaded by the first job, not by every process
// that only imports the registry to send jobs (e.g. `verity import`).
const analysePending: typeof import('../analyse-pending.ts').analysePending = async (ctx, orgId) =>
  (await import('../analyse-pending.ts')).analysePending(ctx, orgId);

/** Sent (throttled) by every ingest: analyses the organisation's new mentions. */
export const analyseMentionsJob: JobDefinition = {
  name: ANALYSE_QUEUE,
  async handle(ctx, data) {
    if (typeof data.orgId === 'string') await analysePending(ctx, data.orgId);
  },
};

/** Every minute: picks up whatever was ingested without a queue (e.g. `verity import`) or marked for re-analysis. */
export const analyseBacklogJob: JobDefinition = {
  name: 'analyse-backlog',
  cron: '* * * * *',
  async handle(ctx) {
    const orgs = await ctx.db.selectFrom('mentions').select('org_id').distinct().where('analysed_at', 'is', null).execute();
    for (const { org_id } of orgs) await analysePending(ctx, org_id);
  },
};

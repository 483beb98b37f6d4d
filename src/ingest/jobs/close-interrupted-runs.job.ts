import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { closeInterruptedRuns } from '../import-runs.queries.ts';

/** A run with no committed batch for this long is taken for dead on a store several processes share. */
export const STALE_RUN_SECONDS = 15 * 60;

/**
 * Every five minutes: closes as interrupted the import runs of processes that died without a
 * batch for STALE_RUN_SECONDS (on PostgreSQL another server may have been running them). At start
 * the server closes them too, all at once on the embedded store (it has one owner).
 */
export const closeInterruptedRunsJob = defineJob({
  name: 'ingest.close-interrupted-runs',
  schema: z.object({}).passthrough(),
  cron: '*/5 * * * *',
  async handle(ctx) {
    await closeInterruptedRuns(ctx.db, STALE_RUN_SECONDS);
  },
});

import { z } from 'zod';
import { EVENTS } from '../../../core/events.ts';
import { defineJob } from '../../../core/jobs.ts';
import { refreshRollups } from '../rollups.ts';

/** Every minute: recomputes the rollups of every dirty day (imports of years, time-zone changes, what no dashboard read refreshed). */
export const refreshRollupsJob = defineJob({
  name: 'dashboards.refresh-rollups',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  async handle(ctx) {
    await refreshRollups(ctx.db);
  },
});

/** After each analysed batch: the organisation's days whose sentiment and aspects just changed (cheap when another refresher got there first). */
export const refreshAnalysedRollupsJob = defineJob({
  name: 'dashboards.refresh-analysed-rollups',
  schema: EVENTS['mentions.analysed'],
  subscribe: 'mentions.analysed',
  async handle(ctx, data) {
    await refreshRollups(ctx.db, data.orgId);
  },
});

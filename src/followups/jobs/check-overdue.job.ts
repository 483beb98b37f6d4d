import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { publicBaseUrl } from '../../core/config.ts';
import { markOverdueTasks } from '../tasks.ts';

/** Every minute: marks overdue follow-up tasks and tells their care teams. */
export const checkOverdueJob = defineJob({
  name: 'followups.check-overdue',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  async handle(ctx) {
    await markOverdueTasks(ctx.db, ctx.boss, publicBaseUrl(ctx.config));
  },
});

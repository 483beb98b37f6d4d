import { z } from 'zod';
import { defineJob } from '../../../core/jobs.ts';
import { runDueReports } from '../run-due-reports.ts';

/** Every 15 minutes: makes, archives and sends the weekly and monthly reports whose send hour has come in their organisation's time zone. */
export const makeDueReportsJob = defineJob({
  name: 'reports.make-due',
  schema: z.object({}).passthrough(),
  cron: '*/15 * * * *',
  async handle(ctx) {
    await runDueReports(ctx);
  },
});

import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { checkSla } from '../check-sla.ts';

/** Every minute: escalates cases past their due times. */
export const checkSlaJob = defineJob({
  name: 'cases.check-sla',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  async handle(ctx) {
    await checkSla(ctx);
  },
});

import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { purgeSalts } from '../salts.ts';

/** Every day just after midnight UTC (and again each hour, should the first run be missed): deletes the salts of past days. */
export const purgeSaltsJob = defineJob({
  name: 'sharing.purge-salts',
  schema: z.object({}).passthrough(),
  cron: '3 * * * *',
  async handle(ctx) {
    await purgeSalts(ctx.db);
  },
});

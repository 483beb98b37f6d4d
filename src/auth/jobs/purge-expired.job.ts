import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { purgeExpired } from '../sessions.ts';

/** Every hour: deletes expired sessions, stale login-failure windows and webhook signatures too old to be replayed. */
export const purgeExpiredJob = defineJob({
  name: 'auth.purge-expired',
  schema: z.object({}).passthrough(),
  cron: '17 * * * *',
  async handle(ctx) {
    await purgeExpired(ctx.db);
  },
});

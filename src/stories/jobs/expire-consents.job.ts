import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { expireConsents } from '../revoke-consent.ts';

/** Daily: flags every use of a story whose consent for that use ran out (and tells each use's owner). */
export const expireConsentsJob = defineJob({
  name: 'stories.expire-consents',
  schema: z.object({}).passthrough(),
  cron: '17 2 * * *',
  async handle(ctx) {
    await expireConsents(ctx.db, ctx.boss, new Date().toISOString().slice(0, 10));
  },
});

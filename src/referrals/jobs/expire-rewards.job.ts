import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { expireRewards } from '../ledger.ts';

/** Daily at 02:10 UTC: every issued reward past its validity moves issued → expired (one balanced ledger transaction each). */
export const expireRewardsJob = defineJob({
  name: 'referrals.expire-rewards',
  schema: z.object({}).passthrough(),
  cron: '10 2 * * *',
  async handle(ctx) {
    await expireRewards(ctx.db);
  },
});

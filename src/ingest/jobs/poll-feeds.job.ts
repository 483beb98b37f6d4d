import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { pollFeed } from '../poll-feed.ts';
import { findFeedsDue } from '../sources.queries.ts';

/** Every minute: polls each RSS/Atom source whose interval has passed since its last poll. */
export const pollFeedsJob = defineJob({
  name: 'ingest.poll-feeds',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  async handle(ctx) {
    for (const sourceId of await findFeedsDue(ctx.db)) await pollFeed(ctx, sourceId);
  },
});

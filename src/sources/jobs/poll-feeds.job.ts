import { sql } from 'kysely';
import type { JobDefinition } from '../../jobs/registry.ts';
import { pollFeed } from '../poll-feed.ts';

/** Every minute: polls each RSS/Atom source whose interval has passed since its last poll. */
export const pollFeedsJob: JobDefinition = {
  name: 'poll-feeds',
  cron: '* * * * *',
  async handle(ctx) {
    const due = await ctx.db
      .selectFrom('sources')
      .select('id')
      .where('kind', '=', 'rss')
      .where('url', 'is not', null)
      .where((eb) => eb.or([eb('last_polled_at', 'is', null), eb('last_polled_at', '<', sql<Date>`now() - make_interval(mins => poll_minutes)`)]))
      .execute();
    for (const source of due) await pollFeed(ctx, source.id);
  },
};

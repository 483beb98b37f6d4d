import { sql } from 'kysely';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import type { ConsentUse, StoryStatus } from '../stories/stories.vocab.ts';

/** A story as the calendar and the poster maker offer it: its status and every consent (use, channels, period, revoked). */
export interface StoryOption {
  id: string;
  title: string;
  authorName: string;
  status: StoryStatus;
  locale: Locale;
  body: string;
  consents: { use: ConsentUse; channels: string[]; validFrom: string; validUntil: string | null; revoked: boolean }[];
}

/** The organisation's stories that are not withdrawn or rejected, newest first (read-only view of STORIES' tables). */
export async function findStoryOptions(db: Db, orgId: string): Promise<StoryOption[]> {
  return db
    .selectFrom('stories as s')
    .select([
      's.id',
      sql<string>`coalesce(nullif(s.title, ''), nullif(s.author_name, ''), left(s.body, 24))`.as('title'),
      's.author_name as authorName',
      's.status',
      's.locale',
      's.body',
      (eb) =>
        eb
          .selectFrom('story_consents as c')
          .select(
            sql<
              StoryOption['consents']
            >`coalesce(json_agg(json_build_object('use', c.use, 'channels', c.channels, 'validFrom', c.valid_from::text, 'validUntil', c.valid_until::text, 'revoked', c.revoked_at IS NOT NULL) ORDER BY c.granted_at), '[]')`.as(
              'j',
            ),
          )
          .whereRef('c.story_id', '=', 's.id')
          .where('c.org_id', '=', orgId)
          .as('consents'),
    ])
    .where('s.org_id', '=', orgId)
    .where('s.status', 'not in', ['withdrawn', 'rejected'])
    .orderBy('s.created_at', 'desc')
    .limit(300)
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, consents: r.consents ?? [] })));
}

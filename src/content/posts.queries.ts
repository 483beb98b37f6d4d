import { sql } from 'kysely';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import type { Market } from '../outreach/outreach.vocab.ts';
import type { ConsentUse, PublicationChannel, StoryStatus, UseFlagReason } from '../stories/stories.vocab.ts';
import type { PostStatus } from './content.vocab.ts';

export interface PostView {
  id: string;
  title: string;
  body: string;
  channel: PublicationChannel;
  use: ConsentUse;
  market: Market;
  scheduledFor: Date | null;
  status: PostStatus;
  ownerUserId: string | null;
  ownerName: string | null;
  stories: { id: string; title: string; status: StoryStatus }[];
  /** The post's story uses that STORIES flagged (a consent revoked or expired, a story withdrawn): why it is, or must be, taken down. */
  flags: { storyId: string; storyTitle: string; reason: UseFlagReason; at: Date; takenDownAt: Date | null }[];
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

const storyTitle = sql<string>`coalesce(nullif(s.title, ''), nullif(s.author_name, ''), left(s.body, 24))`;

function query(db: Db, orgId: string) {
  return db
    .selectFrom('content_posts as p')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'p.owner_user_id').on('u.org_id', '=', orgId))
    .select([
      'p.id',
      'p.title',
      'p.body',
      'p.channel',
      'p.use',
      'p.market',
      'p.scheduled_for as scheduledFor',
      'p.status',
      'p.owner_user_id as ownerUserId',
      'u.name as ownerName',
      'p.created_at as createdAt',
      'p.updated_at as updatedAt',
      'p.published_at as publishedAt',
      (eb) =>
        eb
          .selectFrom('content_post_stories as ps')
          .innerJoin('stories as s', 's.id', 'ps.story_id')
          .select(sql<PostView['stories']>`coalesce(json_agg(json_build_object('id', s.id, 'title', ${storyTitle}, 'status', s.status) ORDER BY s.created_at), '[]')`.as('j'))
          .whereRef('ps.post_id', '=', 'p.id')
          .as('stories'),
      (eb) =>
        eb
          .selectFrom('story_uses as su')
          .innerJoin('stories as s', 's.id', 'su.story_id')
          .select(
            sql<
              { storyId: string; storyTitle: string; reason: UseFlagReason; at: string; takenDownAt: string | null }[]
            >`coalesce(json_agg(json_build_object('storyId', s.id, 'storyTitle', ${storyTitle}, 'reason', su.flag_reason, 'at', su.flagged_at, 'takenDownAt', su.taken_down_at) ORDER BY su.flagged_at), '[]')`.as(
              'j',
            ),
          )
          .whereRef('su.ref_id', '=', 'p.id')
          .where('su.kind', '=', 'post')
          .where('su.flagged_at', 'is not', null)
          .as('flags'),
    ])
    .where('p.org_id', '=', orgId);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

const toView = (r: Row): PostView => ({
  ...r,
  ownerName: r.ownerName ?? null,
  stories: r.stories ?? [],
  flags: (r.flags ?? []).map((f) => ({ ...f, at: new Date(f.at), takenDownAt: f.takenDownAt ? new Date(f.takenDownAt) : null })),
});

/** The organisation's posts planned in [from, to) (and the undated ones when `undated`), by date. */
export async function findPosts(db: Db, orgId: string, filter: { from?: Date; to?: Date; undated?: boolean }): Promise<PostView[]> {
  let q = query(db, orgId);
  if (filter.from || filter.to)
    q = q.where((eb) => {
      const dated = eb.and([...(filter.from ? [eb('p.scheduled_for', '>=', filter.from)] : []), ...(filter.to ? [eb('p.scheduled_for', '<', filter.to)] : [])]);
      return filter.undated === false ? dated : eb.or([dated, eb('p.scheduled_for', 'is', null)]);
    });
  const rows = await q
    .orderBy(sql`p.scheduled_for IS NULL`)
    .orderBy('p.scheduled_for')
    .orderBy('p.created_at')
    .limit(500)
    .execute();
  return rows.map(toView);
}

export async function getPost(db: Db, orgId: string, id: string): Promise<PostView> {
  const row = await query(db, orgId).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('post');
  return toView(row);
}

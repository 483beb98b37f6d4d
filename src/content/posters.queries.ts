import { sql } from 'kysely';
import { notFound } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import type { ConsentUse, PublicationChannel, UseFlagReason } from '../stories/stories.vocab.ts';
import type { PosterSize, PosterTemplate } from './content.vocab.ts';

export interface PosterView {
  id: string;
  storyId: string;
  storyTitle: string;
  quote: string;
  attribution: string;
  locale: Locale;
  size: PosterSize;
  template: PosterTemplate;
  use: ConsentUse;
  channel: PublicationChannel;
  /** The rules whose warnings are printed on it. */
  notices: string[];
  shareCode: string | null;
  createdAt: Date;
  createdBy: string | null;
  /** Set when the story's consent was revoked or the story withdrawn (STORIES flags the use). */
  flag: { reason: UseFlagReason; at: Date; takenDownAt: Date | null } | null;
}

function query(db: Db, orgId: string) {
  return db
    .selectFrom('posters as p')
    .innerJoin('stories as s', 's.id', 'p.story_id')
    .leftJoin('users as u', 'u.id', 'p.created_by')
    .leftJoin('share_links as l', 'l.id', 'p.share_link_id')
    .leftJoin('story_uses as su', (j) => j.onRef('su.ref_id', '=', 'p.id').on('su.kind', '=', 'poster').onRef('su.story_id', '=', 'p.story_id'))
    .select([
      'p.id',
      'p.story_id as storyId',
      sql<string>`coalesce(nullif(s.title, ''), nullif(s.author_name, ''), left(s.body, 24))`.as('storyTitle'),
      'p.quote',
      'p.attribution',
      'p.locale',
      'p.size',
      'p.template',
      'p.use',
      'p.channel',
      'p.notices',
      'l.code as shareCode',
      'p.created_at as createdAt',
      'u.name as createdBy',
      'su.flag_reason',
      'su.flagged_at',
      'su.taken_down_at',
    ])
    .where('p.org_id', '=', orgId);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

const toView = ({ flag_reason, flagged_at, taken_down_at, ...r }: Row): PosterView => ({
  ...r,
  createdBy: r.createdBy ?? null,
  shareCode: r.shareCode ?? null,
  flag: flag_reason && flagged_at ? { reason: flag_reason, at: flagged_at, takenDownAt: taken_down_at ?? null } : null,
});

/** The organisation's posters, newest first (a story's only, when given). */
export async function findPosters(db: Db, orgId: string, filter: { storyId?: string } = {}): Promise<PosterView[]> {
  let q = query(db, orgId).orderBy('p.created_at', 'desc').limit(200);
  if (filter.storyId) q = q.where('p.story_id', '=', filter.storyId);
  return (await q.execute()).map(toView);
}

export async function getPoster(db: Db, orgId: string, id: string): Promise<PosterView> {
  const row = await query(db, orgId).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('poster');
  return toView(row);
}

/** A made poster's PNG or PDF, as it was made. */
export async function getPosterFile(db: Db, orgId: string, id: string, kind: 'png' | 'pdf'): Promise<{ bytes: Buffer; filename: string }> {
  const row = await db.selectFrom('posters').select(['id', kind, 'created_at']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  const bytes = row?.[kind] as Buffer | null | undefined;
  if (!row || !bytes) throw notFound('poster');
  return { bytes: Buffer.from(bytes), filename: `poster-${row.created_at.toISOString().slice(0, 10)}-${id.slice(0, 8)}.${kind}` };
}

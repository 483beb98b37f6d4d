import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';
import { badRequest } from '../core/errors.ts';
import { scopeToViewer, type Viewer } from '../core/viewer.ts';
import { builtInSourceOf } from '../ingest/ingest.vocab.ts';
import { mentionsMessages } from './mentions.messages.ts';
import type { MentionFiltersType, MentionViewType } from './mentions.schemas.ts';
import type { MentionStatus } from './mentions.vocab.ts';
import { searchQuery } from './search-tokens.ts';

// For callers not yet moved to core/viewer.ts.

const sortKey = sql<Date>`coalesce(m.published_at, m.received_at)`;
// The sort key as text to the microsecond: a JS Date would round it to the millisecond, and the
// rows of one ingest batch share received_at = now(), so a rounded cursor would skip them.
const cursorAt = sql<string>`to_char(coalesce(m.published_at, m.received_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function baseQuery(db: Db, viewer: Viewer) {
  return db
    .selectFrom('mentions as m')
    .innerJoin('sources as s', 's.id', 'm.source_id')
    .leftJoin('locations as l', 'l.id', 'm.location_id')
    .leftJoin('departments as d', 'd.id', 'm.department_id')
    .select([
      'm.id',
      'm.source_id as sourceId',
      's.name as sourceName',
      'm.kind',
      'm.external_id as externalId',
      'm.url',
      'm.author_handle as authorHandle',
      'm.rating_raw as ratingRaw',
      'm.rating_scale as ratingScale',
      'm.rating',
      'm.title',
      'm.text',
      'm.lang',
      'm.published_at as publishedAt',
      'm.received_at as receivedAt',
      'm.location_id as locationId',
      'l.name as locationName',
      'm.department_id as departmentId',
      'd.name as departmentName',
      'm.status',
      'm.version',
      'm.analysis',
      'm.to_review as toReview',
      'm.review',
      'm.import_run_id as importRunId',
      sql<string | null>`(SELECT c.id FROM case_mentions cm JOIN cases c ON c.id = cm.case_id WHERE cm.mention_id = m.id ORDER BY (c.status <> 'closed') DESC, c.opened_at DESC LIMIT 1)`.as('caseId'),
      sql<number | null>`(SELECT c.number FROM case_mentions cm JOIN cases c ON c.id = cm.case_id WHERE cm.mention_id = m.id ORDER BY (c.status <> 'closed') DESC, c.opened_at DESC LIMIT 1)`.as(
        'caseNumber',
      ),
      cursorAt.as('cursorAt'),
    ])
    .where('m.org_id', '=', viewer.orgId)
    .where(scopeToViewer('m.department_id', viewer));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

async function staffNames(db: Db, orgId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('org_id', '=', orgId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

function toView(row: Row, staff: Map<string, string>): MentionViewType {
  const { cursorAt: _cursorAt, analysis, review, ...rest } = row;
  const a = analysis as (Omit<NonNullable<MentionViewType['analysis']>, 'staff'> & { staff: { id: string; span: [number, number]; confidence: number }[] }) | null;
  return {
    ...rest,
    sourceBuiltIn: builtInSourceOf(rest.sourceName),
    kind: rest.kind,
    status: rest.status,
    review: (review as MentionViewType['review']) ?? null,
    analysis: a ? { ...a, staff: a.staff.map((s) => ({ ...s, name: staff.get(s.id) ?? '?' })) } : null,
  };
}

/** The sort orders of the inbox: the key, its direction, and how a cursor carries it. */
const SORTS = {
  newest: { key: sortKey, text: cursorAt, dir: 'desc' },
  oldest: { key: sortKey, text: cursorAt, dir: 'asc' },
  // Most negative first: the analysed sentiment score (unanalysed mentions count as neutral).
  negative: { key: sql<number>`coalesce((m.analysis->'sentiment'->>'score')::float8, 0)`, text: null, dir: 'asc' },
  // Lowest rating first, then highest; mentions without stars come last in both.
  rating: { key: sql<number>`coalesce(m.rating::float8, 6)`, text: null, dir: 'asc' },
  rating_high: { key: sql<number>`coalesce(m.rating::float8, 0)`, text: null, dir: 'desc' },
} as const;
export type MentionSort = keyof typeof SORTS;

export function encodeCursor(at: Date | string | number, id: string, sort: MentionSort = 'newest'): string {
  const key = at instanceof Date ? at.toISOString() : at;
  return Buffer.from(JSON.stringify(sort === 'newest' ? [key, id] : [sort, key, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: MentionSort): [string | number, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value)) {
      const [key, id] = sort === 'newest' ? value : value[0] === sort ? value.slice(1) : [];
      const isTime = SORTS[sort].text !== null;
      const keyOk = isTime ? !Number.isNaN(Date.parse(String(key))) : typeof key === 'number' && Number.isFinite(key);
      if (keyOk && /^[0-9a-f-]{36}$/.test(String(id))) return [isTime ? String(key) : (key as number), String(id)];
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest(mentionsMessages.text('badCursor'));
}

/** The filters of a list as one query (without the cursor), for the page and for its total. */
function filtered(db: Db, viewer: Viewer, filters: Omit<MentionFiltersType, 'limit' | 'cursor'>) {
  let query = baseQuery(db, viewer);
  const conditions: Expression<SqlBool>[] = [];
  if (filters.source) query = query.where('m.source_id', '=', filters.source);
  if (filters.location) query = query.where('m.location_id', '=', filters.location);
  if (filters.department) query = query.where('m.department_id', '=', filters.department);
  if (filters.lang) query = query.where('m.lang', '=', filters.lang);
  if (filters.ratingMin !== undefined) query = query.where('m.rating', '>=', filters.ratingMin);
  if (filters.ratingMax !== undefined) query = query.where('m.rating', '<=', filters.ratingMax);
  if (filters.status) query = query.where('m.status', '=', filters.status);
  if (filters.kind) query = query.where('m.kind', '=', filters.kind);
  if (filters.importRun) query = query.where('m.import_run_id', '=', filters.importRun);
  if (filters.toReview !== undefined) query = query.where('m.to_review', '=', filters.toReview);
  if (filters.author?.trim()) query = query.where(sql<SqlBool>`lower(m.author_handle) = lower(${filters.author.trim()})`);
  // A bare date is a whole day of the organisation's time zone (as the dashboards count it); a date-time is that instant.
  const orgZone = sql`(SELECT o.timezone FROM organisations o WHERE o.id = ${viewer.orgId})`;
  const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
  if (filters.from) query = query.where(sortKey, '>=', isDay(filters.from) ? sql<Date>`(${filters.from}::date::timestamp AT TIME ZONE ${orgZone})` : new Date(filters.from));
  if (filters.to) {
    query = isDay(filters.to) ? query.where(sortKey, '<', sql<Date>`((${filters.to}::date + 1)::timestamp AT TIME ZONE ${orgZone})`) : query.where(sortKey, '<=', new Date(filters.to));
  }
  if (filters.hideDismissed) query = query.where('m.status', '<>', 'dismissed');
  // A competitor's mentions (the benchmark's) are not ours to triage: shown only when the source filter names their source.
  if (!filters.source) query = query.where('s.competitor', 'is', null);
  if (filters.sentiment) query = query.where('m.sentiment', '=', filters.sentiment);
  if (filters.aspect) conditions.push(sql<SqlBool>`m.aspects @> ARRAY[${filters.aspect}]::text[]`);
  if (filters.risk) conditions.push(sql<SqlBool>`m.risks @> ARRAY[${filters.risk}]::text[]`);
  if (filters.staff) conditions.push(sql<SqlBool>`m.staff_ids @> ARRAY[${filters.staff}]::uuid[]`);
  if (filters.q?.trim()) {
    // The words of the text (lexemes), or the author's handle: "li.wei", "Иванова", "王女士".
    const tsquery = searchQuery(filters.q);
    const author = `%${filters.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const byAuthor = sql<SqlBool>`lower(m.author_handle) LIKE ${author}`;
    conditions.push(tsquery ? sql<SqlBool>`(m.search @@ ${tsquery}::tsquery OR ${byAuthor})` : byAuthor);
  }
  for (const condition of conditions) query = query.where(condition);
  return query;
}

/** A page of mentions matching the filters in the chosen order (newest first by default), with the total that match. Throws bad_request on a malformed cursor. */
export async function findMentions(db: Db, viewer: Viewer, filters: MentionFiltersType): Promise<{ items: MentionViewType[]; nextCursor: string | null; total: number }> {
  const sort = SORTS[filters.sort];
  let query = filtered(db, viewer, filters);
  if (filters.cursor) {
    const [at, id] = decodeCursor(filters.cursor, filters.sort);
    const key = sort.text !== null ? sql`${at}::timestamptz` : sql`${at}::float8`;
    query = query.where(sort.dir === 'desc' ? sql<SqlBool>`(${sort.key}, m.id) < (${key}, ${id}::uuid)` : sql<SqlBool>`(${sort.key}, m.id) > (${key}, ${id}::uuid)`);
  }
  const rows = await query
    .select((sort.key as RawBuilder<unknown>).as('sortValue'))
    .orderBy(sort.key, sort.dir)
    .orderBy('m.id', sort.dir)
    .limit(filters.limit + 1)
    .execute();
  const counted = await filtered(db, viewer, filters)
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const page = rows.slice(0, filters.limit);
  const staff = await staffNames(db, viewer.orgId);
  const last = page[page.length - 1];
  const lastKey = last ? (sort.text !== null ? last.cursorAt : Number(last.sortValue)) : null;
  return {
    items: page.map(({ sortValue: _sortValue, ...r }) => toView(r, staff)),
    nextCursor: rows.length > filters.limit && last && lastKey !== null ? encodeCursor(lastKey, last.id, filters.sort) : null,
    total: Number(counted.n),
  };
}

/** One mention the viewer may see, or undefined (another organisation's id reads as missing). */
export async function findMention(db: Db, viewer: Viewer, id: string): Promise<MentionViewType | undefined> {
  const row = await baseQuery(db, viewer).where('m.id', '=', id).executeTakeFirst();
  return row ? toView(row, await staffNames(db, viewer.orgId)) : undefined;
}

/** Earlier versions of a mention, oldest first (the current one is the mention itself). */
export async function findMentionVersions(db: Db, mentionId: string) {
  return db
    .selectFrom('mention_versions')
    .select(['version', 'title', 'text', 'rating_raw as ratingRaw', 'rating', 'received_at as receivedAt'])
    .where('mention_id', '=', mentionId)
    .orderBy('version')
    .execute();
}

/** Sets a mention's triage status (the caller has checked the viewer may see it). */
export async function setMentionStatus(trx: Db, orgId: string, mentionId: string, status: MentionStatus): Promise<void> {
  await trx.updateTable('mentions').set({ status }).where('id', '=', mentionId).where('org_id', '=', orgId).execute();
}

/** The organisations that have mentions waiting for analysis. */
export async function findOrgsWithBacklog(db: Db): Promise<string[]> {
  const rows = await sql<{ org_id: string }>`SELECT DISTINCT org_id FROM mentions WHERE analysed_at IS NULL`.execute(db);
  return rows.rows.map((r) => r.org_id);
}

import { sql, type Expression, type SqlBool } from 'kysely';
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
  const { cursorAt: _cursorAt, analysis, ...rest } = row;
  const a = analysis as (Omit<NonNullable<MentionViewType['analysis']>, 'staff'> & { staff: { id: string; span: [number, number]; confidence: number }[] }) | null;
  return {
    ...rest,
    sourceBuiltIn: builtInSourceOf(rest.sourceName),
    kind: rest.kind,
    status: rest.status,
    analysis: a ? { ...a, staff: a.staff.map((s) => ({ ...s, name: staff.get(s.id) ?? '?' })) } : null,
  };
}

export function encodeCursor(at: Date | string, id: string): string {
  return Buffer.from(JSON.stringify([typeof at === 'string' ? at : at.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && !Number.isNaN(Date.parse(String(value[0]))) && /^[0-9a-f-]{36}$/.test(String(value[1]))) {
      return [String(value[0]), String(value[1])];
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest(mentionsMessages.text('badCursor'));
}

/** A page of mentions matching the filters, newest first. Throws bad_request on a malformed cursor. */
export async function findMentions(db: Db, viewer: Viewer, filters: MentionFiltersType): Promise<{ items: MentionViewType[]; nextCursor: string | null }> {
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
  if (filters.from) query = query.where(sortKey, '>=', new Date(filters.from));
  if (filters.to) {
    const to = new Date(filters.to);
    // A bare date means the whole of that day.
    if (/^\d{4}-\d{2}-\d{2}$/.test(filters.to)) to.setUTCDate(to.getUTCDate() + 1);
    query = query.where(sortKey, /^\d{4}-\d{2}-\d{2}$/.test(filters.to) ? '<' : '<=', to);
  }
  if (filters.sentiment) query = query.where('m.sentiment', '=', filters.sentiment);
  if (filters.aspect) conditions.push(sql<SqlBool>`m.aspects @> ARRAY[${filters.aspect}]::text[]`);
  if (filters.risk) conditions.push(sql<SqlBool>`m.risks @> ARRAY[${filters.risk}]::text[]`);
  if (filters.staff) conditions.push(sql<SqlBool>`m.staff_ids @> ARRAY[${filters.staff}]::uuid[]`);
  if (filters.q?.trim()) {
    const tsquery = searchQuery(filters.q);
    conditions.push(tsquery ? sql<SqlBool>`m.search @@ ${tsquery}::tsquery` : sql<SqlBool>`false`);
  }
  if (filters.cursor) {
    const [at, id] = decodeCursor(filters.cursor);
    conditions.push(sql<SqlBool>`(${sortKey}, m.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  for (const condition of conditions) query = query.where(condition);
  const rows = await query
    .orderBy(sortKey, 'desc')
    .orderBy('m.id', 'desc')
    .limit(filters.limit + 1)
    .execute();
  const page = rows.slice(0, filters.limit);
  const staff = await staffNames(db, viewer.orgId);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toView(r, staff)),
    nextCursor: rows.length > filters.limit && last ? encodeCursor(last.cursorAt, last.id) : null,
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

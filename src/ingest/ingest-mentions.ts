import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { normaliseRating, type MentionInput } from './mention-input.ts';
import { searchVector } from '../mentions/index.ts';

/*
 * The one ingest path: files, the push API, webhooks, feeds and manual entry all end here.
 * A mention is keyed by (source, external key): the platform's id when there is one, else a hash
 * of author and text. A new key is inserted; a known key with the same content is a duplicate;
 * a known key with new content is an edit: the current row moves to mention_versions and the
 * mention takes the new content with version + 1.
 */

export interface IngestTarget {
  orgId: string;
  sourceId: string;
  /** The import run that brings the mentions in (kept on each mention, so the inbox can show one run). */
  runId?: string | null;
  /** The location and department (ids) for rows that name none: the file's, else the source's. */
  defaults?: { locationId: string | null; departmentId: string | null };
}

export interface IngestCounts {
  accepted: number;
  duplicates: number;
  updated: number;
}

export interface PreparedRow {
  externalKey: string;
  externalId: string | null;
  kind: string;
  url: string | null;
  authorHandle: string | null;
  ratingRaw: number | null;
  ratingScale: number | null;
  rating: number | null;
  title: string | null;
  text: string;
  lang: string | null;
  publishedAt: string | null;
  locationId: string | null;
  departmentId: string | null;
  contentHash: string;
  search: string;
  caseRequest: string | null;
}

/** Resolves the location and department names or codes that sources write onto the org's ids. */
export class OrgUnitResolver {
  private constructor(
    private readonly locations: Map<string, string>,
    private readonly departments: Map<string, string>,
  ) {}

  static async load(db: Db, orgId: string): Promise<OrgUnitResolver> {
    const [locations, departments] = await Promise.all([
      db.selectFrom('locations').select(['id', 'code', 'name']).where('org_id', '=', orgId).execute(),
      db.selectFrom('departments').select(['id', 'code', 'name']).where('org_id', '=', orgId).execute(),
    ]);
    const index = (rows: { id: string; code: string; name: string }[]) => {
      const map = new Map<string, string>();
      for (const r of rows) {
        map.set(r.id, r.id);
        map.set(r.code.toLowerCase(), r.id);
        map.set(r.name.toLowerCase(), r.id);
      }
      return map;
    };
    return new OrgUnitResolver(index(locations), index(departments));
  }

  location(value: string | null | undefined): string | null {
    return value ? (this.locations.get(value.trim().toLowerCase()) ?? null) : null;
  }

  department(value: string | null | undefined): string | null {
    return value ? (this.departments.get(value.trim().toLowerCase()) ?? null) : null;
  }
}

/** The hash that tells an edit from a duplicate: what a reader sees of the mention. */
export function contentHash(m: Pick<MentionInput, 'title' | 'text' | 'ratingRaw' | 'authorHandle'>): string {
  return createHash('sha256')
    .update(`${m.authorHandle ?? ''}\u0000${m.title ?? ''}\u0000${m.text}\u0000${m.ratingRaw ?? ''}`)
    .digest('base64url');
}

/** The key a mention is deduplicated by within its source: the platform's id, else a hash of author and text. */
export function externalKeyOf(m: Pick<MentionInput, 'externalId' | 'authorHandle' | 'text'>): string {
  const externalId = m.externalId?.trim() || null;
  return externalId
    ? `id:${externalId}`
    : `hash:${createHash('sha256')
        .update(`${m.authorHandle ?? ''}\u0000${m.text}`)
        .digest('base64url')}`;
}

/** How many of these keys the source holds already (the rows an import would count as duplicates or edits). */
export async function countKnownKeys(db: Db, sourceId: string, keys: readonly string[]): Promise<number> {
  let known = 0;
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    const row = await db
      .selectFrom('mentions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('source_id', '=', sourceId)
      .where('external_key', 'in', chunk)
      .executeTakeFirstOrThrow();
    known += Number(row.n);
  }
  return known;
}

/** The row as stored: keys, hash, normalised rating, resolved units and search lexemes. */
export function prepareMention(m: MentionInput, resolver: OrgUnitResolver, defaults?: IngestTarget['defaults']): PreparedRow {
  const hash = contentHash(m);
  const externalId = m.externalId?.trim() || null;
  return {
    externalKey: externalKeyOf(m),
    externalId,
    kind: m.kind,
    url: m.url ?? null,
    authorHandle: m.authorHandle ?? null,
    ratingRaw: m.ratingRaw ?? null,
    ratingScale: m.ratingRaw == null ? null : (m.ratingScale ?? 5),
    rating: normaliseRating(m.ratingRaw, m.ratingScale),
    title: m.title ?? null,
    text: m.text,
    lang: m.lang ?? null,
    publishedAt: m.publishedAt ? m.publishedAt.toISOString() : null,
    // A row that names its own location or department keeps it (even one Verity does not know); the others take the defaults.
    locationId: m.location?.trim() ? resolver.location(m.location) : (defaults?.locationId ?? null),
    departmentId: m.department?.trim() ? resolver.department(m.department) : (defaults?.departmentId ?? null),
    contentHash: hash,
    search: searchVector(m.title ? `${m.title} ${m.text}` : m.text),
    caseRequest: m.caseRequest ?? null,
  };
}

const column = <K extends keyof PreparedRow>(rows: PreparedRow[], key: K) => rows.map((r) => r[key]);

function inputRelation(rows: PreparedRow[]) {
  return sql`unnest(
    ${column(rows, 'externalKey')}::text[], ${column(rows, 'externalId')}::text[], ${column(rows, 'kind')}::text[],
    ${column(rows, 'url')}::text[], ${column(rows, 'authorHandle')}::text[], ${column(rows, 'ratingRaw')}::numeric[],
    ${column(rows, 'ratingScale')}::numeric[], ${column(rows, 'rating')}::numeric[], ${column(rows, 'title')}::text[],
    ${column(rows, 'text')}::text[], ${column(rows, 'lang')}::text[], ${column(rows, 'publishedAt')}::timestamptz[],
    ${column(rows, 'locationId')}::uuid[], ${column(rows, 'departmentId')}::uuid[], ${column(rows, 'contentHash')}::text[],
    ${column(rows, 'search')}::text[], ${column(rows, 'caseRequest')}::text[]
  ) AS i(external_key, external_id, kind, url, author_handle, rating_raw, rating_scale, rating, title, text, lang,
         published_at, location_id, department_id, content_hash, search, case_request)`;
}

/**
 * Writes one batch of mentions for a source, in one statement for new ones and one for edits;
 * returns how many were new, unchanged or edited. Throws on a database error (nothing of the
 * batch is then written when the caller runs it in a transaction).
 */
export async function ingestMentions(db: Db, target: IngestTarget, mentions: MentionInput[], resolver: OrgUnitResolver): Promise<IngestCounts & { ids: string[] }> {
  const counts = { accepted: 0, duplicates: 0, updated: 0, ids: [] as string[] };
  let pending = mentions.map((m) => prepareMention(m, resolver, target.defaults));
  // The same key twice in one statement would be ambiguous: later occurrences wait for the next round.
  while (pending.length > 0) {
    const seen = new Map<string, PreparedRow>();
    const later: PreparedRow[] = [];
    for (const row of pending) {
      const first = seen.get(row.externalKey);
      if (!first) seen.set(row.externalKey, row);
      else if (first.contentHash === row.contentHash) counts.duplicates++;
      else later.push(row);
    }
    const round = [...seen.values()];
    await writeRound(db, target, round, counts);
    pending = later;
  }
  return counts;
}

async function writeRound(db: Db, target: IngestTarget, rows: PreparedRow[], counts: IngestCounts & { ids: string[] }): Promise<void> {
  const inserted = await sql<{ id: string; external_key: string }>`
    INSERT INTO mentions (org_id, source_id, external_key, external_id, kind, url, author_handle, rating_raw, rating_scale,
      rating, title, text, lang, published_at, location_id, department_id, content_hash, search, import_run_id, case_request)
    SELECT ${target.orgId}::uuid, ${target.sourceId}::uuid, i.external_key, i.external_id, i.kind, i.url, i.author_handle,
      i.rating_raw, i.rating_scale, i.rating, i.title, i.text, i.lang, i.published_at, i.location_id, i.department_id,
      i.content_hash, i.search::tsvector, ${target.runId ?? null}::uuid, i.case_request
    FROM ${inputRelation(rows)}
    ON CONFLICT (source_id, external_key) DO NOTHING
    RETURNING id, external_key
  `.execute(db);
  counts.accepted += inserted.rows.length;
  for (const r of inserted.rows) counts.ids.push(r.id);
  if (inserted.rows.length === rows.length) return;

  const insertedKeys = new Set(inserted.rows.map((r) => r.external_key));
  const existing = rows.filter((r) => !insertedKeys.has(r.externalKey));
  // Rows whose content changed: keep the current content as a version, then take the new one.
  // All CTEs read the same snapshot, so `old` sees the row as it was before `edited` changes it.
  const edited = await sql<{ id: string }>`
    WITH i AS (SELECT * FROM ${inputRelation(existing)}),
    old AS (
      SELECT m.id, m.version, m.title, m.text, m.rating_raw, m.rating, m.content_hash, m.received_at
      FROM mentions m JOIN i ON m.source_id = ${target.sourceId}::uuid AND m.external_key = i.external_key
      WHERE m.content_hash <> i.content_hash
      FOR UPDATE OF m
    ),
    kept AS (
      INSERT INTO mention_versions (mention_id, version, title, text, rating_raw, rating, content_hash, received_at)
      SELECT id, version, title, text, rating_raw, rating, content_hash, received_at FROM old
    )
    UPDATE mentions m SET
      version = m.version + 1, title = i.title, text = i.text, rating_raw = i.rating_raw, rating_scale = i.rating_scale,
      rating = i.rating, url = coalesce(i.url, m.url), author_handle = coalesce(i.author_handle, m.author_handle),
      lang = i.lang, published_at = coalesce(i.published_at, m.published_at), content_hash = i.content_hash,
      search = i.search::tsvector, received_at = now(), analysis = NULL, analysis_version = NULL, analysed_at = NULL,
      sentiment = NULL, aspects = NULL, risks = NULL, staff_ids = NULL, import_run_id = coalesce(${target.runId ?? null}::uuid, m.import_run_id)
    FROM i, old
    WHERE m.id = old.id AND m.external_key = i.external_key AND m.source_id = ${target.sourceId}::uuid
    RETURNING m.id
  `.execute(db);
  counts.updated += edited.rows.length;
  for (const r of edited.rows) counts.ids.push(r.id);
  counts.duplicates += existing.length - edited.rows.length;
}

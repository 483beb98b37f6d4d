import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addDays, contentTerms, weekOf } from './pain-terms.ts';
import { isComplaint } from '../../mentions/index.ts';

/*
 * The terms of negative mentions, for the emerging terms of the pain points.
 *
 * Grain: one row per organisation-local ISO week (`day` is its Monday), term and level, counting
 * the negative mentions of our own sources (not dismissed) that hold the term, once per mention.
 * Four levels, told apart by which unit column is set (at most one is):
 *   - the organisation:   location_id, department_id, source_id NULL (every negative mention);
 *   - a department:       department_id set (across its locations and sources);
 *   - a location:         location_id set (across its departments and sources);
 *   - a source:           source_id set (added by migration 20261201T1420-pain-points).
 * Two filters together (a location and a department, a source and a department…) are narrow
 * enough to count from the mentions at read time (emerging.ts). Weeks, not days: a real week's negative mentions share most of their
 * words, so a week's rows are several times fewer than seven days' (the read sums 2 × 13 weeks for
 * the default 90 days). Only negative mentions are tokenised, so `mentions` = `negative`.
 */

const INSERT_CHUNK = 5000;

interface Row {
  week: string;
  source_id: string;
  location_id: string | null;
  department_id: string | null;
  text: string;
  lang: string | null;
}

/** The text and units of the complaints (negative or mixed mentions) of our own sources in the given org-local weeks. */
async function negativeMentionsOfWeeks(trx: Transaction<Database>, orgId: string, timezone: string, weeks: string[]): Promise<Row[]> {
  const result = await sql<Row>`
    SELECT w.week::text AS week, m.source_id, m.location_id, m.department_id, m.text, m.lang
    FROM unnest(${weeks}::date[]) AS w(week)
    JOIN mentions m ON m.org_id = ${orgId}
      AND coalesce(m.published_at, m.received_at) >= (w.week::timestamp AT TIME ZONE ${timezone})
      AND coalesce(m.published_at, m.received_at) < ((w.week + 7)::timestamp AT TIME ZONE ${timezone})
      AND ${isComplaint()} AND m.status <> 'dismissed'
    JOIN sources s ON s.id = m.source_id AND s.competitor IS NULL`.execute(trx);
  return result.rows;
}

/**
 * Recomputes `mention_term_rollups` for the weeks holding the given organisation-local days of
 * one organisation, inside the refresh job's transaction: the weeks' rows are deleted and counted
 * again from the mentions. Two refreshers whose days share a week take turns on it (a transaction
 * advisory lock per organisation and week), so a week is never counted twice.
 */
export async function refreshTermRollups(trx: Transaction<Database>, orgId: string, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  const weeks = [...new Set(days.map(weekOf))].sort();
  const org = await trx.selectFrom('organisations').select('timezone').where('id', '=', orgId).executeTakeFirstOrThrow();
  for (const week of weeks) await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`term-rollups:${orgId}:${week}`}, 0))`.execute(trx);
  await sql`DELETE FROM mention_term_rollups WHERE org_id = ${orgId} AND day = ANY(${weeks}::date[])`.execute(trx);

  // Key: week, location, department, source ('' for none), term.
  const counts = new Map<string, number>();
  const bump = (week: string, location: string, department: string, source: string, term: string) => {
    const key = `${week}\u0001${location}\u0001${department}\u0001${source}\u0001${term}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const row of await negativeMentionsOfWeeks(trx, orgId, org.timezone, weeks)) {
    for (const term of contentTerms(row.text, row.lang)) {
      bump(row.week, '', '', '', term);
      if (row.department_id) bump(row.week, '', row.department_id, '', term);
      if (row.location_id) bump(row.week, row.location_id, '', '', term);
      bump(row.week, '', '', row.source_id, term);
    }
  }
  const entries = [...counts];
  for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
    const chunk = entries.slice(i, i + INSERT_CHUNK).map(([key, n]) => {
      const [week, location, department, source, term] = key.split('\u0001') as [string, string, string, string, string];
      return { week, location: location || null, department: department || null, source: source || null, term, n };
    });
    await sql`
      INSERT INTO mention_term_rollups (org_id, day, location_id, department_id, source_id, term, mentions, negative)
      SELECT ${orgId}, u.week, u.location_id, u.department_id, u.source_id, u.term, u.n, u.n
      FROM unnest(${chunk.map((c) => c.week)}::date[], ${chunk.map((c) => c.location)}::uuid[], ${chunk.map((c) => c.department)}::uuid[], ${chunk.map((c) => c.source)}::uuid[], ${chunk.map((c) => c.term)}::text[], ${chunk.map((c) => c.n)}::int[])
        AS u(week, location_id, department_id, source_id, term, n)`.execute(trx);
  }
}

/** The weeks a period's emerging terms compare: those with at least four of their days in the period (at least the week of its last day), and as many weeks just before. */
export function comparedWeeks(period: { from: string; to: string }): { current: string[]; previous: string[] } {
  const first = weekOf(addDays(period.from, 3));
  let last = weekOf(addDays(period.to, -3));
  if (last < first) last = weekOf(period.to);
  const current: string[] = [];
  for (let w = last < first ? last : first; w <= last; w = addDays(w, 7)) current.push(w);
  const previous = current.map((_, i) => addDays(current[0]!, -7 * (current.length - i)));
  return { current, previous };
}

import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { refreshTermRollups } from './term-rollups.ts';
import { isComplaint } from '../../mentions/index.ts';

/** Days claimed and recomputed per transaction: a month, so one transaction stays short. */
const BATCH_DAYS = 31;
/** A loader refreshes the organisation's dirty days itself up to this many (about 20 ms a day at most); more are the job's. */
export const READ_REFRESH_MAX_DAYS = 62;

/** Runs `fn` in a transaction, or in the caller's when `db` already is one. */
async function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);
}

/**
 * Runs a dashboard's statements in one transaction without JIT compilation: the rollup sums and the
 * refresh's set-returning functions are estimated high enough to trigger it, and compiling costs
 * PostgreSQL one to two seconds a statement where running takes milliseconds (PGlite has no JIT;
 * the setting is accepted and changes nothing).
 */
export async function withoutJit<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return inTransaction(db, async (trx) => {
    await sql`SET LOCAL jit = off`.execute(trx);
    return fn(trx);
  });
}

/**
 * Claims up to `limit` dirty days of one organisation and deletes their marks; a mention changed
 * after this claim marks its day again (the trigger's insert waits for this transaction), so the
 * next refresh sees it. Days another refresher holds are skipped (the job: two refreshers share the
 * work), or with `wait` waited for (a read: once the other commits, its days are gone from the list
 * and its rollups are what this transaction reads next, so a read never sees a figure from before a
 * change just because another read was refreshing it). Days are locked in order, so two waiting
 * readers cannot deadlock.
 */
async function claimDays(trx: Transaction<Database>, orgId: string, limit: number, wait: boolean): Promise<string[]> {
  const lock = wait ? sql`FOR UPDATE` : sql`FOR UPDATE SKIP LOCKED`;
  const rows = await sql<{ day: string }>`
    WITH picked AS (
      SELECT org_id, day FROM rollup_dirty_days WHERE org_id = ${orgId} ORDER BY day LIMIT ${limit} ${lock}
    )
    DELETE FROM rollup_dirty_days r USING picked p WHERE r.org_id = p.org_id AND r.day = p.day
    RETURNING r.day::text AS day`.execute(trx);
  return rows.rows.map((r) => r.day).sort();
}

/** Recomputes the mention and aspect rollups of one organisation's days from the mentions (the days' rows are deleted first). */
async function recomputeDays(trx: Transaction<Database>, orgId: string, timezone: string, days: string[]): Promise<void> {
  const dayList = sql`${days}::date[]`;
  await sql`DELETE FROM mention_rollups WHERE org_id = ${orgId} AND day = ANY(${dayList})`.execute(trx);
  await sql`DELETE FROM mention_aspect_rollups WHERE org_id = ${orgId} AND day = ANY(${dayList})`.execute(trx);
  // Each day is one range of the (org_id, coalesce(published_at, received_at)) index: a nested loop over the days.
  const dayMentions = sql`
    unnest(${dayList}) AS d(day)
    JOIN mentions m ON m.org_id = ${orgId}
      AND coalesce(m.published_at, m.received_at) >= (d.day::timestamp AT TIME ZONE ${timezone})
      AND coalesce(m.published_at, m.received_at) < ((d.day + 1)::timestamp AT TIME ZONE ${timezone})
      AND m.status <> 'dismissed'`;
  await sql`
    INSERT INTO mention_rollups (org_id, day, location_id, department_id, source_id, total, positive, neutral, negative, unanalysed, risky, rating_sum, rating_count)
    SELECT ${orgId}, d.day, m.location_id, m.department_id, m.source_id,
      count(*), count(*) FILTER (WHERE m.sentiment = 'positive'), count(*) FILTER (WHERE m.sentiment = 'neutral'), count(*) FILTER (WHERE ${isComplaint()}),
      count(*) FILTER (WHERE m.analysed_at IS NULL), count(*) FILTER (WHERE cardinality(m.risks) > 0),
      coalesce(sum(m.rating), 0), count(m.rating)
    FROM ${dayMentions}
    GROUP BY d.day, m.location_id, m.department_id, m.source_id`.execute(trx);
  // One count per mention and aspect: its polarity is negative when any span about the aspect is
  // negative, else positive when any is, else neutral (the inbox's aspect filter counts the same mentions).
  // The days' mentions are materialised first: planned together with the set-returning function
  // (estimated at 100 rows a mention), PostgreSQL would scan every mention of the organisation.
  await sql`
    WITH dm AS MATERIALIZED (
      SELECT d.day, m.id, m.location_id, m.department_id, m.source_id, m.analysis->'aspects' AS aspects FROM ${dayMentions}
    )
    INSERT INTO mention_aspect_rollups (org_id, day, location_id, department_id, source_id, aspect, total, positive, neutral, negative)
    SELECT ${orgId}, x.day, x.location_id, x.department_id, x.source_id, x.aspect,
      count(*), count(*) FILTER (WHERE x.polarity = 'positive'), count(*) FILTER (WHERE x.polarity = 'neutral'), count(*) FILTER (WHERE x.polarity = 'negative')
    FROM (
      SELECT dm.day, dm.id, dm.location_id, dm.department_id, dm.source_id, a->>'aspect' AS aspect,
        CASE WHEN bool_or(a->>'polarity' = 'negative') THEN 'negative' WHEN bool_or(a->>'polarity' = 'positive') THEN 'positive' ELSE 'neutral' END AS polarity
      FROM dm
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(dm.aspects) = 'array' THEN dm.aspects ELSE '[]'::jsonb END) AS a
      WHERE a->>'aspect' IS NOT NULL
      GROUP BY dm.day, dm.id, dm.location_id, dm.department_id, dm.source_id, a->>'aspect'
    ) x
    GROUP BY x.day, x.location_id, x.department_id, x.source_id, x.aspect`.execute(trx);
  await refreshCoarse(trx, orgId, days);
  await refreshTermRollups(trx, orgId, days);
}

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** The Monday of a day's ISO week, and the first of its month (YYYY-MM-DD). */
export const weekStart = (day: string) => shift(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * Sums the weeks and months holding the days into the coarse tables from the daily rows just
 * written. Two refreshers whose days share a week or month take turns on it (a transaction
 * advisory lock per organisation, grain and start), so the later one reads the other's days and
 * nothing is counted twice.
 */
async function refreshCoarse(trx: Transaction<Database>, orgId: string, days: string[]): Promise<void> {
  const units = [...new Set(days.map((d) => `week ${weekStart(d)}`)), ...new Set(days.map((d) => `month ${monthStart(d)}`))].sort();
  for (const unit of units) await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`rollups:${orgId}:${unit}`}, 0))`.execute(trx);
  for (const grain of ['week', 'month'] as const) {
    const starts = units.filter((u) => u.startsWith(grain)).map((u) => u.slice(grain.length + 1));
    const startList = sql`${starts}::date[]`;
    const end = grain === 'week' ? sql`s.start + 7` : sql`(s.start + interval '1 month')::date`;
    await sql`DELETE FROM mention_rollups_coarse WHERE org_id = ${orgId} AND grain = ${grain} AND day = ANY(${startList})`.execute(trx);
    await sql`DELETE FROM mention_aspect_rollups_coarse WHERE org_id = ${orgId} AND grain = ${grain} AND day = ANY(${startList})`.execute(trx);
    await sql`
      INSERT INTO mention_rollups_coarse (org_id, grain, day, location_id, department_id, source_id, total, positive, neutral, negative, unanalysed, risky, rating_sum, rating_count)
      SELECT ${orgId}, ${grain}, s.start, r.location_id, r.department_id, r.source_id, sum(r.total), sum(r.positive), sum(r.neutral), sum(r.negative), sum(r.unanalysed), sum(r.risky), sum(r.rating_sum), sum(r.rating_count)
      FROM unnest(${startList}) AS s(start) JOIN mention_rollups r ON r.org_id = ${orgId} AND r.day >= s.start AND r.day < ${end}
      GROUP BY s.start, r.location_id, r.department_id, r.source_id`.execute(trx);
    await sql`
      INSERT INTO mention_aspect_rollups_coarse (org_id, grain, day, location_id, department_id, source_id, aspect, total, positive, neutral, negative)
      SELECT ${orgId}, ${grain}, s.start, r.location_id, r.department_id, r.source_id, r.aspect, sum(r.total), sum(r.positive), sum(r.neutral), sum(r.negative)
      FROM unnest(${startList}) AS s(start) JOIN mention_aspect_rollups r ON r.org_id = ${orgId} AND r.day >= s.start AND r.day < ${end}
      GROUP BY s.start, r.location_id, r.department_id, r.source_id, r.aspect`.execute(trx);
  }
}

/**
 * Recomputes the rollups of the days the mentions triggers marked dirty, for one organisation or
 * all, a month of days per transaction (claim, delete, recompute and the term rollups together, so
 * a reader sees a day either before or after, never half). Two refreshers at once share the work
 * and never count a day twice. Stops after `maxDays` days (default: all). Returns the days refreshed.
 */
export async function refreshRollups(db: Db, orgId?: string, options: { maxDays?: number; wait?: boolean } = {}): Promise<number> {
  const maxDays = options.maxDays ?? Number.POSITIVE_INFINITY;
  const orgs = orgId
    ? await db.selectFrom('organisations').select(['id', 'timezone']).where('id', '=', orgId).execute()
    : await db
        .selectFrom('organisations')
        .select(['id', 'timezone'])
        .where((eb) => eb.exists(eb.selectFrom('rollup_dirty_days as r').select('r.day').whereRef('r.org_id', '=', 'organisations.id')))
        .execute();
  let refreshed = 0;
  for (const org of orgs) {
    while (refreshed < maxDays) {
      const claimed = await withoutJit(db, async (trx) => {
        const days = await claimDays(trx, org.id, Math.min(BATCH_DAYS, maxDays - refreshed), options.wait ?? false);
        if (days.length) await recomputeDays(trx, org.id, org.timezone, days);
        return days.length;
      });
      refreshed += claimed;
      if (claimed === 0) break;
    }
  }
  return refreshed;
}

/**
 * Makes a dashboard read current: refreshes the organisation's dirty days first when there are few
 * (READ_REFRESH_MAX_DAYS), so nobody sees a figure from before their own change; a larger backlog
 * (an import of years, a time-zone change) is the job's, and the figures catch up as it works.
 */
export async function refreshBeforeRead(db: Db, orgId: string): Promise<void> {
  const dirty = await db
    .selectFrom('rollup_dirty_days')
    .select('day')
    .where('org_id', '=', orgId)
    .limit(READ_REFRESH_MAX_DAYS + 1)
    .execute();
  if (dirty.length > 0 && dirty.length <= READ_REFRESH_MAX_DAYS) await refreshRollups(db, orgId, { maxDays: READ_REFRESH_MAX_DAYS, wait: true });
}

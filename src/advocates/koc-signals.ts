import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.ts';

/*
 * The signals a KOC score is made of, one grouped query each, all within one organisation and a
 * period of days (UTC). Counts only: the evidence items are in koc-evidence.ts.
 *
 * - referrals converted: referrals a patient made whose new patient visited (or booked, when the
 *   programme rewards booking); cancelled ones, self-referrals and ones held for review and not
 *   approved do not count.
 * - shares: links the patient owns (any target: a referral, a story, an article).
 * - reach: unique human visitors of the subtree of each such link (the link and every link shared
 *   on from it): clicks not flagged as bots, one per visitor and day.
 * - positive public mentions and their engagement: per author handle and platform, from the
 *   organisation's own sources only (never a competitor's, never survey answers), not dismissed.
 * - promoter: the patient's latest submitted NPS answer up to the period's end is 9 or 10.
 */

export interface Period {
  /** First day, inclusive ('YYYY-MM-DD'). */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** The SQL condition "a referral is converted" on alias r with its programme p. */
export const CONVERTED = sql`(r.status = 'visited' OR (r.status = 'booked' AND p.trigger = 'booked'))
  AND r.referrer_patient_id IS DISTINCT FROM r.referee_patient_id
  AND (cardinality(r.hold_reasons) = 0 OR EXISTS (SELECT 1 FROM rewards w WHERE w.referral_id = r.id AND w.status IN ('earned','issued','redeemed','expired')))`;

/** The SQL condition "a mention counts for its author" on alias m with its source s. */
export const PUBLIC_POSITIVE = sql`s.competitor IS NULL AND s.kind <> 'survey' AND m.sentiment = 'positive' AND m.status <> 'dismissed'
  AND m.author_handle IS NOT NULL AND btrim(m.author_handle) <> ''`;

/** The platform an author is known on: the source's platform, else its name. */
export const AUTHOR_PLATFORM = sql<string>`coalesce(nullif(s.platform, ''), s.name)`;

const inPeriod = (column: RawBuilder<unknown>, period: Period) => sql`${column} >= ${period.from}::date AND ${column} < (${period.to}::date + 1)`;

type CountRow = { pid: string; n: number };

/** Converted referrals per referrer. */
export async function referralCounts(db: Db, orgId: string, period: Period, patientId?: string): Promise<CountRow[]> {
  const r = await sql<CountRow>`
    SELECT r.referrer_patient_id AS pid, count(*)::int AS n
    FROM referrals r JOIN referral_programmes p ON p.id = r.programme_id AND p.org_id = r.org_id
    WHERE r.org_id = ${orgId} AND r.referrer_patient_id IS NOT NULL AND ${CONVERTED}
      AND ${inPeriod(sql`r.created_at`, period)}
      ${patientId ? sql`AND r.referrer_patient_id = ${patientId}` : sql``}
    GROUP BY 1`.execute(db);
  return r.rows;
}

/** Links owned per patient, made in the period. */
export async function shareCounts(db: Db, orgId: string, period: Period, patientId?: string): Promise<CountRow[]> {
  const r = await sql<CountRow>`
    SELECT owner_patient_id AS pid, count(*)::int AS n FROM share_links
    WHERE org_id = ${orgId} AND owner_patient_id IS NOT NULL AND ${inPeriod(sql`created_at`, period)}
      ${patientId ? sql`AND owner_patient_id = ${patientId}` : sql``}
    GROUP BY 1`.execute(db);
  return r.rows;
}

/**
 * Unique human visitors (one per visitor and day) of the subtrees of the links each patient owns,
 * clicked in the period; with `byLink`, per root link of the patient instead.
 */
export async function reachCounts(db: Db, orgId: string, period: Period, options: { patientId?: string; byLink?: boolean } = {}): Promise<CountRow[]> {
  const key = options.byLink ? sql.ref('sub.root') : sql.ref('sub.owner');
  const r = await sql<CountRow>`
    WITH RECURSIVE sub(owner, root, id) AS (
      SELECT owner_patient_id, id, id FROM share_links
      WHERE org_id = ${orgId} AND owner_patient_id IS NOT NULL ${options.patientId ? sql`AND owner_patient_id = ${options.patientId}` : sql``}
      UNION
      SELECT sub.owner, sub.root, l.id FROM share_links l JOIN sub ON l.parent_id = sub.id WHERE l.org_id = ${orgId}
    )
    SELECT ${key} AS pid, count(DISTINCT c.day::text || ':' || c.visitor_hash)::int AS n
    FROM sub JOIN share_clicks c ON c.link_id = sub.id AND c.org_id = ${orgId}
    WHERE NOT c.bot AND c.day >= ${period.from}::date AND c.day <= ${period.to}::date
    GROUP BY 1`.execute(db);
  return r.rows;
}

export interface PromoterRow {
  pid: string;
  nps: number;
  responseId: string;
  submittedAt: Date;
}

/** Each patient's latest submitted NPS answer up to the period's end. */
export async function latestNps(db: Db, orgId: string, period: Period, patientId?: string): Promise<PromoterRow[]> {
  const r = await sql<PromoterRow>`
    SELECT DISTINCT ON (patient_id) patient_id AS pid, nps, id AS "responseId", submitted_at AS "submittedAt"
    FROM survey_responses
    WHERE org_id = ${orgId} AND patient_id IS NOT NULL AND status = 'submitted' AND nps IS NOT NULL
      AND submitted_at < (${period.to}::date + 1) ${patientId ? sql`AND patient_id = ${patientId}` : sql``}
    ORDER BY patient_id, submitted_at DESC, id`.execute(db);
  return r.rows;
}

export interface AuthorRow {
  platform: string;
  handle: string;
  n: number;
  engagement: number;
}

/** Positive public mentions and their summed engagement per author handle and platform. */
export async function authorCounts(db: Db, orgId: string, period: Period, author?: { platform: string; handle: string }): Promise<AuthorRow[]> {
  const r = await sql<AuthorRow>`
    SELECT ${AUTHOR_PLATFORM} AS platform, btrim(m.author_handle) AS handle, count(*)::int AS n, coalesce(sum(m.engagement), 0)::int AS engagement
    FROM mentions m JOIN sources s ON s.id = m.source_id AND s.org_id = m.org_id
    WHERE m.org_id = ${orgId} AND ${PUBLIC_POSITIVE} AND ${inPeriod(sql`coalesce(m.published_at, m.received_at)`, period)}
      ${author ? sql`AND ${AUTHOR_PLATFORM} = ${author.platform} AND btrim(m.author_handle) = ${author.handle}` : sql``}
    GROUP BY 1, 2`.execute(db);
  return r.rows;
}

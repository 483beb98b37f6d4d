import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export interface SharingOverview {
  /** Links made in the period. */
  shared: number;
  /** Unique human visitors in the period (day-salted hashes; bots left out). */
  clicked: number;
  /** Patients who came (booked or visited) by a link in the period. */
  came: number;
  /** Of those, the patients who made their own link from the one they came by. */
  referredNext: number;
}

/**
 * The dashboards overview's word-of-mouth tile for a period of organisation-local days; null while
 * the organisation has made no share link at all ("no data yet", not zeros).
 */
export async function sharingOverview(db: Db, orgId: string, period: { from: string; to: string; timezone: string }): Promise<SharingOverview | null> {
  const any = await db.selectFrom('share_links').select('id').where('org_id', '=', orgId).limit(1).executeTakeFirst();
  if (!any) return null;
  const inPeriod = (column: string) => sql`(${sql.ref(column)} AT TIME ZONE ${period.timezone})::date BETWEEN ${period.from}::date AND ${period.to}::date`;
  const row = await sql<SharingOverview>`
    SELECT
      (SELECT count(*)::int FROM share_links l WHERE l.org_id = ${orgId} AND ${inPeriod('l.created_at')}) AS shared,
      (SELECT count(DISTINCT c.day::text || c.visitor_hash)::int FROM share_clicks c WHERE c.org_id = ${orgId} AND NOT c.bot AND ${inPeriod('c.at')}) AS clicked,
      (SELECT count(DISTINCT v.patient_id)::int FROM share_conversions v
        WHERE v.org_id = ${orgId} AND v.kind IN ('booked', 'visited') AND v.patient_id IS NOT NULL AND ${inPeriod('v.at')}) AS came,
      (SELECT count(DISTINCT v.patient_id)::int FROM share_conversions v
        WHERE v.org_id = ${orgId} AND v.kind IN ('booked', 'visited') AND v.patient_id IS NOT NULL AND ${inPeriod('v.at')}
          AND EXISTS (SELECT 1 FROM share_links k WHERE k.org_id = ${orgId} AND k.parent_id = v.link_id AND k.owner_patient_id = v.patient_id)) AS "referredNext"`.execute(db);
  return row.rows[0]!;
}

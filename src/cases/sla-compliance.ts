import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { scopeToViewer, type Viewer } from '../core/viewer.ts';

/**
 * SLA compliance per team over the cases opened in the last `days` days: how many met their
 * first-response (or, for major cases, plan) due time, the share among the cases whose first
 * response is decided (answered, or past due; null when none is), and how many breached any
 * due time.
 */
export async function slaCompliance(db: Db, viewer: Viewer, days: number, now = new Date()) {
  const rows = await db
    .selectFrom('cases as c')
    .select([
      'c.team',
      sql<number>`count(*)::int`.as('cases'),
      sql<number>`count(*) FILTER (WHERE c.responded_at IS NOT NULL AND c.responded_at <= c.first_response_due_at)::int`.as('firstResponseMet'),
      sql<number>`count(*) FILTER (WHERE c.responded_at IS NOT NULL OR c.first_response_due_at < ${now})::int`.as('decided'),
      sql<number>`count(*) FILTER (WHERE coalesce(c.responded_at, ${now}) > c.first_response_due_at OR coalesce(c.closed_at, ${now}) > c.resolution_due_at)::int`.as('breached'),
    ])
    .where('c.org_id', '=', viewer.orgId)
    .where('c.opened_at', '>=', new Date(now.getTime() - days * 86_400_000))
    .where(scopeToViewer('c.department_id', viewer))
    .groupBy('c.team')
    .orderBy('c.team')
    .execute();
  return rows.map((r) => ({
    team: r.team,
    cases: Number(r.cases),
    firstResponseMet: Number(r.firstResponseMet),
    firstResponseRate: Number(r.decided) ? Number(r.firstResponseMet) / Number(r.decided) : null,
    breached: Number(r.breached),
  }));
}

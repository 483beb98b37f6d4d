import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { DEFAULT_LOCALE, type Locale } from '../core/i18n.ts';
import { scopeToViewer, type Viewer } from '../core/viewer.ts';
import { teamName } from './cases.messages.ts';

/**
 * SLA compliance per team (named in `locale`) over the cases opened in the last `days` days: how many met their
 * first-response (or, for major cases, plan) due time, the share among the cases whose first
 * response is decided (answered, or past due; null when none is), and how many breached any
 * due time.
 */
export async function slaCompliance(db: Db, viewer: Viewer, days: number, now = new Date(), locale: Locale = DEFAULT_LOCALE) {
  const rows = await db
    .selectFrom('cases as c')
    .leftJoin('teams as t', 't.id', 'c.team_id')
    .select([
      sql<string>`min(c.team)`.as('team'),
      't.name as teamOwnName',
      't.default_key as teamDefault',
      sql<number>`count(*)::int`.as('cases'),
      sql<number>`count(*) FILTER (WHERE c.responded_at IS NOT NULL AND c.responded_at <= c.first_response_due_at)::int`.as('firstResponseMet'),
      sql<number>`count(*) FILTER (WHERE c.responded_at IS NOT NULL OR c.first_response_due_at < ${now})::int`.as('decided'),
      sql<number>`count(*) FILTER (WHERE coalesce(c.responded_at, ${now}) > c.first_response_due_at OR coalesce(c.closed_at, ${now}) > c.resolution_due_at)::int`.as('breached'),
    ])
    .where('c.org_id', '=', viewer.orgId)
    .where('c.opened_at', '>=', new Date(now.getTime() - days * 86_400_000))
    .where(scopeToViewer('c.department_id', viewer))
    // Cases of one team count together whatever it was called when they opened; cases from before teams by their name.
    .groupBy(['c.team_id', 't.name', 't.default_key', sql`CASE WHEN c.team_id IS NULL THEN c.team END`])
    .execute();
  const named = rows.map((r) => ({ ...r, team: r.teamDefault || r.teamOwnName ? teamName(locale, { name: r.teamOwnName, default_key: r.teamDefault }) : r.team }));
  return named
    .sort((a, b) => a.team.localeCompare(b.team))
    .map((r) => ({
      team: r.team,
      cases: Number(r.cases),
      firstResponseMet: Number(r.firstResponseMet),
      firstResponseRate: Number(r.decided) ? Number(r.firstResponseMet) / Number(r.decided) : null,
      breached: Number(r.breached),
    }));
}

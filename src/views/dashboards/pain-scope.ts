import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { scopeToViewer } from '../../core/viewer.ts';
import type { DashboardScope } from './dashboard-scope.ts';

/** The mention's time as the (org_id, coalesce(published_at, received_at)) index has it. */
export const mentionTime = sql`coalesce(m.published_at, m.received_at)`;

/**
 * Mentions `m` (joined to their source `s`) in a dashboard's scope over the org-local days
 * [from, to]: the organisation, the filters, the viewer's departments, our own sources only (a
 * competitor's mentions are the benchmark's), not dismissed. The time range is one range of the
 * (org_id, time) index.
 */
export function mentionsInScope(scope: DashboardScope, days: { from: string; to: string }): RawBuilder<SqlBool> {
  const { viewer, period, filters } = scope;
  const tz = period.timezone;
  const parts: RawBuilder<SqlBool>[] = [
    sql<SqlBool>`m.org_id = ${viewer.orgId}`,
    sql<SqlBool>`${mentionTime} >= (${days.from}::date::timestamp AT TIME ZONE ${tz})`,
    sql<SqlBool>`${mentionTime} < ((${days.to}::date + 1)::timestamp AT TIME ZONE ${tz})`,
    sql<SqlBool>`m.status <> 'dismissed'`,
    sql<SqlBool>`s.competitor IS NULL`,
    scopeToViewer('m.department_id', viewer),
  ];
  if (filters.location) parts.push(sql<SqlBool>`m.location_id = ${filters.location}`);
  if (filters.department) parts.push(sql<SqlBool>`m.department_id = ${filters.department}`);
  if (filters.source) parts.push(sql<SqlBool>`m.source_id = ${filters.source}`);
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { scopeToViewer, type Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { resolvePeriod, wilson, type Period } from '../survey-reports/index.ts';
import type { DashboardFilters } from './dashboards.schemas.ts';
import { refreshBeforeRead } from './rollups.ts';

export type Bucket = 'day' | 'week' | 'month';

/** What one dashboard read is about: who asks, the period in the organisation's days, its chart bucket, and the filters. */
export interface DashboardScope {
  viewer: Viewer;
  period: Period;
  bucket: Bucket;
  filters: Pick<DashboardFilters, 'location' | 'department' | 'source'>;
}

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The period's length in days, both ends included. */
export const periodDays = (p: { from: string; to: string }) => Math.round((Date.parse(p.to) - Date.parse(p.from)) / DAY_MS) + 1;

/** The default chart bucket of a period: days up to a month, weeks up to half a year, months beyond. */
export function defaultBucket(days: number): Bucket {
  return days <= 31 ? 'day' : days <= 184 ? 'week' : 'month';
}

/**
 * Resolves a dashboard query (the period in the organisation's time zone, bucket, filters) and
 * makes the rollups current first when only a few days are dirty, so a read after a change shows it.
 */
export async function resolveScope(db: Db, viewer: Viewer, query: DashboardFilters): Promise<DashboardScope> {
  const period = await resolvePeriod(db, viewer.orgId, query);
  await refreshBeforeRead(db, viewer.orgId);
  return { viewer, period, bucket: query.bucket ?? defaultBucket(periodDays(period)), filters: { location: query.location, department: query.department, source: query.source } };
}

/** The first day of the bucket holding a date (ISO weeks start on Monday), as YYYY-MM-DD text. */
export function bucketStart(day: RawBuilder<unknown>, bucket: Bucket): RawBuilder<string> {
  if (bucket === 'day') return sql<string>`(${day})::date::text`;
  return sql<string>`date_trunc(${bucket}, (${day})::date)::date::text`;
}

/** Every bucket start of the period in order, so a trend has a point for an empty bucket too. */
export function bucketStarts(period: { from: string; to: string }, bucket: Bucket): string[] {
  const first = (day: string) => {
    if (bucket === 'day') return day;
    if (bucket === 'month') return `${day.slice(0, 7)}-01`;
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    return addDays(day, -weekday);
  };
  const starts: string[] = [];
  for (let start = first(period.from); start <= period.to;) {
    starts.push(start);
    start = bucket === 'day' ? addDays(start, 1) : bucket === 'week' ? addDays(start, 7) : first(addDays(`${start.slice(0, 7)}-28`, 7));
  }
  return starts;
}

/**
 * The rows of a rollup table (`alias`) in scope: the organisation, the period's days, the
 * filters, the viewer's departments, and our own sources only (competitors are the benchmark's).
 */
export function rollupInScope(alias: string, scope: DashboardScope, options: { competitors?: boolean } = {}): RawBuilder<SqlBool> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const { viewer, period, filters } = scope;
  const parts: RawBuilder<SqlBool>[] = [
    sql<SqlBool>`${col('org_id')} = ${viewer.orgId}`,
    sql<SqlBool>`${col('day')} BETWEEN ${period.from}::date AND ${period.to}::date`,
    scopeToViewer(`${alias}.department_id`, viewer),
  ];
  if (filters.location) parts.push(sql<SqlBool>`${col('location_id')} = ${filters.location}`);
  if (filters.department) parts.push(sql<SqlBool>`${col('department_id')} = ${filters.department}`);
  if (filters.source) parts.push(sql<SqlBool>`${col('source_id')} = ${filters.source}`);
  if (!options.competitors) parts.push(sql<SqlBool>`${col('source_id')} NOT IN (SELECT s.id FROM sources s WHERE s.org_id = ${viewer.orgId} AND s.competitor IS NOT NULL)`);
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

/** Rows of a table with department and location columns in the viewer's scope and the filters' location and department. */
export function unitsInScope(scope: DashboardScope, columns: { department: string; location?: string }): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [scopeToViewer(columns.department, scope.viewer)];
  const { location, department } = scope.filters;
  if (department) parts.push(sql<SqlBool>`${sql.ref(columns.department)} = ${department}`);
  if (location) {
    parts.push(
      columns.location
        ? sql<SqlBool>`${sql.ref(columns.location)} = ${location}`
        : sql<SqlBool>`${sql.ref(columns.department)} IN (SELECT dl.id FROM departments dl WHERE dl.org_id = ${scope.viewer.orgId} AND dl.location_id = ${location})`,
    );
  }
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

/** A share k/n in [0, 1] rounded to four places; 0 when n is 0. */
export const share = (k: number, n: number) => (n ? Math.round((k / n) * 10_000) / 10_000 : 0);

/** The Wilson 95 % interval of k/n as fractions in [0, 1], like the shares beside it. */
export function shareInterval(k: number, n: number): { low: number; high: number } {
  const i = wilson(k, n);
  return { low: Math.round(i.low * 10) / 1000, high: Math.round(i.high * 10) / 1000 };
}

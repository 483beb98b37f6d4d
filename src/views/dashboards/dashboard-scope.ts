import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { scopeToViewer, type Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { resolvePeriod, wilson, type Period } from '../survey-reports/index.ts';
import type { DashboardFilters } from './dashboards.schemas.ts';
import { monthStart, refreshBeforeRead, weekStart } from './rollups.ts';

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

type Segment = { grain: 'day' | 'week' | 'month'; from: string; to: string };

/**
 * The period cut into the coarsest rollup units that fit: whole months (when the chart's bucket is
 * a month, or there is no chart), whole weeks at the edges (or throughout, for weekly charts), days
 * for the rest. A unit never straddles a bucket, so the sums per bucket are exact. `from`/`to` of a
 * week or month segment are the first and last unit starts.
 */
export function periodSegments(period: { from: string; to: string }, bucket: Bucket | 'none'): Segment[] {
  const out: Segment[] = [];
  const days = (a: string, b: string) => {
    if (a <= b) out.push({ grain: 'day', from: a, to: b });
  };
  const weeks = (a: string, b: string) => {
    if (a > b) return;
    const first = weekStart(a) === a ? a : addDays(weekStart(a), 7);
    const last = addDays(weekStart(addDays(b, 1)), -7);
    if (bucket === 'day' || first > last) return days(a, b);
    days(a, addDays(first, -1));
    out.push({ grain: 'week', from: first, to: last });
    days(addDays(last, 7), b);
  };
  if (bucket === 'month' || bucket === 'none') {
    const first = monthStart(period.from) === period.from ? period.from : nextMonth(period.from);
    const last = monthStart(addDays(period.to, 1)) === addDays(period.to, 1) ? monthStart(period.to) : addDays(monthStart(period.to), -1) >= first ? previousMonth(monthStart(period.to)) : '';
    if (last && first <= last) {
      weeks(period.from, addDays(first, -1));
      out.push({ grain: 'month', from: first, to: last });
      weeks(nextMonth(last), period.to);
      return out;
    }
  }
  weeks(period.from, period.to);
  return out;
}

const nextMonth = (day: string) => monthStart(addDays(`${day.slice(0, 7)}-28`, 7));
const previousMonth = (first: string) => monthStart(addDays(first, -1));

const ROLLUP_COLUMNS = {
  mention_rollups: 'org_id, day, location_id, department_id, source_id, total, positive, neutral, negative, unanalysed, risky, rating_sum, rating_count',
  mention_aspect_rollups: 'org_id, day, location_id, department_id, source_id, aspect, total, positive, neutral, negative',
} as const;

/**
 * A rollup table of the scope's organisation and period, read from the coarsest units that fit
 * (periodSegments): use as `FROM ${rollupTable('mention_rollups', scope, scope.bucket)} r` with
 * `rollupInScope('r', scope)`. `bucket` 'none' where the rows are not grouped by a chart bucket.
 */
export function rollupTable(table: keyof typeof ROLLUP_COLUMNS, scope: DashboardScope, bucket: Bucket | 'none'): RawBuilder<unknown> {
  const cols = sql.raw(ROLLUP_COLUMNS[table]);
  const parts = periodSegments(scope.period, bucket).map((seg) =>
    seg.grain === 'day'
      ? sql`SELECT ${cols} FROM ${sql.table(table)} WHERE org_id = ${scope.viewer.orgId} AND day BETWEEN ${seg.from}::date AND ${seg.to}::date`
      : sql`SELECT ${cols} FROM ${sql.table(`${table}_coarse`)} WHERE org_id = ${scope.viewer.orgId} AND grain = ${seg.grain} AND day BETWEEN ${seg.from}::date AND ${seg.to}::date`,
  );
  return sql`(${sql.join(parts, sql` UNION ALL `)})`;
}

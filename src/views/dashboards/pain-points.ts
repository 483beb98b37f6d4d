import { sql } from 'kysely';
import type { Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { bucketStart, bucketStarts, periodDays, resolveScope, rollupInScope, share, shareInterval, unitsInScope, type DashboardScope } from './dashboard-scope.ts';
import type { DashboardFilters, PainPoints } from './dashboards.schemas.ts';
import { loadEmerging } from './emerging.ts';
import { addDays } from './pain-terms.ts';
import { loadQuotes } from './quotes.ts';

/** The top negative aspects shown, the top aspects per department, and the actions per aspect. */
const TOP_ASPECTS = 8;
const DEPARTMENT_ASPECTS = 3;
const ACTIONS = 20;

type AspectView = PainPoints['aspects'][number];

/** The same number of days just before the period. */
export function previousPeriod(period: { from: string; to: string }): { from: string; to: string } {
  const days = periodDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

/**
 * Aspect counts of the period and the previous one with the negative trend per bucket over both,
 * and each department's negative aspects in the period, from one scan of the aspect rollups
 * (grouping sets: by aspect and bucket, and by department and aspect).
 */
async function aspectFigures(db: Db, scope: DashboardScope, previous: { from: string; to: string }) {
  const both = { ...scope, period: { ...scope.period, from: previous.from } };
  const rows = await sql<{ aspect: string; start: string | null; current: boolean; department_id: string | null; by_department: number; total: number; negative: number }>`
    SELECT r.aspect, ${bucketStart(sql`r.day`, scope.bucket)} AS start, r.day >= ${scope.period.from}::date AS current, r.department_id, GROUPING(r.department_id) AS by_department,
      sum(r.total)::int AS total, sum(r.negative)::int AS negative
    FROM mention_aspect_rollups r
    WHERE ${rollupInScope('r', both)}
    GROUP BY GROUPING SETS ((1, 2, 3), (1, 3, 4))`.execute(db);
  const starts = bucketStarts({ from: previous.from, to: scope.period.to }, scope.bucket);
  const figures = new Map<string, { total: number; negative: number; previousTotal: number; previousNegative: number; trend: Map<string, { total: number; negative: number }> }>();
  const departmentAspects = new Map<string | null, { aspect: string; negative: number }[]>();
  for (const row of rows.rows) {
    if (Number(row.by_department) === 0) {
      // The department grouping: the period's negative aspects of each department.
      if (row.current && row.negative > 0) departmentAspects.set(row.department_id, [...(departmentAspects.get(row.department_id) ?? []), { aspect: row.aspect, negative: row.negative }]);
      continue;
    }
    let f = figures.get(row.aspect);
    if (!f) figures.set(row.aspect, (f = { total: 0, negative: 0, previousTotal: 0, previousNegative: 0, trend: new Map(starts.map((s) => [s, { total: 0, negative: 0 }])) }));
    if (row.current) {
      f.total += row.total;
      f.negative += row.negative;
    } else {
      f.previousTotal += row.total;
      f.previousNegative += row.negative;
    }
    const point = f.trend.get(row.start!) ?? { total: 0, negative: 0 };
    point.total += row.total;
    point.negative += row.negative;
    f.trend.set(row.start!, point);
  }
  for (const list of departmentAspects.values()) list.sort((a, b) => b.negative - a.negative || a.aspect.localeCompare(b.aspect)).splice(DEPARTMENT_ASPECTS);
  return { figures, departmentAspects };
}

/** Corrective actions of cases in scope on these aspects, due or done within the previous period and this one. */
async function loadActions(db: Db, scope: DashboardScope, aspects: string[], previous: { from: string; to: string }): Promise<Map<string, AspectView['actions']>> {
  const out = new Map<string, AspectView['actions']>(aspects.map((a) => [a, []]));
  if (aspects.length === 0) return out;
  const tz = scope.period.timezone;
  const from = sql`(${previous.from}::date::timestamp AT TIME ZONE ${tz})`;
  const to = sql`((${scope.period.to}::date + 1)::timestamp AT TIME ZONE ${tz})`;
  const rows = await sql<{ aspect: string; case_id: string; number: number; description: string; status: string; due_at: Date; done_at: Date | null }>`
    SELECT a.aspect, a.case_id, c.number, a.description, a.status, a.due_at, a.done_at
    FROM case_actions a JOIN cases c ON c.id = a.case_id
    WHERE c.org_id = ${scope.viewer.orgId} AND a.aspect = ANY(${aspects}::text[]) AND ${unitsInScope(scope, { department: 'c.department_id', location: 'c.location_id' })}
      AND ((a.due_at >= ${from} AND a.due_at < ${to}) OR (a.done_at >= ${from} AND a.done_at < ${to}))
    ORDER BY coalesce(a.done_at, a.due_at), a.id`.execute(db);
  for (const row of rows.rows) {
    const list = out.get(row.aspect)!;
    if (list.length < ACTIONS)
      list.push({ caseId: row.case_id, caseNumber: row.number, description: row.description, status: row.status, dueAt: new Date(row.due_at), doneAt: row.done_at ? new Date(row.done_at) : null });
  }
  return out;
}

/** Negatives and totals per department in scope (id null: mentions with no department), with their top negative aspects. */
async function loadDepartments(db: Db, scope: DashboardScope, topAspects: Map<string | null, { aspect: string; negative: number }[]>): Promise<PainPoints['departments']> {
  const totals = await sql<{ id: string | null; name: string | null; total: number; negative: number }>`
    SELECT r.department_id AS id, d.name, sum(r.total)::int AS total, sum(r.negative)::int AS negative
    FROM mention_rollups r LEFT JOIN departments d ON d.id = r.department_id AND d.org_id = r.org_id
    WHERE ${rollupInScope('r', scope)}
    GROUP BY r.department_id, d.name
    ORDER BY 4 DESC, 3 DESC, d.name`.execute(db);
  return totals.rows.map((d) => ({ id: d.id, name: d.name, negative: d.negative, total: d.total, topAspects: topAspects.get(d.id) ?? [] }));
}

/**
 * The pain points of a period (GET /api/dashboards/pain-points): the top negative aspects with
 * their interval, the previous period's counts, the trend over both periods, representative
 * quotes and the corrective actions of cases on them; the terms that rose in negative mentions;
 * and the departments with their top negative aspects. Our own sources only, dismissed mentions
 * left out, the viewer's departments only.
 */
export async function loadPainPoints(db: Db, viewer: Viewer, query: DashboardFilters): Promise<PainPoints> {
  const scope = await resolveScope(db, viewer, query);
  const previous = previousPeriod(scope.period);
  const { figures, departmentAspects } = await aspectFigures(db, scope, previous);
  const top = [...figures]
    .filter(([, f]) => f.negative > 0)
    .sort((a, b) => b[1].negative - a[1].negative || b[1].total - a[1].total || a[0].localeCompare(b[0]))
    .slice(0, TOP_ASPECTS);
  const aspects = top.map(([aspect]) => aspect);
  const roster = await db.selectFrom('staff').select(['name', 'aliases']).where('org_id', '=', viewer.orgId).execute();
  const rosterNames = roster.flatMap((s) => [s.name, ...s.aliases]);
  // Independent reads: in parallel on a PostgreSQL pool (PGlite runs them one after another).
  const [quotes, actions, emerging, departments] = await Promise.all([
    loadQuotes(db, scope, aspects, rosterNames),
    loadActions(db, scope, aspects, previous),
    loadEmerging(db, scope),
    loadDepartments(db, scope, departmentAspects),
  ]);
  return {
    period: { from: scope.period.from, to: scope.period.to, timezone: scope.period.timezone, bucket: scope.bucket },
    previous,
    aspects: top.map(([aspect, f]) => ({
      aspect,
      negative: f.negative,
      total: f.total,
      negativeShare: share(f.negative, f.total),
      interval: shareInterval(f.negative, f.total),
      previousNegative: f.previousNegative,
      previousTotal: f.previousTotal,
      quotes: quotes.get(aspect) ?? [],
      trend: [...f.trend].sort((a, b) => a[0].localeCompare(b[0])).map(([start, p]) => ({ start, total: p.total, negative: p.negative })),
      actions: actions.get(aspect) ?? [],
    })),
    emerging,
    departments,
  };
}

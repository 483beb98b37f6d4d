import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { bucketStart, bucketStarts, resolveScope, rollupInScope, rollupTable, share, shareInterval, type DashboardScope } from './dashboard-scope.ts';
import type { Benchmark, DashboardFilters } from './dashboards.schemas.ts';
import { withoutJit } from './rollups.ts';

/** Aspects listed per entity: the most talked-about. */
const MAX_ASPECTS = 12;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Rollup rows of the benchmark: ours in the viewer's full scope (location, department, their
 * departments), and every competitor's source in the period (a competitor has no departments of
 * ours; the source filter narrows both).
 */
function benchmarkRows(scope: DashboardScope): RawBuilder<SqlBool> {
  const { viewer, period, filters } = scope;
  const source = filters.source ? sql`AND r.source_id = ${filters.source}` : sql``;
  return sql<SqlBool>`(${rollupInScope('r', scope)} OR (r.org_id = ${viewer.orgId} AND r.day BETWEEN ${period.from}::date AND ${period.to}::date AND s.competitor IS NOT NULL ${source}))`;
}

/**
 * The competitor benchmark: our own mentions first, then each named competitor (sources with
 * `competitor` set, in name order, also those without mentions in the period): volume, average
 * rating, positive and negative shares (with the negative share's interval), aspects and trend.
 */
export async function loadBenchmark(db: Db, viewer: Viewer, query: DashboardFilters): Promise<Benchmark> {
  return withoutJit(db, (trx) => benchmarkOf(trx, viewer, query));
}

async function benchmarkOf(db: Db, viewer: Viewer, query: DashboardFilters): Promise<Benchmark> {
  const scope = await resolveScope(db, viewer, query);
  const rows = benchmarkRows(scope);
  const [competitors, trend, aspects] = await Promise.all([
    db.selectFrom('sources').select('competitor').distinct().where('org_id', '=', viewer.orgId).where('competitor', 'is not', null).orderBy('competitor').execute(),
    sql<{ competitor: string | null; start: string; total: number; positive: number; negative: number; ratingSum: number; ratingCount: number }>`
      SELECT s.competitor, ${bucketStart(sql`r.day`, scope.bucket)} AS start, sum(r.total)::int AS total, sum(r.positive)::int AS positive, sum(r.negative)::int AS negative,
        sum(r.rating_sum)::float8 AS "ratingSum", sum(r.rating_count)::int AS "ratingCount"
      FROM ${rollupTable('mention_rollups', scope, scope.bucket)} r JOIN sources s ON s.id = r.source_id AND s.org_id = r.org_id
      WHERE ${rows} GROUP BY 1, 2`.execute(db),
    sql<{ competitor: string | null; aspect: string; total: number; negative: number }>`
      SELECT s.competitor, r.aspect, sum(r.total)::int AS total, sum(r.negative)::int AS negative
      FROM ${rollupTable('mention_aspect_rollups', scope, 'none')} r JOIN sources s ON s.id = r.source_id AND s.org_id = r.org_id
      WHERE ${rows} GROUP BY 1, 2`.execute(db),
  ]);
  const starts = bucketStarts(scope.period, scope.bucket);
  const names: (string | null)[] = [null, ...competitors.map((c) => c.competitor)];
  return {
    period: { ...scope.period, bucket: scope.bucket },
    entities: names.map((competitor) => {
      const points = trend.rows.filter((r) => r.competitor === competitor);
      const sum = (k: 'total' | 'positive' | 'negative' | 'ratingSum' | 'ratingCount') => points.reduce((n, p) => n + p[k], 0);
      const mentions = sum('total');
      const negative = sum('negative');
      const ratingCount = sum('ratingCount');
      const byStart = new Map<string, { total: number; ratingSum: number; ratingCount: number }>();
      for (const p of points) {
        const b = byStart.get(p.start) ?? { total: 0, ratingSum: 0, ratingCount: 0 };
        b.total += p.total;
        b.ratingSum += p.ratingSum;
        b.ratingCount += p.ratingCount;
        byStart.set(p.start, b);
      }
      return {
        competitor,
        mentions,
        ratingAvg: ratingCount ? round2(sum('ratingSum') / ratingCount) : null,
        ratingCount,
        positiveShare: mentions ? share(sum('positive'), mentions) : null,
        negativeShare: mentions ? share(negative, mentions) : null,
        negativeInterval: mentions ? shareInterval(negative, mentions) : null,
        aspects: aspects.rows
          .filter((a) => a.competitor === competitor)
          .sort((a, b) => b.total - a.total || b.negative - a.negative || a.aspect.localeCompare(b.aspect))
          .slice(0, MAX_ASPECTS)
          .map((a) => ({ aspect: a.aspect, total: a.total, negative: a.negative, negativeShare: a.total ? share(a.negative, a.total) : null })),
        trend: starts.map((start) => {
          const b = byStart.get(start);
          return { start, total: b?.total ?? 0, ratingAvg: b?.ratingCount ? round2(b.ratingSum / b.ratingCount) : null };
        }),
      };
    }),
  };
}

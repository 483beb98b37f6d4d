import { sql } from 'kysely';
import type { Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { resolveScope, rollupInScope, rollupTable, shareInterval } from './dashboard-scope.ts';
import type { HeatmapFilters, Heatmap } from './dashboards.schemas.ts';
import { withoutJit } from './rollups.ts';

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * The word-of-mouth heat map: aspects × departments (or locations) of our own mentions in the
 * period, from the aspect rollups. A cell counts the mentions of its row about its aspect (one
 * per mention, negative when any span about the aspect is) — exactly the inbox's list for that
 * department (or location), aspect and period. Rows in order of their mentions, aspects in order of
 * their negative mentions; a cell under `minMentions` is sparse and has no colour figures.
 */
export async function loadHeatmap(db: Db, viewer: Viewer, query: HeatmapFilters): Promise<Heatmap> {
  return withoutJit(db, (trx) => heatmapOf(trx, viewer, query));
}

async function heatmapOf(db: Db, viewer: Viewer, query: HeatmapFilters): Promise<Heatmap> {
  const scope = await resolveScope(db, viewer, query);
  const unit = sql.ref(query.by === 'location' ? 'r.location_id' : 'r.department_id');
  const [cells, rows] = await Promise.all([
    sql<{ rowId: string | null; aspect: string; total: number; positive: number; negative: number }>`
      SELECT ${unit} AS "rowId", r.aspect, sum(r.total)::int AS total, sum(r.positive)::int AS positive, sum(r.negative)::int AS negative
      FROM ${rollupTable('mention_aspect_rollups', scope, 'none')} r WHERE ${rollupInScope('r', scope)} GROUP BY 1, 2`.execute(db),
    sql<{ id: string | null; total: number }>`
      SELECT ${unit} AS id, sum(r.total)::int AS total FROM ${rollupTable('mention_rollups', scope, 'none')} r WHERE ${rollupInScope('r', scope)} GROUP BY 1`.execute(db),
  ]);
  const ids = rows.rows.map((r) => r.id).filter((id): id is string => id !== null);
  const names = new Map<string, string>();
  if (ids.length) {
    const table = query.by === 'location' ? 'locations' : 'departments';
    for (const n of await db.selectFrom(table).select(['id', 'name']).where('org_id', '=', viewer.orgId).where('id', 'in', ids).execute()) names.set(n.id, n.name);
  }
  const negatives = new Map<string, { negative: number; total: number }>();
  for (const c of cells.rows) {
    const a = negatives.get(c.aspect) ?? { negative: 0, total: 0 };
    a.negative += c.negative;
    a.total += c.total;
    negatives.set(c.aspect, a);
  }
  const aspects = [...negatives.entries()].sort(([a, x], [b, y]) => y.negative - x.negative || y.total - x.total || a.localeCompare(b)).map(([aspect]) => aspect);
  const order = new Map(aspects.map((a, i) => [a, i]));
  const orderedRows = rows.rows
    .map((r) => ({ id: r.id, name: r.id ? (names.get(r.id) ?? null) : null, total: r.total }))
    // The mentions with no department (or location) come last whatever their count.
    .sort((a, b) => Number(a.id === null) - Number(b.id === null) || b.total - a.total || (a.name ?? '').localeCompare(b.name ?? ''));
  const rowOrder = new Map(orderedRows.map((r, i) => [r.id, i]));
  return {
    period: { ...scope.period, bucket: scope.bucket },
    by: query.by,
    minMentions: query.minMentions,
    rows: orderedRows,
    aspects,
    cells: cells.rows
      .sort((a, b) => (rowOrder.get(a.rowId) ?? 0) - (rowOrder.get(b.rowId) ?? 0) || (order.get(a.aspect) ?? 0) - (order.get(b.aspect) ?? 0))
      .map((c) => {
        const sparse = c.total < query.minMentions;
        return {
          rowId: c.rowId,
          aspect: c.aspect,
          total: c.total,
          positive: c.positive,
          negative: c.negative,
          negativeShare: sparse ? null : round4(c.negative / c.total),
          net: sparse ? null : round4((c.positive - c.negative) / c.total),
          interval: sparse ? null : shareInterval(c.negative, c.total),
          sparse,
        };
      }),
  };
}

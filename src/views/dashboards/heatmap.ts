import type { Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import type { HeatmapFilters, Heatmap } from './dashboards.schemas.ts';

/** CONTRACT (lead): the helper who owns this file replaces the body. */
export async function loadHeatmap(db: Db, viewer: Viewer, query: HeatmapFilters): Promise<Heatmap> {
  void db;
  void viewer;
  void query;
  throw new Error('loadHeatmap: not built yet');
}

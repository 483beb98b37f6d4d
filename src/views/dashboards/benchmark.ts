import type { Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import type { DashboardFilters, Benchmark } from './dashboards.schemas.ts';

/** CONTRACT (lead): the helper who owns this file replaces the body. */
export async function loadBenchmark(db: Db, viewer: Viewer, query: DashboardFilters): Promise<Benchmark> {
  void db;
  void viewer;
  void query;
  throw new Error('loadBenchmark: not built yet');
}

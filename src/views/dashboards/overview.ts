import type { Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import type { DashboardFilters, Overview } from './dashboards.schemas.ts';

/** CONTRACT (lead): the helper who owns this file replaces the body. */
export async function loadOverview(db: Db, viewer: Viewer, query: DashboardFilters): Promise<Overview> {
  void db;
  void viewer;
  void query;
  throw new Error('loadOverview: not built yet');
}

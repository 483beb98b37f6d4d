import type { Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import type { DashboardFilters, PainPoints } from './dashboards.schemas.ts';

/** CONTRACT (lead): the helper who owns this file replaces the body. */
export async function loadPainPoints(db: Db, viewer: Viewer, query: DashboardFilters): Promise<PainPoints> {
  void db;
  void viewer;
  void query;
  throw new Error('loadPainPoints: not built yet');
}

import { defineFeature } from '../../core/feature.ts';
import { dashboardsPermissions } from './dashboards.permissions.ts';
import { dashboardsRoutes } from './dashboards.routes.ts';
import { refreshAnalysedRollupsJob, refreshRollupsJob } from './jobs/refresh-rollups.job.ts';

/**
 * The dashboards: overview, word-of-mouth heat map, pain points and competitor benchmark, read
 * from daily rollups of the mentions (`mention_*_rollups`, kept current by the refresh job from the
 * days the mentions triggers mark dirty) and from the cases, surveys and follow-ups tables.
 */
export const dashboardsView = defineFeature({ name: 'dashboards', routes: [dashboardsRoutes], jobs: [refreshRollupsJob, refreshAnalysedRollupsJob], permissions: dashboardsPermissions });

export { loadOverview } from './overview.ts';
export { loadHeatmap } from './heatmap.ts';
export { loadPainPoints } from './pain-points.ts';
export { loadBenchmark } from './benchmark.ts';
export { refreshRollups, withoutJit } from './rollups.ts';
export type { Overview, Heatmap, PainPoints, DashboardFilters } from './dashboards.schemas.ts';

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../core/request.ts';
import { viewerOf } from '../../core/viewer.ts';
import { loadBenchmark } from './benchmark.ts';
import { BenchmarkView, DashboardQuery, HeatmapQuery, HeatmapView, OverviewView, PainPointsView } from './dashboards.schemas.ts';
import { loadHeatmap } from './heatmap.ts';
import { loadOverview } from './overview.ts';
import { loadPainPoints } from './pain-points.ts';

/** The dashboards (read only, scoped to the viewer's departments). */
export async function dashboardsRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const tags = ['dashboards'];
  const config = { access: 'dashboards.read' } as const;

  app.get('/api/dashboards/overview', { config, schema: { tags, querystring: DashboardQuery, response: { 200: OverviewView } } }, async (request) =>
    loadOverview(db, viewerOf(requireAuth(request)), request.query),
  );
  app.get('/api/dashboards/heatmap', { config, schema: { tags, querystring: HeatmapQuery, response: { 200: HeatmapView } } }, async (request) =>
    loadHeatmap(db, viewerOf(requireAuth(request)), request.query),
  );
  app.get('/api/dashboards/pain-points', { config, schema: { tags, querystring: DashboardQuery, response: { 200: PainPointsView } } }, async (request) =>
    loadPainPoints(db, viewerOf(requireAuth(request)), request.query),
  );
  app.get('/api/dashboards/benchmark', { config, schema: { tags, querystring: DashboardQuery, response: { 200: BenchmarkView } } }, async (request) =>
    loadBenchmark(db, viewerOf(requireAuth(request)), request.query),
  );
}

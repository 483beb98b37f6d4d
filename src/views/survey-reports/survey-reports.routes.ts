import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../core/request.ts';
import { viewerOf } from '../../core/viewer.ts';
import { fairAsking } from './fair-asking.ts';
import { surveyReport } from './survey-report.ts';
import { FairAskingView, PeriodQuery, SurveyReportQuery, SurveyReportView } from './survey-reports.schemas.ts';

/** The survey reports and the fair-asking report (read only). */
export async function surveyReportsRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const tags = ['reports'];

  app.get('/api/reports/surveys', { config: { access: 'surveys.read' }, schema: { tags, querystring: SurveyReportQuery, response: { 200: SurveyReportView } } }, async (request) =>
    surveyReport(db, viewerOf(requireAuth(request)), request.query),
  );

  app.get('/api/reports/fair-asking', { config: { access: 'surveys.read' }, schema: { tags, querystring: PeriodQuery, response: { 200: FairAskingView } } }, async (request) =>
    fairAsking(db, viewerOf(requireAuth(request)), request.query),
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../../audit/index.ts';
import { IdParams } from '../../auth/index.ts';
import { requireAuth } from '../../core/request.ts';
import { makeReportNow, resendReport } from './make-report-now.ts';
import { MakeBody, ReportListQuery, ReportView, ScheduleBody, SchedulePatch, ScheduleView } from './reports.schemas.ts';
import { findReports, getReport, getReportHtml, getReportPdf } from './reports.queries.ts';
import { createSchedule, deleteSchedule, findSchedules, getSchedule, updateSchedule } from './schedules.ts';

const ScheduleResponse = z.object({ schedule: ScheduleView });
const ReportResponse = z.object({ report: ReportView });

/** Report schedules (reports.manage), "make now", the archive and its HTML and PDF (reports.read). */
export async function reportsRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { ctx } = server;
  const { db } = ctx;
  const tags = ['reports'];
  const read = { access: 'reports.read' } as const;
  const manage = { access: 'reports.manage' } as const;
  const orgOf = (request: FastifyRequest) => requireAuth(request).orgId;
  const by = (request: FastifyRequest) => auditBy(requireAuth(request), request.ip);

  app.get('/api/report-schedules', { config: read, schema: { tags, response: { 200: z.object({ items: z.array(ScheduleView) }) } } }, async (request) => ({
    items: await findSchedules(db, orgOf(request)),
  }));

  app.post('/api/report-schedules', { config: manage, schema: { tags, body: ScheduleBody, response: { 201: ScheduleResponse } } }, async (request, reply) =>
    reply.status(201).send({ schedule: await createSchedule(db, by(request), request.body) }),
  );

  app.get('/api/report-schedules/:id', { config: read, schema: { tags, params: IdParams, response: { 200: ScheduleResponse } } }, async (request) => ({
    schedule: await getSchedule(db, orgOf(request), request.params.id),
  }));

  app.patch('/api/report-schedules/:id', { config: manage, schema: { tags, params: IdParams, body: SchedulePatch, response: { 200: ScheduleResponse } } }, async (request) => ({
    schedule: await updateSchedule(db, by(request), request.params.id, request.body),
  }));

  app.delete('/api/report-schedules/:id', { config: manage, schema: { tags, params: IdParams, response: { 204: z.null() } } }, async (request, reply) => {
    await deleteSchedule(db, by(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/report-schedules/:id/make', { config: manage, schema: { tags, params: IdParams, body: MakeBody, response: { 201: ReportResponse } } }, async (request, reply) => {
    const id = await makeReportNow(ctx, by(request), request.params.id, request.body);
    return reply.status(201).send({ report: await getReport(db, orgOf(request), id) });
  });

  app.get(
    '/api/reports',
    { config: read, schema: { tags, querystring: ReportListQuery, response: { 200: z.object({ items: z.array(ReportView), total: z.number(), pageSize: z.number() }) } } },
    async (request) => findReports(db, orgOf(request), request.query),
  );

  app.get('/api/reports/:id', { config: read, schema: { tags, params: IdParams, response: { 200: ReportResponse } } }, async (request) => ({
    report: await getReport(db, orgOf(request), request.params.id),
  }));

  app.post('/api/reports/:id/send', { config: manage, schema: { tags, params: IdParams, response: { 200: ReportResponse } } }, async (request) => {
    await resendReport(ctx, by(request), request.params.id);
    return { report: await getReport(db, orgOf(request), request.params.id) };
  });

  app.get('/api/reports/:id/html', { config: read, schema: { tags, params: IdParams } }, async (request, reply) => {
    const body = await getReportHtml(db, orgOf(request), request.params.id);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox")
      .header('x-content-type-options', 'nosniff')
      .send(body);
  });

  app.get('/api/reports/:id/pdf', { config: read, schema: { tags, params: IdParams } }, async (request, reply) => {
    const file = await getReportPdf(db, orgOf(request), request.params.id);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${file.filename}"`).send(file.pdf);
  });
}

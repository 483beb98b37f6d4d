import { defineFeature } from '../../core/feature.ts';
import { makeDueReportsJob } from './jobs/make-due-reports.job.ts';
import { reportsPermissions } from './reports.permissions.ts';
import { reportsRoutes } from './reports.routes.ts';

/** Weekly and monthly reports per organisation or location: an HTML e-mail and a PDF with charts, scheduled in the organisation's time zone, sent by SMTP, archived (`report_schedules`, `reports`). */
export const reportsView = defineFeature({ name: 'reports', routes: [reportsRoutes], jobs: [makeDueReportsJob], permissions: reportsPermissions });

export { makeReport, loadReportContent, type ReportInput } from './make-report.ts';
export { runDueReports, type DueRun } from './run-due-reports.ts';
export { sendReport } from './send-report.ts';
export { renderReport, type RenderedReport } from './render-report.ts';
export { reportPdf } from './report-pdf.ts';
export { reportFontFiles } from './report-fonts.ts';
export { lastEndedPeriod, periodContaining, duePeriod, type ReportPeriod } from './report-period.ts';
export { checkRecipients } from './schedules.ts';
export { checkReportRendering, RENDERING_NEEDS } from './check-rendering.ts';
export { wallClock } from './report-period.ts';

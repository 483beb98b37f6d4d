import { reportCharts } from './report-charts.ts';
import { formatter, reportTitle, type ReportContent } from './report-content.ts';
import { reportHtml } from './report-html.ts';
import { reportPdf } from './report-pdf.ts';

export interface RenderedReport {
  html: string;
  pdf: Buffer;
  subject: string;
  /** The PDF's download name, e.g. `verity-weekly-2026-11-23.pdf`. */
  filename: string;
  /** How long charts, PDF and HTML took. */
  renderMs: number;
}

/** Renders one report's content as the archived HTML and the PDF, with the same charts in both. */
export async function renderReport(content: ReportContent): Promise<RenderedReport> {
  const started = performance.now();
  const charts = await reportCharts(content);
  const [pdf, html] = [await reportPdf(content, charts), reportHtml(content, charts)];
  const head = reportTitle(content);
  const f = formatter(content.locale);
  return {
    html,
    pdf,
    subject: f.t('email.subject', { title: head.title, scope: head.scope, period: head.period }),
    filename: reportFilename(content.cadence, content.period.start),
    renderMs: Math.round(performance.now() - started),
  };
}

export const reportFilename = (cadence: string, periodStart: string) => `verity-${cadence}-${periodStart}.pdf`;

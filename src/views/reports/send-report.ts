import { sql } from 'kysely';
import { smtpTransport } from '../../core/smtp.ts';
import type { Config } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { keepInOutbox } from '../../notifications/index.ts';
import { forEmail } from './report-html.ts';
import { reportFilename } from './render-report.ts';
import { reportsMessages } from './reports.messages.ts';
import type { ReportStatus } from './reports.vocab.ts';

/** The subject line is the HTML's title (the same words the renderer wrote). */
function subjectOf(html: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? 'Verity';
  return title.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}

/**
 * Sends an archived report to its recipients: the HTML with its charts as inline `cid:` images and
 * the PDF attached, through the configured SMTP server (or into the organisation's local mail
 * outbox when there is none). Marks it sent, or failed with the server's error; returns the status.
 */
export async function sendReport(db: Db, config: Pick<Config, 'smtpUrl' | 'mailFrom'>, orgId: string, reportId: string): Promise<{ status: ReportStatus; error: string | null }> {
  const report = await db
    .selectFrom('reports')
    .select(['id', 'cadence', 'recipients', 'html', 'pdf', 'locale', sql<string>`period_start::text`.as('periodStart')])
    .where('id', '=', reportId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!report) throw new AppError('not_found', reportsMessages.text('reportNotFound'));
  let error: string | null = null;
  try {
    if (report.recipients.length === 0) throw new Error(reportsMessages.render(report.locale, 'noRecipients'));
    const { html, images } = forEmail(report.html);
    const subject = subjectOf(report.html);
    const text = `${subject}\n\n${reportsMessages.render(report.locale, 'email.archive')}\n`;
    if (!config.smtpUrl) {
      await keepInOutbox(db, orgId, null, { to: report.recipients, subject, text, html: report.html });
    } else {
      await smtpTransport(config.smtpUrl).sendMail({
        from: config.mailFrom,
        to: report.recipients,
        subject,
        text,
        html,
        attachments: [
          ...images.map((i) => ({ filename: i.filename, content: i.content, cid: i.cid, contentType: 'image/png', contentDisposition: 'inline' as const })),
          { filename: reportFilename(report.cadence, report.periodStart), content: Buffer.from(report.pdf), contentType: 'application/pdf' },
        ],
      });
    }
  } catch (e) {
    error = (e as Error).message.slice(0, 2000);
  }
  const status: ReportStatus = error ? 'failed' : 'sent';
  await db
    .updateTable('reports')
    .set({ status, error, sent_at: error ? null : new Date() })
    .where('id', '=', reportId)
    .where('org_id', '=', orgId)
    .execute();
  return { status, error };
}

import { sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { reportFilename } from './render-report.ts';
import type { ReportViewType } from './reports.schemas.ts';
import { reportsMessages } from './reports.messages.ts';

/** Reports per page of the archive. */
export const ARCHIVE_PAGE_SIZE = 50;

function archive(db: Db, orgId: string) {
  return db
    .selectFrom('reports as r')
    .leftJoin('locations as l', 'l.id', 'r.location_id')
    .select([
      'r.id',
      'r.schedule_id as scheduleId',
      'r.cadence',
      'r.location_id as locationId',
      'l.name as locationName',
      sql<string>`r.period_start::text`.as('periodStart'),
      sql<string>`r.period_end::text`.as('periodEnd'),
      'r.locale',
      'r.status',
      'r.recipients',
      'r.error',
      sql<number>`octet_length(r.pdf)`.as('pdfBytes'),
      'r.created_at as createdAt',
      'r.sent_at as sentAt',
    ])
    .where('r.org_id', '=', orgId);
}

const withFilename = <T extends { cadence: string; periodStart: string; pdfBytes: number }>(row: T) => ({
  ...row,
  pdfBytes: Number(row.pdfBytes),
  filename: reportFilename(row.cadence, row.periodStart),
});

/** One page (1-based) of the organisation's archive, newest first, with the total. */
export async function findReports(db: Db, orgId: string, query: { page: number; schedule?: string | undefined }): Promise<{ items: ReportViewType[]; total: number; pageSize: number }> {
  let q = archive(db, orgId);
  if (query.schedule) q = q.where('r.schedule_id', '=', query.schedule);
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(ARCHIVE_PAGE_SIZE)
    .offset((query.page - 1) * ARCHIVE_PAGE_SIZE)
    .execute();
  let count = db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId);
  if (query.schedule) count = count.where('schedule_id', '=', query.schedule);
  const { n } = await count.executeTakeFirstOrThrow();
  return { items: rows.map(withFilename), total: Number(n), pageSize: ARCHIVE_PAGE_SIZE };
}

const reportNotFound = () => new AppError('not_found', reportsMessages.text('reportNotFound'));

export async function getReport(db: Db, orgId: string, id: string): Promise<ReportViewType> {
  const row = await archive(db, orgId).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw reportNotFound();
  return withFilename(row);
}

/** The archived HTML of a report of the organisation. */
export async function getReportHtml(db: Db, orgId: string, id: string): Promise<string> {
  const row = await db.selectFrom('reports').select('html').where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw reportNotFound();
  return row.html;
}

/** The archived PDF of a report of the organisation, with its download name. */
export async function getReportPdf(db: Db, orgId: string, id: string): Promise<{ pdf: Buffer; filename: string }> {
  const row = await db
    .selectFrom('reports')
    .select(['pdf', 'cadence', sql<string>`period_start::text`.as('periodStart')])
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) throw reportNotFound();
  return { pdf: Buffer.from(row.pdf), filename: reportFilename(row.cadence, row.periodStart) };
}

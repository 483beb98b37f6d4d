import { sql } from 'kysely';
import type { Locale } from '../../core/i18n.ts';
import { wholeOrganisation } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { loadHeatmap, loadOverview, loadPainPoints } from '../dashboards/index.ts';
import type { ReportContent } from './report-content.ts';
import { previousPeriod, type ReportPeriod } from './report-period.ts';
import type { ReportCadence } from './reports.vocab.ts';
import { renderReport } from './render-report.ts';

export interface ReportInput {
  orgId: string;
  /** The schedule it is made for; null: made by hand ("make now"), never blocks the scheduled one. */
  scheduleId: string | null;
  locationId: string | null;
  cadence: ReportCadence;
  locale: Locale;
  period: ReportPeriod;
  recipients: string[];
  createdBy: string | null;
}

/** The figures of a period and the one before it, from the dashboards' loaders, seen by the whole organisation (or one location). */
export async function loadReportContent(db: Db, input: Omit<ReportInput, 'scheduleId' | 'recipients' | 'createdBy'>, madeAt: Date): Promise<ReportContent> {
  const org = await db.selectFrom('organisations').select(['name', 'timezone']).where('id', '=', input.orgId).executeTakeFirstOrThrow();
  const location = input.locationId ? await db.selectFrom('locations').select('name').where('id', '=', input.locationId).where('org_id', '=', input.orgId).executeTakeFirst() : null;
  const viewer = wholeOrganisation(input.orgId);
  const previous = previousPeriod(input.cadence, input.period);
  const query = (p: ReportPeriod) => ({
    from: p.start,
    to: p.end,
    bucket: input.cadence === 'weekly' ? ('day' as const) : ('week' as const),
    ...(input.locationId ? { location: input.locationId } : {}),
  });
  // One after another: the first read refreshes the rollups' dirty days, and a read running beside it
  // on another PostgreSQL connection would see the rollups as they were before that refresh commits.
  const overview = await loadOverview(db, viewer, query(input.period));
  const previousOverview = await loadOverview(db, viewer, query(previous));
  const heatmap = await loadHeatmap(db, viewer, { ...query(input.period), by: 'department', minMentions: 5 });
  const painPoints = await loadPainPoints(db, viewer, query(input.period));
  return {
    orgName: org.name,
    locationName: location?.name ?? null,
    cadence: input.cadence,
    locale: input.locale,
    timezone: org.timezone,
    period: input.period,
    previous,
    overview,
    previousOverview,
    heatmap,
    painPoints,
    madeAt,
  };
}

/**
 * Makes one report: loads its figures, renders the charts, the PDF and the HTML, and archives it.
 * For a schedule the unique index on (schedule, period start) keeps it to one report however many
 * workers try at once: the loser gets null and sends nothing.
 */
export async function makeReport(db: Db, input: ReportInput, madeAt = new Date()): Promise<{ id: string; renderMs: number } | null> {
  const content = await loadReportContent(db, input, madeAt);
  const rendered = await renderReport(content);
  const row = await db
    .insertInto('reports')
    .values({
      org_id: input.orgId,
      schedule_id: input.scheduleId,
      location_id: input.locationId,
      cadence: input.cadence,
      period_start: input.period.start,
      period_end: input.period.end,
      locale: input.locale,
      recipients: input.recipients,
      html: rendered.html,
      pdf: rendered.pdf,
      created_by: input.createdBy,
    })
    .onConflict((oc) => oc.columns(['schedule_id', 'period_start']).where(sql.ref('schedule_id'), 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? { id: row.id, renderMs: rendered.renderMs } : null;
}

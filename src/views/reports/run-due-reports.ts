import type { AppContext } from '../../core/context.ts';
import { makeReport } from './make-report.ts';
import { duePeriod } from './report-period.ts';
import { sendReport } from './send-report.ts';

export interface DueRun {
  made: number;
  sent: number;
  failed: number;
  /** Render time of each report made, in ms. */
  renderMs: number[];
}

/**
 * The scheduler's one pass (every 15 minutes): for each enabled schedule whose last period has
 * ended and whose send hour has come in its organisation's time zone, and which has no report
 * for that period yet, makes the report, archives it and sends it. `now` is injectable for tests.
 */
export async function runDueReports(ctx: Pick<AppContext, 'db' | 'config'>, now: Date = new Date()): Promise<DueRun> {
  const schedules = await ctx.db
    .selectFrom('report_schedules as s')
    .innerJoin('organisations as o', 'o.id', 's.org_id')
    .select([
      's.id',
      's.org_id as orgId',
      's.location_id as locationId',
      's.cadence',
      's.recipients',
      's.locale',
      's.send_hour as sendHour',
      's.created_at as createdAt',
      's.created_by as createdBy',
      'o.timezone',
    ])
    .where('s.enabled', '=', true)
    .execute();
  const run: DueRun = { made: 0, sent: 0, failed: 0, renderMs: [] };
  for (const schedule of schedules) {
    const period = duePeriod(schedule, now, schedule.timezone);
    if (!period) continue;
    const existing = await ctx.db
      .selectFrom('reports')
      .select('id')
      .where('schedule_id', '=', schedule.id)
      .where('period_start', '=', period.start)
      .where('org_id', '=', schedule.orgId)
      .executeTakeFirst();
    if (existing) continue;
    const made = await makeReport(ctx.db, { ...schedule, scheduleId: schedule.id, period, createdBy: null }, now);
    if (!made) continue;
    run.made++;
    run.renderMs.push(made.renderMs);
    const sent = await sendReport(ctx.db, ctx.config, schedule.orgId, made.id);
    if (sent.status === 'sent') run.sent++;
    else run.failed++;
  }
  return run;
}

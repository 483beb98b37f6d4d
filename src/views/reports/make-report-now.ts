import { recordAudit, type AuditBy } from '../../audit/index.ts';
import { badRequest } from '../../core/errors.ts';
import type { AppContext } from '../../core/context.ts';
import { makeReport } from './make-report.ts';
import { lastEndedPeriod, periodContaining, wallClock } from './report-period.ts';
import { reportsMessages } from './reports.messages.ts';
import { getSchedule } from './schedules.ts';
import { sendReport } from './send-report.ts';

/**
 * "Make now": a report of a schedule's kind for a period that has ended (any day in it; default the
 * last ended one), archived outside the schedule (so the scheduled send still happens) and sent to
 * the schedule's recipients when asked. Returns the new report's id.
 */
export async function makeReportNow(ctx: Pick<AppContext, 'db' | 'config'>, by: AuditBy, scheduleId: string, body: { day?: string | undefined; send: boolean }, now = new Date()): Promise<string> {
  const schedule = await getSchedule(ctx.db, by.orgId, scheduleId);
  const org = await ctx.db.selectFrom('organisations').select('timezone').where('id', '=', by.orgId).executeTakeFirstOrThrow();
  const today = wallClock(now, org.timezone).day;
  const period = body.day ? periodContaining(schedule.cadence, body.day) : lastEndedPeriod(schedule.cadence, today);
  if (period.end >= today) throw badRequest(reportsMessages.text('periodNotEnded', { from: period.start, to: period.end }));
  const made = await makeReport(
    ctx.db,
    { orgId: by.orgId, scheduleId: null, locationId: schedule.locationId, cadence: schedule.cadence, locale: schedule.locale, period, recipients: schedule.recipients, createdBy: by.userId },
    now,
  );
  if (!made) throw new Error('a report made outside a schedule cannot conflict');
  await recordAudit(ctx.db, { ...by, action: 'report.make', targetType: 'report', targetId: made.id, details: { scheduleId, periodStart: period.start, send: body.send } });
  if (body.send) await sendReport(ctx.db, ctx.config, by.orgId, made.id);
  return made.id;
}

/** Sends an archived report again (after a failure, or to the recipients it was made for). */
export async function resendReport(ctx: Pick<AppContext, 'db' | 'config'>, by: AuditBy, reportId: string) {
  const result = await sendReport(ctx.db, ctx.config, by.orgId, reportId);
  await recordAudit(ctx.db, { ...by, action: 'report.send', targetType: 'report', targetId: reportId, details: { status: result.status } });
  return result;
}

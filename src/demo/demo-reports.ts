import type { AppContext } from '../core/context.ts';
import { lastEndedPeriod, makeReport, wallClock } from '../views/reports/index.ts';

/**
 * The demo clinic's reports: a weekly report in Chinese to the director and a monthly one in
 * English to the board (invented addresses at the demo domain), and last week's report already in
 * the archive so it is not empty. Runs last, after the rollups are fresh; when the dashboards'
 * figures cannot be read the schedules still exist and the archive starts empty. Idempotent: an
 * organisation with report schedules is left as it is.
 */
export async function seedDemoReports(ctx: Pick<AppContext, 'db'>, orgId: string, now = new Date()): Promise<{ schedules: number; archived: number }> {
  const { db } = ctx;
  const existing = await db.selectFrom('report_schedules').select('id').where('org_id', '=', orgId).executeTakeFirst();
  if (existing) return { schedules: 0, archived: 0 };
  const admin = await db.selectFrom('users').select('id').where('org_id', '=', orgId).where('role', '=', 'admin').orderBy('created_at').executeTakeFirst();
  const [weekly] = await db
    .insertInto('report_schedules')
    .values([
      { org_id: orgId, cadence: 'weekly', recipients: ['director@demo.verity.local', 'pr@demo.verity.local'], locale: 'zh-CN', send_hour: 8, created_by: admin?.id ?? null },
      { org_id: orgId, cadence: 'monthly', recipients: ['board@demo.verity.local'], locale: 'en', send_hour: 9, created_by: admin?.id ?? null },
    ])
    .returning(['id'])
    .execute();
  const org = await db.selectFrom('organisations').select('timezone').where('id', '=', orgId).executeTakeFirstOrThrow();
  const period = lastEndedPeriod('weekly', wallClock(now, org.timezone).day);
  try {
    const made = await makeReport(
      db,
      { orgId, scheduleId: weekly!.id, locationId: null, cadence: 'weekly', locale: 'zh-CN', period, recipients: ['director@demo.verity.local', 'pr@demo.verity.local'], createdBy: null },
      now,
    );
    return { schedules: 2, archived: made ? 1 : 0 };
  } catch (error) {
    console.warn(`demo reports: last week's report was not made (${(error as Error).message})`);
    return { schedules: 2, archived: 0 };
  }
}

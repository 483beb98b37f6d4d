import { z } from 'zod';
import { recordAudit, type AuditBy } from '../../audit/index.ts';
import { AppError, badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { MAX_RECIPIENTS, type ScheduleBody, type ScheduleViewType } from './reports.schemas.ts';
import { reportsMessages } from './reports.messages.ts';
import { sql } from 'kysely';

const address = z.email();

/** Trims, drops empty and repeated addresses; refuses a bad one by name, none, or too many. */
export function checkRecipients(recipients: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of recipients) {
    const value = raw.trim();
    if (!value) continue;
    if (!address.safeParse(value).success) throw badRequest(reportsMessages.text('badRecipient', { address: value }));
    if (seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push(value);
  }
  if (out.length === 0) throw badRequest(reportsMessages.text('noRecipients'));
  if (out.length > MAX_RECIPIENTS) throw badRequest(reportsMessages.text('tooManyRecipients', { max: MAX_RECIPIENTS }));
  return out;
}

async function checkLocation(db: Db, orgId: string, locationId: string | null | undefined): Promise<void> {
  if (!locationId) return;
  const row = await db.selectFrom('locations').select('id').where('id', '=', locationId).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw badRequest(reportsMessages.text('unknownLocation'));
}

const scheduleNotFound = () => new AppError('not_found', reportsMessages.text('scheduleNotFound'));

/** The organisation's schedules with their last report, oldest first. */
export async function findSchedules(db: Db, orgId: string, id?: string): Promise<ScheduleViewType[]> {
  let query = db
    .selectFrom('report_schedules as s')
    .leftJoin('locations as l', 'l.id', 's.location_id')
    .select([
      's.id',
      's.cadence',
      's.location_id as locationId',
      'l.name as locationName',
      's.recipients',
      's.locale',
      's.send_hour as sendHour',
      's.enabled',
      's.created_at as createdAt',
      (eb) =>
        eb
          .selectFrom('reports as r')
          .select(sql<{ id: string; periodStart: string; status: 'made' | 'sent' | 'failed' }>`json_build_object('id', r.id, 'periodStart', r.period_start::text, 'status', r.status)`.as('j'))
          .whereRef('r.schedule_id', '=', 's.id')
          .orderBy('r.period_start', 'desc')
          .limit(1)
          .as('lastReport'),
    ])
    .where('s.org_id', '=', orgId)
    .orderBy('s.created_at')
    .orderBy('s.id');
  if (id) query = query.where('s.id', '=', id);
  return query.execute();
}

export async function getSchedule(db: Db, orgId: string, id: string): Promise<ScheduleViewType> {
  const [row] = await findSchedules(db, orgId, id);
  if (!row) throw scheduleNotFound();
  return row;
}

export async function createSchedule(db: Db, by: AuditBy, body: z.infer<typeof ScheduleBody>): Promise<ScheduleViewType> {
  const recipients = checkRecipients(body.recipients);
  await checkLocation(db, by.orgId, body.locationId);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('report_schedules')
      .values({ org_id: by.orgId, location_id: body.locationId, cadence: body.cadence, recipients, locale: body.locale, send_hour: body.sendHour, enabled: body.enabled, created_by: by.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { ...by, action: 'report_schedule.create', targetType: 'report_schedule', targetId: row.id, details: { cadence: body.cadence, recipients: recipients.length } });
    return row.id;
  });
  return getSchedule(db, by.orgId, id);
}

export async function updateSchedule(db: Db, by: AuditBy, id: string, patch: Partial<z.infer<typeof ScheduleBody>>): Promise<ScheduleViewType> {
  const recipients = patch.recipients === undefined ? undefined : checkRecipients(patch.recipients);
  await checkLocation(db, by.orgId, patch.locationId);
  const fields = {
    ...(patch.cadence !== undefined ? { cadence: patch.cadence } : {}),
    ...(patch.locationId !== undefined ? { location_id: patch.locationId } : {}),
    ...(recipients !== undefined ? { recipients } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    ...(patch.sendHour !== undefined ? { send_hour: patch.sendHour } : {}),
    ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
  };
  if (Object.keys(fields).length === 0) return getSchedule(db, by.orgId, id);
  await db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('report_schedules').set(fields).where('id', '=', id).where('org_id', '=', by.orgId).returning('id').executeTakeFirst();
    if (!row) throw scheduleNotFound();
    await recordAudit(trx, { ...by, action: 'report_schedule.update', targetType: 'report_schedule', targetId: id, details: { fields: Object.keys(patch) } });
  });
  return getSchedule(db, by.orgId, id);
}

/** Deletes a schedule; its reports stay in the archive. */
export async function deleteSchedule(db: Db, by: AuditBy, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('report_schedules').where('id', '=', id).where('org_id', '=', by.orgId).returning('id').executeTakeFirst();
    if (!row) throw scheduleNotFound();
    await recordAudit(trx, { ...by, action: 'report_schedule.delete', targetType: 'report_schedule', targetId: id });
  });
}

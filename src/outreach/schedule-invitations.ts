import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { nextAllowedTime } from './contact-rules.ts';
import type { OutreachSettings } from './outreach-settings.ts';
import { DEFAULT_DELAY_HOURS, type InvitationChannel, type SkipReason, type VisitKind } from './outreach.vocab.ts';

/*
 * Scheduling: a visit with an end time gets its post-visit survey invitation `delay hours` after
 * it ended (moved out of exclusion windows), or a skipped one with the rule that held it back. A
 * review request, where the organisation asks for one, follows; under the CAHPS rule never before
 * or with the survey invitation of the same visit.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface VisitToInvite {
  id: string;
  patientId: string;
  kind: VisitKind;
  endedAt: Date;
}

interface PatientContact {
  phone: string | null;
  email: string | null;
  opted_out_at: Date | null;
  until: Date | null;
}

/** The channel a patient is reached on: the organisation's preference when the patient has it, else the other; null with neither. */
export function chooseChannel(preference: InvitationChannel, patient: { phone: string | null; email: string | null }): InvitationChannel | null {
  const has = { sms: !!patient.phone, email: !!patient.email };
  if (has[preference]) return preference;
  const other: InvitationChannel = preference === 'sms' ? 'email' : 'sms';
  return has[other] ? other : null;
}

/** Whether the patient has a survey invitation sent or scheduled within `days` of `at` (other than `exceptId`). */
export async function askedWithin(db: Db, orgId: string, patientId: string, at: Date, days: number, exceptId?: string, statuses: ('scheduled' | 'sent')[] = ['scheduled', 'sent']): Promise<boolean> {
  if (days <= 0) return false;
  let q = db
    .selectFrom('survey_invitations')
    .select('id')
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('kind', '=', 'survey')
    .where('status', 'in', statuses)
    .where(sql<Date>`coalesce(sent_at, scheduled_for)`, '>', new Date(at.getTime() - days * DAY))
    .where(sql<Date>`coalesce(sent_at, scheduled_for)`, '<', new Date(at.getTime() + days * DAY));
  if (exceptId) q = q.where('id', '!=', exceptId);
  return !!(await q.limit(1).executeTakeFirst());
}

/** Schedules (or records as skipped) the invitations of newly imported visits, oldest visit first. Returns how many were scheduled and skipped. */
export async function scheduleInvitations(
  trx: Db,
  orgId: string,
  settings: OutreachSettings,
  visits: VisitToInvite[],
  now: Date,
): Promise<{ scheduled: number; skipped: number; firstDue: Date | null }> {
  const result = { scheduled: 0, skipped: 0, firstDue: null as Date | null };
  const sorted = [...visits].sort((a, b) => a.endedAt.getTime() - b.endedAt.getTime());
  for (const visit of sorted) {
    const patient = (await trx
      .selectFrom('patients as p')
      .leftJoin('patient_contact_holds as h', 'h.patient_id', 'p.id')
      .select(['p.phone', 'p.email', 'p.opted_out_at', 'h.until'])
      .where('p.id', '=', visit.patientId)
      .where('p.org_id', '=', orgId)
      .executeTakeFirstOrThrow()) as PatientContact;
    const delay = settings.delayHours[visit.kind] ?? DEFAULT_DELAY_HOURS;
    const due = new Date(Math.max(visit.endedAt.getTime() + delay * HOUR, now.getTime()));
    const at = nextAllowedTime(settings.exclusionWindows, due, settings.timezone);
    const surveyId = settings.surveyIds[visit.kind] ?? settings.defaultSurveyId;
    const channel = chooseChannel(settings.channelPreference, patient);
    let reason: SkipReason | null = null;
    if (!settings.enabled) reason = 'outreach_off';
    else if (patient.opted_out_at) reason = 'opted_out';
    else if (patient.until && patient.until > at) reason = 'patient_hold';
    else if (!channel) reason = 'no_contact';
    else if (!surveyId) reason = 'no_survey';
    else if (await askedWithin(trx, orgId, visit.patientId, at, settings.contactWindowDays)) reason = 'contact_window';
    await trx
      .insertInto('survey_invitations')
      .values({
        org_id: orgId,
        patient_id: visit.patientId,
        visit_id: visit.id,
        survey_id: surveyId ?? null,
        kind: 'survey',
        channel: channel ?? settings.channelPreference,
        status: reason ? 'skipped' : 'scheduled',
        skip_reason: reason,
        scheduled_for: at,
      })
      .execute();
    if (reason) result.skipped++;
    else {
      result.scheduled++;
      if (!result.firstDue || at < result.firstDue) result.firstDue = at;
    }
    if (settings.reviewRequestHours === null || !settings.enabled) continue;
    // The review request: after the survey under the CAHPS rule (an hour later at least), never instead of it.
    let reviewAt = new Date(Math.max(visit.endedAt.getTime() + settings.reviewRequestHours * HOUR, now.getTime()));
    let reviewReason: SkipReason | null = reason === 'opted_out' || reason === 'patient_hold' || reason === 'no_contact' ? reason : null;
    if (!reviewReason && settings.cahpsRule) {
      if (reason) reviewReason = 'cahps_order';
      else if (reviewAt.getTime() < at.getTime() + HOUR) reviewAt = new Date(at.getTime() + HOUR);
    }
    reviewAt = nextAllowedTime(settings.exclusionWindows, reviewAt, settings.timezone);
    await trx
      .insertInto('survey_invitations')
      .values({
        org_id: orgId,
        patient_id: visit.patientId,
        visit_id: visit.id,
        kind: 'review_request',
        channel: channel ?? settings.channelPreference,
        status: reviewReason ? 'skipped' : 'scheduled',
        skip_reason: reviewReason,
        scheduled_for: reviewAt,
      })
      .execute();
    if (reviewReason) result.skipped++;
    else result.scheduled++;
  }
  return result;
}

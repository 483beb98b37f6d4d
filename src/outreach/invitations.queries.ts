import { renderText, type Locale } from '../core/i18n.ts';
import { scopeToViewer, type Viewer } from '../core/viewer.ts';
import type { Db } from '../db/database.ts';
import { getOutreachSettings } from './outreach-settings.ts';
import { outreachMessages } from './outreach.messages.ts';
import type { InvitationStatus, SkipReason } from './outreach.vocab.ts';

/** A page of invitations, newest first, with the patient's name and the skip reason in the reader's language; contact only for readers who may see it. */
export async function findInvitations(db: Db, viewer: Viewer, opts: { status?: InvitationStatus; patientId?: string; limit: number; offset: number; showContact: boolean; locale: Locale }) {
  let q = db
    .selectFrom('survey_invitations as i')
    .innerJoin('patients as p', 'p.id', 'i.patient_id')
    .leftJoin('visits as v', 'v.id', 'i.visit_id')
    .leftJoin('surveys as s', 's.id', 'i.survey_id')
    .where('i.org_id', '=', viewer.orgId);
  if (viewer.departmentIds) q = q.where(scopeToViewer('v.department_id', viewer));
  if (opts.status) q = q.where('i.status', '=', opts.status);
  if (opts.patientId) q = q.where('i.patient_id', '=', opts.patientId);
  const rows = await q
    .select([
      'i.id',
      'i.patient_id as patientId',
      'p.name as patientName',
      'p.phone',
      'p.email',
      'i.visit_id as visitId',
      'v.external_id as visitExternalId',
      'v.kind as visitKind',
      'i.survey_id as surveyId',
      's.name as surveyName',
      'i.kind',
      'i.channel',
      'i.status',
      'i.skip_reason as skipReason',
      'i.error',
      'i.attempts',
      'i.scheduled_for as scheduledFor',
      'i.sent_at as sentAt',
      'i.response_id as responseId',
    ])
    .orderBy('i.scheduled_for', 'desc')
    .orderBy('i.id')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const days = rows.some((r) => r.skipReason === 'contact_window') ? (await getOutreachSettings(db, viewer.orgId)).contactWindowDays : 0;
  return {
    total: Number(n),
    items: rows.map(({ phone, email, responseId, skipReason, ...r }) => ({
      ...r,
      skipReason: skipReason as SkipReason | null,
      skipReasonText: skipReason ? renderText(opts.locale, outreachMessages.text(`skip.${skipReason}` as 'skip.opted_out', { days })) : null,
      to: opts.showContact ? (r.channel === 'sms' ? phone : email) : null,
      contactHidden: !opts.showContact,
      responded: responseId !== null,
    })),
  };
}

/** The organisation's SMS outbox (what the log provider kept), newest first. */
export async function findSmsOutbox(db: Db, orgId: string, limit = 100) {
  return db
    .selectFrom('sms_outbox')
    .select(['id', 'invitation_id as invitationId', 'recipient as to', 'text_body as text', 'created_at as createdAt'])
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

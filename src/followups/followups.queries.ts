import { sql } from 'kysely';
import type { Config } from '../core/config.ts';
import type { Locale } from '../core/i18n.ts';
import { scopeToViewer, viewerSees, type Viewer } from '../core/viewer.ts';
import type { Db } from '../db/database.ts';
import { missing } from './errors.ts';
import { ON_TIME_GRACE_DAYS, type EnrolmentStatus } from './followups.vocab.ts';
import type { EnrolmentViewType } from './followups.schemas.ts';
import { consentText } from './enrol.ts';
import { currentPortalToken, portalUrl } from './portal-token.ts';
import { findTasks } from './tasks.ts';

/** Enrolments a viewer sees, newest first, with adherence (check-ins done on time over those due so far). */
export async function findEnrolments(
  db: Db,
  viewer: Viewer,
  filter: { planId?: string; status?: EnrolmentStatus; patientId?: string; enrolmentId?: string; limit?: number },
): Promise<EnrolmentViewType[]> {
  let query = db
    .selectFrom('followup_enrolments as e')
    .innerJoin('followup_plans as p', 'p.id', 'e.plan_id')
    .innerJoin('patients as pt', 'pt.id', 'e.patient_id')
    .select([
      'e.id',
      'e.plan_id',
      'p.name as plan_name',
      'e.plan_version',
      'e.patient_id',
      'pt.name as patient_name',
      'e.department_id',
      'e.source',
      'e.status',
      'e.anchor_at',
      'e.created_at',
      'e.withdrawn_at',
      sql<number>`(SELECT count(*) FROM followup_checkins c WHERE c.enrolment_id = e.id AND c.status <> 'cancelled' AND c.due_at <= now())::int`.as('due'),
      sql<number>`(SELECT count(*) FROM followup_checkins c WHERE c.enrolment_id = e.id AND c.status = 'done' AND c.due_at <= now() AND c.done_at <= c.due_at + make_interval(days => ${ON_TIME_GRACE_DAYS}))::int`.as(
        'on_time',
      ),
      sql<Date | null>`(SELECT min(c.due_at) FROM followup_checkins c WHERE c.enrolment_id = e.id AND c.status = 'scheduled')`.as('next_due'),
      sql<number>`(SELECT count(*) FROM followup_tasks t WHERE t.enrolment_id = e.id AND t.status = 'open' AND t.priority = 'urgent')::int`.as('urgent_open'),
    ])
    .where('e.org_id', '=', viewer.orgId)
    .where(scopeToViewer('e.department_id', viewer));
  if (filter.planId) query = query.where('e.plan_id', '=', filter.planId);
  if (filter.status) query = query.where('e.status', '=', filter.status);
  if (filter.patientId) query = query.where('e.patient_id', '=', filter.patientId);
  if (filter.enrolmentId) query = query.where('e.id', '=', filter.enrolmentId);
  const rows = await query
    .orderBy('e.created_at', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    planName: r.plan_name,
    planVersion: r.plan_version,
    patientId: r.patient_id,
    patientName: r.patient_name,
    departmentId: r.department_id,
    source: r.source,
    status: r.status,
    anchorAt: r.anchor_at,
    createdAt: r.created_at,
    withdrawnAt: r.withdrawn_at,
    due: r.due,
    onTime: r.on_time,
    adherence: r.due ? r.on_time / r.due : null,
    nextDueAt: r.next_due ? new Date(r.next_due) : null,
    urgentOpen: r.urgent_open,
  }));
}

export interface DetailReader {
  viewer: Viewer;
  userId: string;
  role: string;
  locale: Locale;
  /** Whether the reader may see phone and e-mail (patients.contact). */
  seesContact: boolean;
  /** Whether the reader may give the patient their portal link (followups.work). */
  mayWork: boolean;
}

/** One enrolment with everything the staff page shows; another organisation's or department's reads as 404. */
export async function getEnrolmentDetail(db: Db, config: Pick<Config, 'publicUrl' | 'port'>, reader: DetailReader, enrolmentId: string) {
  const [enrolment] = await findEnrolments(db, reader.viewer, { enrolmentId });
  if (!enrolment || !viewerSees(reader.viewer, enrolment.departmentId)) throw missing('noSuchEnrolment');
  const orgId = reader.viewer.orgId;
  const e = await db
    .selectFrom('followup_enrolments as e')
    .innerJoin('patients as pt', 'pt.id', 'e.patient_id')
    .innerJoin('organisations as o', 'o.id', 'e.org_id')
    .leftJoin('followup_consent_texts as ct', 'ct.id', 'e.consent_text_id')
    .select([
      'pt.id as patient_id',
      'pt.name',
      'pt.phone',
      'pt.email',
      'pt.locale',
      'e.consent_version',
      'e.consent_locale',
      'e.consent_sha256',
      'e.consent_agreed',
      'e.consented_at',
      'ct.text as consent_text',
      'e.withdraw_reason',
      'o.name as org_name',
    ])
    .where('e.org_id', '=', orgId)
    .where('e.id', '=', enrolmentId)
    .executeTakeFirstOrThrow();
  const [checkins, readings, photos, questions, tasks, answers] = await Promise.all([
    db.selectFrom('followup_checkins').select(['id', 'seq', 'due_at', 'status', 'done_at']).where('org_id', '=', orgId).where('enrolment_id', '=', enrolmentId).orderBy('seq').execute(),
    db.selectFrom('followup_readings').selectAll().where('org_id', '=', orgId).where('enrolment_id', '=', enrolmentId).orderBy('recorded_at').execute(),
    db
      .selectFrom('followup_photos')
      .select(['id', 'mime', 'size', 'width', 'height', 'created_at'])
      .where('org_id', '=', orgId)
      .where('enrolment_id', '=', enrolmentId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('followup_questions as q')
      .leftJoin('users as u', 'u.id', 'q.answered_by')
      .select(['q.id', 'q.text', 'q.asked_at', 'q.answer', 'q.answered_at', 'u.name as answered_by_name'])
      .where('q.org_id', '=', orgId)
      .where('q.enrolment_id', '=', enrolmentId)
      .orderBy('q.asked_at')
      .execute(),
    findTasks(db, reader, { enrolmentId, limit: 500 }),
    db.selectFrom('followup_answers').select(['id', 'question', 'answer', 'answered_at']).where('org_id', '=', orgId).where('enrolment_id', '=', enrolmentId).orderBy('answered_at').execute(),
  ]);
  const token = reader.mayWork && enrolment.status === 'active' ? await currentPortalToken(db, orgId, enrolmentId) : null;
  const consentLocale = e.consent_locale;
  return {
    enrolment,
    patient: {
      id: e.patient_id,
      name: e.name,
      phone: reader.seesContact ? e.phone : null,
      email: reader.seesContact ? e.email : null,
      locale: e.locale,
      contactHidden: !reader.seesContact,
    },
    consent:
      e.consented_at && consentLocale && e.consent_version !== null && e.consent_sha256
        ? {
            version: e.consent_version,
            locale: consentLocale,
            sha256: e.consent_sha256,
            text: e.consent_text ?? consentText(consentLocale, e.org_name).text,
            agreed: e.consent_agreed ?? {},
            at: e.consented_at,
          }
        : null,
    checkins: checkins.map((c) => ({ id: c.id, seq: c.seq, dueAt: c.due_at, status: c.status, doneAt: c.done_at })),
    readings: readings.map((r) => ({
      id: r.id,
      metric: r.metric,
      value: r.value,
      unit: r.unit,
      normalLow: r.normal_low,
      normalHigh: r.normal_high,
      outOfRange: r.out_of_range,
      source: r.source,
      recordedAt: r.recorded_at,
    })),
    photos: photos.map((p) => ({ id: p.id, mime: p.mime, size: p.size, width: p.width, height: p.height, createdAt: p.created_at })),
    questions: questions.map((q) => ({ id: q.id, text: q.text, askedAt: q.asked_at, answer: q.answer, answeredAt: q.answered_at, answeredByName: q.answered_by_name })),
    answers: answers.map((a) => ({ id: a.id, question: a.question, answer: a.answer, answeredAt: a.answered_at })),
    tasks,
    portal: token ? { url: portalUrl(config, token.token), expiresAt: token.expiresAt } : null,
    withdrawReason: e.withdraw_reason,
  };
}

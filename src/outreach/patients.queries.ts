import { sql } from 'kysely';
import type { AuditBy } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { AppError } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import { scopeToViewer, type Viewer } from '../core/viewer.ts';
import type { Db } from '../db/database.ts';
import { outreachMessages } from './outreach.messages.ts';

/*
 * Patients and their visits as staff read them. Contact details (phone, e-mail) are in an answer
 * only for readers with `patients.contact`; for the rest they are null and `contactHidden` says
 * so. A department-scoped reader sees the patients with a visit in one of their departments.
 */

export const noSuchPatient = () => new AppError('not_found', outreachMessages.text('noSuchPatient'));

const PATIENT_COLUMNS = [
  'p.id',
  'p.external_id as externalId',
  'p.name',
  'p.phone',
  'p.email',
  'p.locale',
  'p.opted_out_at as optedOutAt',
  'p.created_at as createdAt',
  'p.updated_at as updatedAt',
  'h.until as doNotContactUntil',
] as const;

type PatientRow = {
  id: string;
  externalId: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  locale: Locale | null;
  optedOutAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  doNotContactUntil: Date | null;
};

function present(row: PatientRow, showContact: boolean) {
  return { ...row, phone: showContact ? row.phone : null, email: showContact ? row.email : null, contactHidden: !showContact };
}

function patientsOf(db: Db, viewer: Viewer) {
  let q = db.selectFrom('patients as p').leftJoin('patient_contact_holds as h', 'h.patient_id', 'p.id').where('p.org_id', '=', viewer.orgId);
  if (viewer.departmentIds) q = q.where((eb) => eb.exists(eb.selectFrom('visits as v').select('v.id').whereRef('v.patient_id', '=', 'p.id').where(scopeToViewer('v.department_id', viewer))));
  return q;
}

/** A page of patients matching `q` (words of the name, the MRN, a phone number or an e-mail address), newest first, with the total. */
export async function findPatients(db: Db, viewer: Viewer, opts: { q?: string; limit: number; offset: number; showContact: boolean }) {
  let q = patientsOf(db, viewer);
  const term = opts.q?.trim();
  if (term) {
    const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
    const like = `%${escaped}%`;
    const digits = term.replace(/[^\d]/g, '');
    q = q.where((eb) =>
      eb.or([
        eb('p.name', 'ilike', like),
        // An MRN by its beginning, as people type it (DEMO-MRN-1…); no case.
        eb('p.external_id', 'ilike', `${escaped}%`),
        // Contact details are searched only by readers who may see them, so a search cannot reveal them.
        ...(opts.showContact
          ? [eb(sql`lower(p.email)`, '=', term.toLowerCase()), ...(digits.length >= 4 ? [eb(sql`regexp_replace(coalesce(p.phone, ''), '[^0-9]', '', 'g')`, 'like', `%${digits}%`)] : [])]
          : []),
      ]),
    );
  }
  const rows = await q.select(PATIENT_COLUMNS).orderBy('p.created_at', 'desc').orderBy('p.id').limit(opts.limit).offset(opts.offset).execute();
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map((r) => present(r, opts.showContact)), total: Number(n) };
}

/** One patient; another organisation's (or outside the reader's departments) reads as not found. */
export async function getPatient(db: Db, viewer: Viewer, id: string, showContact: boolean) {
  const row = await patientsOf(db, viewer).select(PATIENT_COLUMNS).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw noSuchPatient();
  return present(row, showContact);
}

/** Visits, newest first: of one patient, or the organisation's latest. */
export async function findVisits(db: Db, viewer: Viewer, opts: { patientId?: string; limit: number; offset: number }) {
  let q = db
    .selectFrom('visits as v')
    .leftJoin('locations as l', 'l.id', 'v.location_id')
    .leftJoin('departments as d', 'd.id', 'v.department_id')
    .leftJoin('staff as s', 's.id', 'v.staff_id')
    .innerJoin('patients as p', 'p.id', 'v.patient_id')
    .where('v.org_id', '=', viewer.orgId)
    .where(scopeToViewer('v.department_id', viewer));
  if (opts.patientId) q = q.where('v.patient_id', '=', opts.patientId);
  const rows = await q
    .select([
      'v.id',
      'v.external_id as externalId',
      'v.patient_id as patientId',
      'p.name as patientName',
      'v.kind',
      'v.source',
      'v.location_id as locationId',
      'l.name as locationName',
      'v.department_id as departmentId',
      'd.name as departmentName',
      'v.staff_id as staffId',
      's.name as staffName',
      'v.started_at as startedAt',
      'v.ended_at as endedAt',
      'v.created_at as createdAt',
    ])
    .orderBy(sql`coalesce(v.ended_at, v.started_at, v.created_at)`, 'desc')
    .orderBy('v.id')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: rows, total: Number(n) };
}

export interface PatientPatch {
  optedOut?: boolean;
  locale?: Locale | null;
  name?: string;
  phone?: string | null;
  email?: string | null;
  doNotContactUntil?: Date | null;
}

/** Changes a patient (opt-out, language, name, contact details, "do not contact until"); audited with the fields changed, never their values. */
export async function updatePatient(db: Db, by: AuditBy, viewer: Viewer, id: string, patch: PatientPatch): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await patientsOf(trx, viewer).select(['p.id', 'p.opted_out_at']).where('p.id', '=', id).forUpdate('p').executeTakeFirst();
    if (!current) throw noSuchPatient();
    const set: Record<string, unknown> = {};
    if (patch.optedOut !== undefined) set.opted_out_at = patch.optedOut ? (current.opted_out_at ?? new Date()) : null;
    if (patch.locale !== undefined) set.locale = patch.locale;
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.phone !== undefined) set.phone = patch.phone;
    if (patch.email !== undefined) set.email = patch.email;
    if (Object.keys(set).length)
      await trx
        .updateTable('patients')
        .set({ ...set, updated_at: new Date() })
        .where('id', '=', id)
        .where('org_id', '=', by.orgId)
        .execute();
    if (patch.doNotContactUntil === null) await trx.deleteFrom('patient_contact_holds').where('patient_id', '=', id).execute();
    else if (patch.doNotContactUntil)
      await trx
        .insertInto('patient_contact_holds')
        .values({ patient_id: id, org_id: by.orgId, until: patch.doNotContactUntil })
        .onConflict((oc) => oc.column('patient_id').doUpdateSet({ until: patch.doNotContactUntil! }))
        .execute();
    const action = patch.optedOut === true && !current.opted_out_at ? 'patient.opt_out' : patch.optedOut === false && current.opted_out_at ? 'patient.opt_in' : 'patient.update';
    await recordAudit(trx, { ...by, action, targetType: 'patient', targetId: id, details: { fields: Object.keys(patch) } });
  });
}

import { createHash } from 'node:crypto';
import type { PgBoss } from 'pg-boss';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { badRequest } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { upsertPatient } from '../outreach/index.ts';
import { missing, refused } from './errors.ts';
import { followupsMessages as m } from './followups.messages.ts';
import { CONSENT_VERSION, scheduleDates } from './followups.vocab.ts';
import { loadPlan } from './plans.ts';
import { portalExpiry, portalSecret, signPortalToken } from './portal-token.ts';

export interface PatientInput {
  externalId?: string;
  name: string;
  phone?: string;
  email?: string;
  locale?: Locale;
}

export interface Consent {
  locale: Locale;
  /** What the patient ticked: `followUp` (the consent text) and `photos`. */
  agreed: Record<string, boolean>;
}

export interface EnrolInput {
  orgId: string;
  planId: string;
  patientId?: string;
  patient?: PatientInput;
  anchorAt?: Date;
  departmentId?: string | null;
  source: 'staff' | 'qr';
  /** The staff member enrolling (null: the patient by QR code). */
  by: AuditBy | null;
  consent?: Consent;
}

/** The exact consent text a patient is shown in `locale` for the organisation, as the version and hash to record. */
export function consentText(locale: Locale, orgName: string): { version: number; text: string; sha256: string } {
  const text = m.render(locale, 'consent.v1', { org: orgName });
  return { version: CONSENT_VERSION, text, sha256: createHash('sha256').update(text).digest('hex') };
}

/** Stores the consent text shown (once per exact text) and returns its row id. */
async function recordConsentText(trx: Db, locale: Locale, orgName: string): Promise<{ id: string; version: number; sha256: string }> {
  const c = consentText(locale, orgName);
  await trx
    .insertInto('followup_consent_texts')
    .values({ version: c.version, locale, text: c.text, sha256: c.sha256 })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  const row = await trx.selectFrom('followup_consent_texts').select('id').where('sha256', '=', c.sha256).executeTakeFirstOrThrow();
  return { id: row.id, version: c.version, sha256: c.sha256 };
}

/** The patient by MRN (OUTREACH's upsert), else the one with this phone or e-mail in the organisation, else a new one. */
async function resolvePatient(trx: Db, orgId: string, input: PatientInput): Promise<string> {
  const phone = input.phone?.trim() || null;
  const email = input.email?.trim().toLowerCase() || null;
  if (!phone && !email && !input.externalId) throw badRequest(m.text('patientNeedsContact'));
  let query = trx.selectFrom('patients').select('id').where('org_id', '=', orgId);
  query = query.where((eb) => {
    const ors = [];
    if (input.externalId) ors.push(eb('external_id', '=', input.externalId));
    if (phone) ors.push(eb('phone', '=', phone));
    if (email) ors.push(eb(eb.fn('lower', ['email']), '=', email));
    return eb.or(ors);
  });
  if (input.externalId) return (await upsertPatient(trx, orgId, { externalId: input.externalId, name: input.name, phone: phone ?? undefined, email: email ?? undefined, locale: input.locale })).id;
  const found = await query.orderBy('created_at').executeTakeFirst();
  if (found) {
    await trx
      .updateTable('patients')
      .set({ ...(input.locale ? { locale: input.locale } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}), updated_at: new Date() })
      .where('id', '=', found.id)
      .execute();
    return found.id;
  }
  return (await upsertPatient(trx, orgId, { name: input.name, phone: phone ?? undefined, email: email ?? undefined, locale: input.locale })).id;
}

/**
 * Enrols a patient in a plan: records the consent (the exact text version and its hash), makes
 * the check-ins of the plan's current version counted from the anchor (discharge or now), and a
 * staff task for each. Returns the enrolment and its portal token.
 */
export async function enrolPatient(db: Db, _boss: PgBoss | null, input: EnrolInput): Promise<{ enrolmentId: string; patientId: string; token: string }> {
  const plan = await loadPlan(db, input.orgId, input.planId);
  if (plan.status !== 'active') throw refused('planArchived');
  const secret = await portalSecret(db, input.orgId);
  return db.transaction().execute(async (trx) => {
    let patientId: string;
    if (input.patientId) {
      const p = await trx.selectFrom('patients').select('id').where('org_id', '=', input.orgId).where('id', '=', input.patientId).executeTakeFirst();
      if (!p) throw badRequest(m.text('noSuchPatient'));
      patientId = p.id;
    } else if (input.patient) {
      patientId = await resolvePatient(trx, input.orgId, input.patient);
    } else {
      throw badRequest(m.text('noSuchPatient'));
    }
    const already = await trx
      .selectFrom('followup_enrolments')
      .select('id')
      .where('org_id', '=', input.orgId)
      .where('plan_id', '=', plan.id)
      .where('patient_id', '=', patientId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (already) throw refused('alreadyEnrolled');
    if (input.departmentId) {
      const d = await trx.selectFrom('departments').select('id').where('org_id', '=', input.orgId).where('id', '=', input.departmentId).executeTakeFirst();
      if (!d) throw badRequest(m.text('noSuchDepartment'));
    }
    let consent: { id: string; version: number; sha256: string } | null = null;
    if (input.consent) {
      const org = await trx.selectFrom('organisations').select('name').where('id', '=', input.orgId).executeTakeFirstOrThrow();
      consent = await recordConsentText(trx, input.consent.locale, org.name);
    }
    const now = new Date();
    const anchor = input.anchorAt ?? now;
    const expires = portalExpiry(now);
    const enrolment = await trx
      .insertInto('followup_enrolments')
      .values({
        org_id: input.orgId,
        plan_id: plan.id,
        plan_version: plan.version,
        patient_id: patientId,
        department_id: input.departmentId !== undefined ? input.departmentId : plan.department_id,
        source: input.source,
        anchor_at: anchor,
        enrolled_by: input.by?.userId ?? null,
        consent_text_id: consent?.id ?? null,
        consent_version: consent?.version ?? null,
        consent_sha256: consent?.sha256 ?? null,
        consent_locale: input.consent?.locale ?? null,
        consent_agreed: input.consent ? JSON.stringify(input.consent.agreed) : null,
        consented_at: input.consent ? now : null,
        portal_expires_at: expires,
      })
      .returning(['id', 'portal_generation'])
      .executeTakeFirstOrThrow();
    const dates = scheduleDates(plan.definition.schedule, anchor);
    for (const [i, due] of dates.entries()) {
      const checkin = await trx
        .insertInto('followup_checkins')
        .values({ org_id: input.orgId, enrolment_id: enrolment.id, seq: i + 1, due_at: due })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('followup_tasks')
        .values({ org_id: input.orgId, enrolment_id: enrolment.id, checkin_id: checkin.id, kind: plan.definition.taskKind, performer: plan.definition.performer, due_at: due })
        .execute();
    }
    await recordAudit(trx, {
      orgId: input.orgId,
      userId: input.by?.userId ?? null,
      actor: input.by?.actor ?? 'patient',
      ip: input.by?.ip ?? null,
      action: 'followup.enrolled',
      targetType: 'followup_enrolment',
      targetId: enrolment.id,
      details: { planId: plan.id, version: plan.version, source: input.source, consentVersion: consent?.version ?? null, consentSha256: consent?.sha256 ?? null },
    });
    return { enrolmentId: enrolment.id, patientId, token: signPortalToken(secret, enrolment.id, expires, enrolment.portal_generation) };
  });
}

/** Renews an enrolment's portal link: a new expiry and generation, so every older link stops working. */
export async function renewPortalLink(db: Db, by: AuditBy, enrolmentId: string): Promise<{ token: string; expiresAt: Date }> {
  const secret = await portalSecret(db, by.orgId);
  return db.transaction().execute(async (trx) => {
    const e = await trx.selectFrom('followup_enrolments').select(['id', 'status']).where('org_id', '=', by.orgId).where('id', '=', enrolmentId).forUpdate().executeTakeFirst();
    if (!e) throw missing('noSuchEnrolment');
    if (e.status !== 'active') throw refused('notActive', { status: e.status });
    const expiresAt = portalExpiry();
    const row = await trx
      .updateTable('followup_enrolments')
      .set((eb) => ({ portal_generation: eb('portal_generation', '+', 1), portal_expires_at: expiresAt }))
      .where('id', '=', enrolmentId)
      .returning('portal_generation')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { ...by, action: 'followup.link_renewed', targetType: 'followup_enrolment', targetId: enrolmentId, details: { expiresAt } });
    return { token: signPortalToken(secret, enrolmentId, expiresAt, row.portal_generation), expiresAt };
  });
}

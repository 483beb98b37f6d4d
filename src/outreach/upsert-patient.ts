import { sql } from 'kysely';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';

export interface PatientInput {
  /** The hospital system's patient id (MRN): a patient with it is updated, not created again. */
  externalId?: string | null;
  name: string;
  phone?: string | null;
  email?: string | null;
  locale?: Locale | null;
}

/**
 * Creates a patient, or, when one with the MRN exists in the organisation, updates the name and
 * the contact details and language that are given (a missing value keeps the stored one; the
 * opt-out is never touched). Returns the patient's id and whether it was created.
 */
export async function upsertPatient(db: Db, orgId: string, input: PatientInput): Promise<{ id: string; created: boolean }> {
  const values = { org_id: orgId, external_id: input.externalId ?? null, name: input.name, phone: input.phone ?? null, email: input.email ?? null, locale: input.locale ?? null };
  if (!input.externalId) {
    const row = await db.insertInto('patients').values(values).returning('id').executeTakeFirstOrThrow();
    return { id: row.id, created: true };
  }
  const row = await db
    .insertInto('patients')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['org_id', 'external_id']).doUpdateSet((eb) => ({
        name: input.name ? eb.ref('excluded.name') : eb.ref('patients.name'),
        phone: eb.fn.coalesce('excluded.phone', 'patients.phone'),
        email: eb.fn.coalesce('excluded.email', 'patients.email'),
        locale: eb.fn.coalesce('excluded.locale', 'patients.locale'),
        updated_at: new Date(),
      })),
    )
    // xmax = 0 only for a freshly inserted row.
    .returning(['id', sql<boolean>`(xmax = 0)`.as('created')])
    .executeTakeFirstOrThrow();
  return { id: row.id, created: row.created };
}

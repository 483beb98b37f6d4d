import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { markReferralVisited } from './record-referral.ts';

/**
 * Attribution by imported visits (CSV, HL7 → visit_import; FHIR encounters → fhir): each visit of
 * a referee whose referral is still booked, and which started on or after the day of the booking,
 * marks that referral visited (and pays the rewards of a programme triggered by visits). Runs as
 * the `referrals.attribute-visits` job on the `outreach.visits-imported` event; idempotent (a
 * referral moves from booked once). Returns the number of referrals marked.
 */
export async function attributeImportedVisits(db: Db, orgId: string, visitIds: string[]): Promise<number> {
  if (!visitIds.length) return 0;
  const matches = await db
    .selectFrom('visits as v')
    .innerJoin('referrals as r', (j) => j.onRef('r.referee_patient_id', '=', 'v.patient_id').on('r.status', '=', 'booked'))
    .select(['r.id as referral_id', 'v.id as visit_id', 'v.source', 'v.started_at'])
    .where('v.org_id', '=', orgId)
    .where('r.org_id', '=', orgId)
    .where('v.id', 'in', visitIds)
    .where(sql<boolean>`coalesce(v.started_at, now()) >= date_trunc('day', r.created_at)`)
    .orderBy('v.started_at')
    .execute();
  let marked = 0;
  const done = new Set<string>();
  for (const m of matches) {
    if (done.has(m.referral_id)) continue;
    done.add(m.referral_id);
    const ok = await db
      .transaction()
      .execute((trx) => markReferralVisited(trx, { orgId, referralId: m.referral_id, via: m.source === 'fhir' ? 'fhir' : 'visit_import', visitId: m.visit_id, at: m.started_at ?? new Date() }));
    if (ok) marked++;
  }
  return marked;
}

import { sql } from 'kysely';
import { AppError, badRequest } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { recordConversion, type ShareLinkRow } from '../sharing/index.ts';
import { grantRewards } from './grant-rewards.ts';
import { getProgramme, type ProgrammeRow } from './programmes.ts';
import { referralsMessages as m } from './referrals.messages.ts';
import { DEFAULT_VELOCITY_PER_DAY, FRAUD_REASONS, type AttributionVia, type FraudReason } from './referrals.vocab.ts';

const digits = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '');

/**
 * The fraud checks of a new referral; any reason holds both its rewards for review.
 * - self_referral: the new patient is the referrer;
 * - same_contact: the new patient shares the referrer's phone (digits) or e-mail (any case);
 * - existing_patient: the programme is for new patients and the new one visited more than a day
 *   before being referred;
 * - velocity: more than DEFAULT_VELOCITY_PER_DAY referrals of one referrer within 24 hours;
 * - shared_device: the booking's visitor hash already booked with another code (the hash is salted
 *   per day, so this sees the same browser within one day).
 */
export async function fraudChecks(
  trx: Db,
  input: { orgId: string; programme: ProgrammeRow; referrerId: string | null; refereeId: string; linkId: string | null; deviceHash: string | null; at: Date },
): Promise<FraudReason[]> {
  const reasons: FraudReason[] = [];
  const { orgId } = input;
  if (input.referrerId) {
    if (input.referrerId === input.refereeId) reasons.push('self_referral');
    else {
      const people = await trx.selectFrom('patients').select(['id', 'phone', 'email']).where('org_id', '=', orgId).where('id', 'in', [input.referrerId, input.refereeId]).execute();
      const referrer = people.find((p) => p.id === input.referrerId);
      const referee = people.find((p) => p.id === input.refereeId);
      const samePhone = !!referrer && !!referee && digits(referrer.phone).length >= 6 && digits(referrer.phone) === digits(referee.phone);
      const sameEmail = !!referrer?.email && !!referee?.email && referrer.email.trim().toLowerCase() === referee.email.trim().toLowerCase();
      if (samePhone || sameEmail) reasons.push('same_contact');
    }
    const since = new Date(input.at.getTime() - 86_400_000);
    const recent = await trx
      .selectFrom('referrals')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', orgId)
      .where('referrer_patient_id', '=', input.referrerId)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) + 1 > DEFAULT_VELOCITY_PER_DAY) reasons.push('velocity');
  }
  if (input.programme.eligibility.refereeMustBeNew) {
    const before = new Date(input.at.getTime() - 86_400_000);
    const visit = await trx.selectFrom('visits').select('id').where('org_id', '=', orgId).where('patient_id', '=', input.refereeId).where('started_at', '<', before).executeTakeFirst();
    if (visit) reasons.push('existing_patient');
  }
  if (input.deviceHash && input.linkId) {
    const other = await trx.selectFrom('referrals').select('id').where('org_id', '=', orgId).where('device_hash', '=', input.deviceHash).where('link_id', '<>', input.linkId).executeTakeFirst();
    if (other) reasons.push('shared_device');
  }
  return reasons;
}

/**
 * Records a new referral in the caller's transaction: the referral row, the link's `booked`
 * conversion (and `visited` when it comes with a visit), the fraud checks, and the rewards when
 * the programme's trigger is reached. Refuses a second referral of the same patient in a
 * programme (409) and a patient attributed to their own code by staff (400).
 */
export async function recordReferral(
  trx: Db,
  input: {
    programme: ProgrammeRow;
    link: ShareLinkRow;
    refereeId: string;
    via: AttributionVia;
    deviceHash?: string | null;
    requestedFor?: Date | null;
    note?: string;
    visit?: { id: string | null; at: Date } | null;
    userId?: string | null;
    at?: Date;
  },
): Promise<{ id: string; holdReasons: FraudReason[] }> {
  const { programme, link } = input;
  const orgId = programme.org_id;
  const at = input.at ?? new Date();
  const referrerId = link.ownerPatientId;
  if (input.via === 'staff' && referrerId === input.refereeId) throw badRequest(m.text('selfReferral'));
  const holdReasons = await fraudChecks(trx, { orgId, programme, referrerId, refereeId: input.refereeId, linkId: link.id, deviceHash: input.deviceHash ?? null, at });
  const row = await trx
    .insertInto('referrals')
    .values({
      org_id: orgId,
      programme_id: programme.id,
      link_id: link.id,
      referrer_patient_id: referrerId,
      referee_patient_id: input.refereeId,
      status: input.visit ? 'visited' : 'booked',
      via: input.via,
      requested_for: input.requestedFor ?? null,
      note: input.note ?? '',
      visit_id: input.visit?.id ?? null,
      visited_at: input.visit?.at ?? null,
      device_hash: input.deviceHash ?? null,
      hold_reasons: holdReasons,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['programme_id', 'referee_patient_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', m.text('alreadyReferred'));
  await recordConversion(trx, { orgId, linkId: link.id, patientId: input.refereeId, kind: 'booked', refId: row.id, at });
  if (input.visit) await recordConversion(trx, { orgId, linkId: link.id, patientId: input.refereeId, kind: 'visited', refId: row.id, at: input.visit.at });
  if (programme.trigger === 'booked' || input.visit) {
    await grantRewards(trx, { programme, referral: { id: row.id, referrerPatientId: referrerId, refereePatientId: input.refereeId, holdReasons }, at, userId: input.userId });
  }
  return { id: row.id, holdReasons };
}

/**
 * Marks a booked referral visited (an imported visit, a FHIR encounter, or staff): the status,
 * the visit, the link's `visited` conversion and, for a programme triggered by visits, the
 * rewards. Locks the referral row, so an import and a person acting at once do it once.
 * Returns false when the referral was not booked any more.
 */
export async function markReferralVisited(trx: Db, input: { orgId: string; referralId: string; via: AttributionVia; visitId: string | null; at: Date; userId?: string | null }): Promise<boolean> {
  const referral = await trx
    .selectFrom('referrals')
    .select(['id', 'programme_id', 'link_id', 'status', 'referrer_patient_id', 'referee_patient_id', 'hold_reasons'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.referralId)
    .forUpdate()
    .executeTakeFirst();
  if (!referral || referral.status !== 'booked') return false;
  await trx
    .updateTable('referrals')
    .set({ status: 'visited', visit_id: input.visitId, visited_at: input.at, updated_at: new Date(), note: sql`CASE WHEN note = '' THEN ${'via ' + input.via} ELSE note END` })
    .where('id', '=', referral.id)
    .execute();
  if (referral.link_id) await recordConversion(trx, { orgId: input.orgId, linkId: referral.link_id, patientId: referral.referee_patient_id, kind: 'visited', refId: referral.id, at: input.at });
  const programme = await getProgramme(trx, input.orgId, referral.programme_id);
  if (programme.trigger === 'visited') {
    const fraud = referral.hold_reasons.filter((r): r is FraudReason => (FRAUD_REASONS as readonly string[]).includes(r));
    await grantRewards(trx, {
      programme,
      referral: { id: referral.id, referrerPatientId: referral.referrer_patient_id, refereePatientId: referral.referee_patient_id, holdReasons: fraud },
      at: input.at,
      userId: input.userId,
    });
  }
  return true;
}

import { recordAudit, type AuditBy } from '../audit/index.ts';
import { AppError, badRequest, notFound } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { findLinkByCode } from '../sharing/index.ts';
import { getProgramme } from './programmes.ts';
import { markReferralVisited, recordReferral } from './record-referral.ts';
import { referralsMessages as m } from './referrals.messages.ts';
import { STATUS_ACCOUNT } from './referrals.vocab.ts';
import { postTransfer } from './ledger.ts';

async function latestVisit(db: Db, orgId: string, patientId: string) {
  return db.selectFrom('visits').select(['id', 'started_at']).where('org_id', '=', orgId).where('patient_id', '=', patientId).orderBy('started_at', 'desc').executeTakeFirst();
}

/** Staff attribute a patient to a referral code by hand (the patient named the code at the desk); `visited` also marks the visit. One audit entry. */
export async function attributeByStaff(db: Db, by: AuditBy, input: { patientId: string; code: string; note?: string; visited?: boolean }): Promise<string> {
  const link = await findLinkByCode(db, input.code);
  if (!link || link.orgId !== by.orgId || link.targetKind !== 'referral' || !link.targetId || link.disabledAt) throw badRequest(m.text('unknownCode', { code: input.code }), { field: 'code' });
  const patient = await db.selectFrom('patients').select('id').where('org_id', '=', by.orgId).where('id', '=', input.patientId).executeTakeFirst();
  if (!patient) throw notFound('patient');
  return db.transaction().execute(async (trx) => {
    const programme = await getProgramme(trx, by.orgId, link.targetId!);
    if (programme.status !== 'active') throw badRequest(m.text('programmeNotActive', { status: programme.status }));
    const now = new Date();
    const visit = input.visited ? await latestVisit(trx, by.orgId, patient.id) : null;
    const result = await recordReferral(trx, {
      programme,
      link,
      refereeId: patient.id,
      via: 'staff',
      note: input.note,
      visit: input.visited ? { id: visit?.id ?? null, at: visit?.started_at ?? now } : null,
      userId: by.userId,
      at: now,
    });
    await recordAudit(trx, {
      ...by,
      action: 'referral.attribute',
      targetType: 'referral',
      targetId: result.id,
      details: { code: link.code, visited: !!input.visited, holdReasons: result.holdReasons },
    });
    return result.id;
  });
}

/** Staff mark a booked referral visited (the patient came; the visit is the patient's latest one, if imported). */
export async function markVisitedByStaff(db: Db, by: AuditBy, referralId: string, note?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const referral = await trx.selectFrom('referrals').select(['id', 'status', 'referee_patient_id']).where('org_id', '=', by.orgId).where('id', '=', referralId).executeTakeFirst();
    if (!referral) throw notFound('referral');
    if (referral.status !== 'booked') throw badRequest(m.text('notBooked', { status: referral.status }));
    const visit = await latestVisit(trx, by.orgId, referral.referee_patient_id);
    await markReferralVisited(trx, { orgId: by.orgId, referralId, via: 'staff', visitId: visit?.id ?? null, at: visit?.started_at ?? new Date(), userId: by.userId });
    await recordAudit(trx, { ...by, action: 'referral.attribute', targetType: 'referral', targetId: referralId, details: { visited: true, ...(note ? { note } : {}) } });
  });
}

/** Cancels a referral (the booking fell through): its rewards not yet issued are reversed, each by one balanced transaction. */
export async function cancelReferral(db: Db, by: AuditBy, referralId: string, note?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const referral = await trx.selectFrom('referrals').select(['id', 'status']).where('org_id', '=', by.orgId).where('id', '=', referralId).forUpdate().executeTakeFirst();
    if (!referral) throw notFound('referral');
    if (referral.status === 'cancelled') throw new AppError('conflict', m.text('alreadyCancelled'));
    await trx
      .updateTable('referrals')
      .set({ status: 'cancelled', updated_at: new Date(), ...(note ? { note } : {}) })
      .where('id', '=', referralId)
      .execute();
    const open = await trx
      .selectFrom('rewards')
      .select(['id', 'status', 'patient_id', (eb) => eb.cast<number>('amount', 'float8').as('amount')])
      .where('org_id', '=', by.orgId)
      .where('referral_id', '=', referralId)
      .where('status', 'in', ['earned', 'held'])
      .forUpdate()
      .execute();
    for (const r of open) {
      await trx.updateTable('rewards').set({ status: 'reversed', updated_at: new Date() }).where('id', '=', r.id).execute();
      await postTransfer(trx, {
        orgId: by.orgId,
        rewardId: r.id,
        patientId: r.patient_id,
        from: STATUS_ACCOUNT[r.status],
        to: 'reversed',
        amount: r.amount,
        memo: 'referral cancelled',
        userId: by.userId,
      });
    }
    await recordAudit(trx, { ...by, action: 'referral.cancel', targetType: 'referral', targetId: referralId, details: { reversedRewards: open.length, ...(note ? { note } : {}) } });
  });
}

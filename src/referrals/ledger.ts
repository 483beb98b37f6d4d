import { randomUUID } from 'node:crypto';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { AppError, badRequest, notFound } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { referralsMessages as m } from './referrals.messages.ts';
import { REWARD_ACTIONS, STATUS_ACCOUNT, type LedgerAccount, type RewardAction, type RewardStatus } from './referrals.vocab.ts';

/**
 * The double-entry rewards ledger. A reward's value moves between accounts by one transaction of
 * two entries, −x from the account it leaves and +x to the one it enters, so every transaction
 * sums to zero (the database refuses to commit one that does not) and a reward's whole balance
 * sits in the account of its status. The ledger is append-only: a correction is a reversal.
 */
export async function postTransfer(
  trx: Db,
  input: { orgId: string; rewardId: string; patientId: string | null; from: LedgerAccount; to: LedgerAccount; amount: number; memo: string; userId?: string | null; at?: Date },
): Promise<string> {
  const txnId = randomUUID();
  if (input.amount === 0) return txnId;
  const base = { org_id: input.orgId, txn_id: txnId, reward_id: input.rewardId, patient_id: input.patientId, memo: input.memo, user_id: input.userId ?? null, ...(input.at ? { at: input.at } : {}) };
  await trx
    .insertInto('reward_ledger')
    .values([
      { ...base, account: input.from, amount: -input.amount },
      { ...base, account: input.to, amount: input.amount },
    ])
    .execute();
  return txnId;
}

const AUDIT = { approve: 'reward.approve', refuse: 'reward.refuse', issue: 'reward.issue', redeem: 'reward.redeem', expire: null, reverse: 'reward.reverse' } as const;

/**
 * Moves one reward by a staff action (approve or refuse a held reward, issue, redeem, reverse) or
 * the expiry job: locks the reward row (FOR UPDATE), checks the status it is in now, posts one
 * balanced transaction and records the audit entry, all in one transaction; so two people (or a
 * person and the job) acting at once move it once, and the second is refused with the status it
 * found. Issuing sets the expiry from the programme's `reward_valid_days`.
 */
export async function transitionReward(db: Db, by: AuditBy | null, orgId: string, rewardId: string, action: RewardAction, options: { note?: string; now?: Date } = {}): Promise<RewardStatus> {
  const rule = REWARD_ACTIONS[action];
  const now = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const reward = await trx
      .selectFrom('rewards')
      .select(['id', 'status', 'patient_id', 'programme_id', (eb) => eb.cast<number>('amount', 'float8').as('amount')])
      .where('org_id', '=', orgId)
      .where('id', '=', rewardId)
      .forUpdate()
      .executeTakeFirst();
    if (!reward) throw notFound('reward');
    if (!(rule.from as readonly RewardStatus[]).includes(reward.status)) throw badRequest(m.text('transitionRefused', { status: reward.status, action }), { status: reward.status, action });
    let expiresAt: Date | undefined;
    if (action === 'issue') {
      const programme = await trx.selectFrom('referral_programmes').select('reward_valid_days').where('id', '=', reward.programme_id).executeTakeFirstOrThrow();
      expiresAt = new Date(now.getTime() + programme.reward_valid_days * 86_400_000);
    }
    await trx
      .updateTable('rewards')
      .set({
        status: rule.to,
        updated_at: now,
        ...(expiresAt ? { expires_at: expiresAt } : {}),
        ...(action === 'approve' || action === 'refuse' ? { reviewed_by: by?.userId ?? null, reviewed_at: now, review_note: options.note ?? '' } : {}),
      })
      .where('id', '=', reward.id)
      .execute();
    await postTransfer(trx, {
      orgId,
      rewardId: reward.id,
      patientId: reward.patient_id,
      from: STATUS_ACCOUNT[reward.status],
      to: STATUS_ACCOUNT[rule.to],
      amount: reward.amount,
      memo: options.note ? `${action}: ${options.note}` : action,
      userId: by?.userId ?? null,
      at: now,
    });
    const audit = AUDIT[action];
    if (audit && by)
      await recordAudit(trx, { ...by, action: audit, targetType: 'reward', targetId: reward.id, details: { from: reward.status, to: rule.to, ...(options.note ? { note: options.note } : {}) } });
    return rule.to;
  });
}

/** Expires every issued reward whose validity has passed (the daily job); returns how many. */
export async function expireRewards(db: Db, now = new Date()): Promise<number> {
  const due = await db.selectFrom('rewards').select(['id', 'org_id']).where('status', '=', 'issued').where('expires_at', '<', now).execute();
  let expired = 0;
  for (const r of due) {
    try {
      await transitionReward(db, null, r.org_id, r.id, 'expire', { now });
      expired++;
    } catch (error) {
      // Redeemed or reversed meanwhile: nothing to expire.
      if (!(error instanceof AppError && error.code === 'bad_request')) throw error;
    }
  }
  return expired;
}

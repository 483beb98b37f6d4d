import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { BalanceView, LedgerEntryView, ReferralView, RewardView } from './referrals.schemas.ts';
import type { ReferralStatus, RewardStatus } from './referrals.vocab.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The organisation's referrals, newest first, with filters (programme, status, held only, a name or code). Names only: no contact details. */
export async function listReferrals(
  db: Db,
  orgId: string,
  filters: { programmeId?: string; status?: ReferralStatus; held?: boolean; q?: string; refereeId?: string; referrerId?: string; limit?: number },
): Promise<z.infer<typeof ReferralView>[]> {
  let q = db
    .selectFrom('referrals as r')
    .innerJoin('referral_programmes as p', 'p.id', 'r.programme_id')
    .innerJoin('patients as e', 'e.id', 'r.referee_patient_id')
    .leftJoin('patients as o', 'o.id', 'r.referrer_patient_id')
    .leftJoin('share_links as l', 'l.id', 'r.link_id')
    .select([
      'r.id',
      'r.programme_id',
      'p.name as programme_name',
      'l.code',
      'r.referrer_patient_id',
      'o.name as referrer_name',
      'r.referee_patient_id',
      'e.name as referee_name',
      'r.status',
      'r.via',
      'r.requested_for',
      'r.visited_at',
      'r.hold_reasons',
      'r.note',
      'r.created_at',
    ])
    .where('r.org_id', '=', orgId);
  if (filters.programmeId) q = q.where('r.programme_id', '=', filters.programmeId);
  if (filters.status) q = q.where('r.status', '=', filters.status);
  if (filters.held) q = q.where(sql<boolean>`cardinality(r.hold_reasons) > 0`);
  if (filters.refereeId) q = q.where('r.referee_patient_id', '=', filters.refereeId);
  if (filters.referrerId) q = q.where('r.referrer_patient_id', '=', filters.referrerId);
  if (filters.q) {
    const like = `%${filters.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('e.name', 'ilike', like), eb('o.name', 'ilike', like), eb('l.code', 'ilike', like)]));
  }
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .limit(filters.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    code: r.code,
    referrer: r.referrer_patient_id ? { id: r.referrer_patient_id, name: r.referrer_name ?? '' } : null,
    referee: { id: r.referee_patient_id, name: r.referee_name },
    status: r.status,
    via: r.via,
    requestedFor: iso(r.requested_for),
    visitedAt: iso(r.visited_at),
    holdReasons: r.hold_reasons,
    note: r.note,
    createdAt: r.created_at.toISOString(),
  }));
}

/** Rewards, newest first; by status (the review queue is `held`) or one patient's. */
export async function listRewards(db: Db, orgId: string, filters: { status?: RewardStatus; patientId?: string; limit?: number }): Promise<z.infer<typeof RewardView>[]> {
  let q = db
    .selectFrom('rewards as w')
    .innerJoin('referral_programmes as p', 'p.id', 'w.programme_id')
    .leftJoin('patients as a', 'a.id', 'w.patient_id')
    .select([
      'w.id',
      'w.referral_id',
      'p.name as programme_name',
      'w.patient_id',
      'a.name as patient_name',
      'w.role',
      'w.kind',
      (eb) => eb.cast<number>('w.amount', 'float8').as('amount'),
      'w.unit',
      'w.label',
      'w.status',
      'w.hold_reasons',
      'w.expires_at',
      'w.review_note',
      'w.created_at',
    ])
    .where('w.org_id', '=', orgId);
  if (filters.status) q = q.where('w.status', '=', filters.status);
  if (filters.patientId) q = q.where('w.patient_id', '=', filters.patientId);
  const rows = await q
    .orderBy('w.created_at', 'desc')
    .limit(filters.limit ?? 300)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    referralId: r.referral_id,
    programmeName: r.programme_name,
    patient: r.patient_id ? { id: r.patient_id, name: r.patient_name ?? '' } : null,
    role: r.role,
    kind: r.kind,
    amount: r.amount,
    unit: r.unit,
    label: r.label,
    status: r.status,
    holdReasons: r.hold_reasons,
    expiresAt: iso(r.expires_at),
    reviewNote: r.review_note,
    createdAt: r.created_at.toISOString(),
  }));
}

/** The latest ledger entries (or one reward's), with the reward's kind and unit. */
export async function listLedger(db: Db, orgId: string, filters: { rewardId?: string; limit?: number }): Promise<z.infer<typeof LedgerEntryView>[]> {
  let q = db
    .selectFrom('reward_ledger as g')
    .leftJoin('rewards as w', 'w.id', 'g.reward_id')
    .select(['g.id', 'g.txn_id', 'g.reward_id', 'g.account', (eb) => eb.cast<number>('g.amount', 'float8').as('amount'), 'w.kind', 'w.unit', 'g.memo', 'g.at'])
    .where('g.org_id', '=', orgId);
  if (filters.rewardId) q = q.where('g.reward_id', '=', filters.rewardId);
  const rows = await q
    .orderBy('g.at', 'desc')
    .orderBy('g.txn_id')
    .orderBy('g.amount')
    .limit(filters.limit ?? 200)
    .execute();
  return rows.map((r) => ({ id: r.id, txnId: r.txn_id, rewardId: r.reward_id, account: r.account, amount: r.amount, kind: r.kind, unit: r.unit ?? '', memo: r.memo, at: r.at.toISOString() }));
}

/** The balance of every account per reward kind and unit (funding is negative: what the programmes gave out). */
export async function ledgerBalances(db: Db, orgId: string): Promise<z.infer<typeof BalanceView>[]> {
  const rows = await db
    .selectFrom('reward_ledger as g')
    .innerJoin('rewards as w', 'w.id', 'g.reward_id')
    .select(['g.account', 'w.kind', 'w.unit', sql<number>`sum(g.amount)::float8`.as('balance')])
    .where('g.org_id', '=', orgId)
    .groupBy(['g.account', 'w.kind', 'w.unit'])
    .orderBy('w.kind')
    .orderBy('w.unit')
    .orderBy('g.account')
    .execute();
  return rows.map((r) => ({ account: r.account, kind: r.kind, unit: r.unit, balance: r.balance }));
}

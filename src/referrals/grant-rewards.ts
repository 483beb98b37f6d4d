import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { postTransfer } from './ledger.ts';
import type { ProgrammeRow } from './programmes.ts';
import { STATUS_ACCOUNT, type FraudReason, type HoldReason, type LimitReason, type RewardKind, type RewardRole, type RewardStatus } from './referrals.vocab.ts';

/** Units that are money already: their value is their amount. */
const MONEY_KINDS: RewardKind[] = ['discount_amount', 'gift'];

function unitValue(programme: ProgrammeRow, kind: RewardKind): number {
  return programme.market_rules.unitValues?.[kind] ?? (MONEY_KINDS.includes(kind) ? 1 : 0);
}

interface Planned {
  role: RewardRole;
  patientId: string;
  amount: number;
  status: RewardStatus;
  reasons: HoldReason[];
}

async function yearBounds(db: Db, orgId: string, at: Date): Promise<{ from: Date; to: Date }> {
  const row = await sql<{ from: Date; to: Date }>`
    SELECT (date_trunc('year', ${at}::timestamptz AT TIME ZONE o.timezone) AT TIME ZONE o.timezone) AS "from",
           ((date_trunc('year', ${at}::timestamptz AT TIME ZONE o.timezone) + interval '1 year') AT TIME ZONE o.timezone) AS "to"
    FROM organisations o WHERE o.id = ${orgId}`.execute(db);
  return row.rows[0]!;
}

/** Rewards of a role that count towards a cap: every one not withheld or refused. */
function counted(db: Db, orgId: string, programmeId: string) {
  return db.selectFrom('rewards').where('org_id', '=', orgId).where('programme_id', '=', programmeId).where('status', '<>', 'reversed');
}

/**
 * Makes both rewards of a referral once its trigger (booked or visited) is reached, in the
 * caller's transaction. The programme row is locked first (FOR UPDATE), so the caps are counted
 * with every concurrent grant of the programme already committed.
 *
 * - The programme's limits come first: a patient in a public scheme the programme excludes, a
 *   referrer who never visited when that is required, and a cap (per referrer, per referrer and
 *   calendar year, per programme and year) withhold the reward: it is stored as reversed, its
 *   value posted funding → reversed, the reason kept to show. A nominal-value limit (per item, per
 *   patient and year, valued by the programme's unit values) lowers the amount to the limit, or
 *   withholds it when nothing is left.
 * - Then the fraud checks: any reason on the referral holds BOTH rewards (funding → held) for review.
 * - Otherwise the reward is earned (funding → earned). Staff issue it later.
 */
export async function grantRewards(
  trx: Db,
  input: { programme: ProgrammeRow; referral: { id: string; referrerPatientId: string | null; refereePatientId: string; holdReasons: FraudReason[] }; at?: Date; userId?: string | null },
): Promise<void> {
  const { programme, referral } = input;
  const orgId = programme.org_id;
  const at = input.at ?? new Date();
  const existing = await trx.selectFrom('rewards').select('id').where('org_id', '=', orgId).where('referral_id', '=', referral.id).executeTakeFirst();
  if (existing) return;
  await trx.selectFrom('referral_programmes').select('id').where('id', '=', programme.id).forUpdate().executeTakeFirstOrThrow();
  const year = await yearBounds(trx, orgId, at);
  const patients = await trx
    .selectFrom('patients')
    .select(['id', 'public_scheme'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [referral.refereePatientId, ...(referral.referrerPatientId ? [referral.referrerPatientId] : [])])
    .execute();
  const publicScheme = new Map(patients.map((p) => [p.id, p.public_scheme]));

  const programmeWithheld: LimitReason[] = [];
  if (programme.cap_per_year) {
    const row = await counted(trx, orgId, programme.id)
      .select((eb) => eb.fn.count<string>('referral_id').distinct().as('n'))
      .where('created_at', '>=', year.from)
      .where('created_at', '<', year.to)
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= programme.cap_per_year) programmeWithheld.push('cap_programme_year');
  }

  const plans: Planned[] = [];
  for (const role of ['referrer', 'referee'] as const) {
    const terms = role === 'referrer' ? programme.referrer_reward : programme.referee_reward;
    const patientId = role === 'referrer' ? referral.referrerPatientId : referral.refereePatientId;
    if (!patientId) continue;
    const reasons: HoldReason[] = [...programmeWithheld];
    let amount = terms.amount;
    if (programme.market_rules.excludePublicScheme && publicScheme.get(patientId)) reasons.push('public_scheme');
    if (role === 'referrer') {
      if (programme.eligibility.referrerMustHaveVisited) {
        const visit = await trx.selectFrom('visits').select('id').where('org_id', '=', orgId).where('patient_id', '=', patientId).where('started_at', '<=', at).executeTakeFirst();
        if (!visit) reasons.push('referrer_not_eligible');
      }
      if (programme.cap_per_referrer) {
        const row = await counted(trx, orgId, programme.id)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('role', '=', 'referrer')
          .where('patient_id', '=', patientId)
          .executeTakeFirstOrThrow();
        if (Number(row.n) >= programme.cap_per_referrer) reasons.push('cap_referrer');
      }
      if (programme.cap_per_referrer_year) {
        const row = await counted(trx, orgId, programme.id)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('role', '=', 'referrer')
          .where('patient_id', '=', patientId)
          .where('created_at', '>=', year.from)
          .where('created_at', '<', year.to)
          .executeTakeFirstOrThrow();
        if (Number(row.n) >= programme.cap_per_referrer_year) reasons.push('cap_referrer_year');
      }
    }
    const nominal = programme.market_rules.nominalValue;
    const value = unitValue(programme, terms.kind);
    if (nominal && value > 0 && reasons.length === 0) {
      if (amount * value > nominal.perItem) {
        amount = Math.floor(nominal.perItem / value);
        reasons.push('nominal_item');
      }
      const used = await trx
        .selectFrom('rewards')
        .select(['kind', (eb) => eb.fn.sum<string>('amount').as('total')])
        .where('org_id', '=', orgId)
        .where('patient_id', '=', patientId)
        .where('status', '<>', 'reversed')
        .where('created_at', '>=', year.from)
        .where('created_at', '<', year.to)
        .groupBy('kind')
        .execute();
      const usedValue = used.reduce((sum, u) => sum + Number(u.total) * unitValue(programme, u.kind), 0);
      const left = Math.max(0, nominal.perYear - usedValue);
      if (amount * value > left) {
        amount = Math.floor(left / value);
        if (!reasons.includes('nominal_year')) reasons.push('nominal_year');
      }
      if (amount === 0) reasons.push('nominal_year');
    }
    const withheld = reasons.some((r) => r !== 'nominal_item' && r !== 'nominal_year') || amount === 0;
    const held = !withheld && referral.holdReasons.length > 0;
    plans.push({
      role,
      patientId,
      amount: withheld ? terms.amount : amount,
      status: withheld ? 'reversed' : held ? 'held' : 'earned',
      reasons: [...new Set([...(held ? referral.holdReasons : []), ...reasons])],
    });
  }

  for (const [i, plan] of plans.entries()) {
    const terms = plan.role === 'referrer' ? programme.referrer_reward : programme.referee_reward;
    const reward = await trx
      .insertInto('rewards')
      .values({
        org_id: orgId,
        programme_id: programme.id,
        referral_id: referral.id,
        patient_id: plan.patientId,
        role: plan.role,
        kind: terms.kind,
        amount: plan.amount,
        unit: terms.unit ?? '',
        label: terms.label ?? '',
        status: plan.status,
        hold_reasons: plan.reasons,
        created_at: new Date(at.getTime() + i),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await postTransfer(trx, {
      orgId,
      rewardId: reward.id,
      patientId: plan.patientId,
      from: 'funding',
      to: STATUS_ACCOUNT[plan.status],
      amount: plan.amount,
      memo: plan.status === 'reversed' ? `withheld: ${plan.reasons.join(', ')}` : plan.status === 'held' ? `held: ${plan.reasons.join(', ')}` : 'earned',
      userId: input.userId ?? null,
      at,
    });
  }
}

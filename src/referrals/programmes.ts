import { sql } from 'kysely';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { referralsMessages as m } from './referrals.messages.ts';
import type { ProgrammeInput, ProgrammePatchInput, ProgrammeViewT } from './referrals.schemas.ts';

/** A programme's columns as the rewards and the landing page need them. */
export interface ProgrammeRow {
  id: string;
  org_id: string;
  name: string;
  description: string;
  status: ProgrammeViewT['status'];
  referrer_reward: ProgrammeViewT['referrerReward'];
  referee_reward: ProgrammeViewT['refereeReward'];
  trigger: ProgrammeViewT['trigger'];
  eligibility: ProgrammeViewT['eligibility'];
  cap_per_referrer: number | null;
  cap_per_referrer_year: number | null;
  cap_per_year: number | null;
  reward_valid_days: number;
  starts_on: string | null;
  ends_on: string | null;
  market_rules: ProgrammeViewT['marketRules'];
  created_at: Date;
}

function programmeQuery(db: Db, orgId: string) {
  return db
    .selectFrom('referral_programmes')
    .select([
      'id',
      'org_id',
      'name',
      'description',
      'status',
      'referrer_reward',
      'referee_reward',
      'trigger',
      'eligibility',
      'cap_per_referrer',
      'cap_per_referrer_year',
      'cap_per_year',
      'reward_valid_days',
      sql<string | null>`starts_on::text`.as('starts_on'),
      sql<string | null>`ends_on::text`.as('ends_on'),
      'market_rules',
      'created_at',
    ])
    .where('org_id', '=', orgId);
}

/** One of the organisation's programmes; 404 otherwise. */
export async function getProgramme(db: Db, orgId: string, id: string): Promise<ProgrammeRow> {
  const row = await programmeQuery(db, orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('referral programme');
  return row;
}

function toView(r: ProgrammeRow, referrals: number): ProgrammeViewT {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    status: r.status,
    referrerReward: r.referrer_reward,
    refereeReward: r.referee_reward,
    trigger: r.trigger,
    eligibility: r.eligibility,
    capPerReferrer: r.cap_per_referrer,
    capPerReferrerYear: r.cap_per_referrer_year,
    capPerYear: r.cap_per_year,
    rewardValidDays: r.reward_valid_days,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    marketRules: r.market_rules,
    referrals,
    createdAt: r.created_at.toISOString(),
  };
}

async function countReferrals(db: Db, orgId: string, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('referrals')
    .select(['programme_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('org_id', '=', orgId)
    .where('programme_id', 'in', ids)
    .groupBy('programme_id')
    .execute();
  return new Map(rows.map((r) => [r.programme_id, Number(r.n)]));
}

export async function listProgrammes(db: Db, orgId: string): Promise<ProgrammeViewT[]> {
  const rows = await programmeQuery(db, orgId).orderBy('created_at', 'desc').execute();
  const counts = await countReferrals(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toView(r, counts.get(r.id) ?? 0));
}

export async function programmeView(db: Db, orgId: string, id: string): Promise<ProgrammeViewT> {
  const row = await getProgramme(db, orgId, id);
  return toView(row, (await countReferrals(db, orgId, [id])).get(id) ?? 0);
}

function checkDates(startsOn: string | null | undefined, endsOn: string | null | undefined): void {
  if (startsOn && endsOn && endsOn < startsOn) throw badRequest(m.text('datesOrder', { startsOn, endsOn }), { field: 'endsOn' });
}

function columns(input: ProgrammePatchInput) {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.referrerReward ? { referrer_reward: JSON.stringify(input.referrerReward) } : {}),
    ...(input.refereeReward ? { referee_reward: JSON.stringify(input.refereeReward) } : {}),
    ...(input.trigger ? { trigger: input.trigger } : {}),
    ...(input.eligibility ? { eligibility: JSON.stringify(input.eligibility) } : {}),
    ...(input.capPerReferrer !== undefined ? { cap_per_referrer: input.capPerReferrer } : {}),
    ...(input.capPerReferrerYear !== undefined ? { cap_per_referrer_year: input.capPerReferrerYear } : {}),
    ...(input.capPerYear !== undefined ? { cap_per_year: input.capPerYear } : {}),
    ...(input.rewardValidDays !== undefined ? { reward_valid_days: input.rewardValidDays } : {}),
    ...(input.startsOn !== undefined ? { starts_on: input.startsOn } : {}),
    ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
    ...(input.marketRules ? { market_rules: JSON.stringify(input.marketRules) } : {}),
  };
}

/** Creates a programme (a draft unless a status is given); one audit entry. */
export async function createProgramme(db: Db, by: AuditBy, input: ProgrammeInput): Promise<string> {
  checkDates(input.startsOn, input.endsOn);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('referral_programmes')
      .values({
        org_id: by.orgId,
        name: input.name,
        referrer_reward: JSON.stringify(input.referrerReward),
        referee_reward: JSON.stringify(input.refereeReward),
        eligibility: JSON.stringify(input.eligibility ?? {}),
        market_rules: JSON.stringify(input.marketRules ?? {}),
        cap_per_referrer: input.capPerReferrer ?? null,
        cap_per_referrer_year: input.capPerReferrerYear ?? null,
        cap_per_year: input.capPerYear ?? null,
        created_by: by.userId,
        ...columns({ ...input, referrerReward: undefined, refereeReward: undefined, eligibility: undefined, marketRules: undefined }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { ...by, action: 'referral_programme.create', targetType: 'referral_programme', targetId: row.id, details: { name: input.name } });
    return row.id;
  });
}

/** Changes a programme's fields; one audit entry naming the fields changed. */
export async function updateProgramme(db: Db, by: AuditBy, id: string, input: ProgrammePatchInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await getProgramme(trx, by.orgId, id);
    checkDates(input.startsOn !== undefined ? input.startsOn : current.starts_on, input.endsOn !== undefined ? input.endsOn : current.ends_on);
    const values = columns(input);
    if (Object.keys(values).length) {
      await trx
        .updateTable('referral_programmes')
        .set({ ...values, updated_at: new Date() })
        .where('org_id', '=', by.orgId)
        .where('id', '=', id)
        .execute();
    }
    await recordAudit(trx, { ...by, action: 'referral_programme.update', targetType: 'referral_programme', targetId: id, details: { fields: Object.keys(input) } });
  });
}

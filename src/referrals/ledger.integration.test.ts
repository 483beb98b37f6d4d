import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { auditBy } from '../audit/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { expireRewards, transitionReward } from './ledger.ts';
import { AppError } from '../core/errors.ts';
import { STATUS_ACCOUNT, type RewardAction } from './referrals.vocab.ts';

/*
 * The double-entry rewards ledger: every transition locks the reward and posts one balanced
 * transaction; the database refuses an unbalanced one and any change of an entry; on PostgreSQL
 * many transitions fired at once leave every transaction at zero, each reward's balance in the
 * account of its status, and no reward issued twice.
 */

let app: TestApp;
let admin: TestClient;
let orgId: string;
let programmeId: string;
let code: string;
const by = () => auditBy({ orgId, userId: null as unknown as string, email: 'test' }, null);

async function referAndReward(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = await app.ctx.db
      .insertInto('patients')
      .values({ org_id: orgId, name: `New ${Math.random()}`, phone: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await admin.post('/api/referrals/attribute', { patientId: p.id, code });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  const rewards = await app.ctx.db.selectFrom('rewards').select('id').where('referral_id', 'in', ids).orderBy('created_at').orderBy('role', 'desc').execute();
  return rewards.map((r) => r.id);
}

async function invariants() {
  const unbalanced = await sql<{ txn_id: string }>`SELECT txn_id FROM reward_ledger WHERE org_id = ${orgId} GROUP BY txn_id HAVING sum(amount) <> 0`.execute(app.ctx.db);
  expect(unbalanced.rows).toEqual([]);
  const rewards = await app.ctx.db
    .selectFrom('rewards')
    .select(['id', 'status', (eb) => eb.cast<number>('amount', 'float8').as('amount')])
    .where('org_id', '=', orgId)
    .execute();
  const balances = await sql<{ reward_id: string; account: string; balance: number }>`
    SELECT reward_id, account, sum(amount)::float8 AS balance FROM reward_ledger WHERE org_id = ${orgId} AND account <> 'funding' GROUP BY reward_id, account HAVING sum(amount) <> 0`.execute(
    app.ctx.db,
  );
  for (const r of rewards) {
    const mine = balances.rows.filter((b) => b.reward_id === r.id);
    expect(mine, r.id).toEqual([{ reward_id: r.id, account: STATUS_ACCOUNT[r.status], balance: r.amount }]);
  }
}

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('ledger-clinic');
  admin = await app.userClient(orgId, 'admin');
  programmeId = (
    await admin.post('/api/referral-programmes', {
      name: 'Ledger',
      status: 'active',
      referrerReward: { kind: 'points', amount: 200 },
      refereeReward: { kind: 'discount_percent', amount: 10 },
      trigger: 'booked',
      rewardValidDays: 30,
    })
  ).json().programme.id;
  const referrer = await app.ctx.db.insertInto('patients').values({ org_id: orgId, name: 'Referrer', phone: '+7 900 000 99 99' }).returning('id').executeTakeFirstOrThrow();
  code = (await admin.post(`/api/patients/${referrer.id}/referral-link`, { programmeId })).json().link.code;
});
afterAll(async () => {
  await app?.close();
});

test('each transition posts one balanced transaction; refused moves say the status; balances per account, kind and unit', async () => {
  // The referrer's points, then the new patient's discount.
  const [a, b] = await referAndReward(1);
  for (const action of ['issue', 'redeem'] as const) expect((await admin.post(`/api/rewards/${a}/transition`, { action })).json().status).toBe(action === 'issue' ? 'issued' : 'redeemed');
  const refused = await admin.request({ method: 'POST', url: `/api/rewards/${a}/transition`, payload: { action: 'issue' }, headers: { 'accept-language': 'zh-CN' } });
  expect(refused.statusCode).toBe(400);
  expect(refused.json().error.message).toContain('redeemed');
  expect((await admin.post(`/api/rewards/${b}/transition`, { action: 'reverse', note: 'booked twice' })).json().status).toBe('reversed');
  const ledger = (await admin.get('/api/reward-ledger')).json();
  const txns = new Map<string, number>();
  for (const e of ledger.entries as { txnId: string; amount: number }[]) txns.set(e.txnId, (txns.get(e.txnId) ?? 0) + e.amount);
  expect([...txns.values()].every((v) => v === 0)).toBe(true);
  expect(txns.size).toBe(5);
  const balance = (account: string, kind: string) => (ledger.balances as { account: string; kind: string; balance: number }[]).find((x) => x.account === account && x.kind === kind)?.balance;
  expect([balance('funding', 'points'), balance('redeemed', 'points'), balance('issued', 'points')]).toEqual([-200, 200, 0]);
  expect(balance('reversed', 'discount_percent')).toBe(10);
  await invariants();
});

test('the database refuses an unbalanced transaction and any change of an entry', async () => {
  const [rewardId] = await referAndReward(1);
  await expect(
    app.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('reward_ledger').values({ org_id: orgId, txn_id: crypto.randomUUID(), reward_id: rewardId!, account: 'earned', amount: 5 }).execute();
    }),
  ).rejects.toThrow(/does not balance/);
  await expect(app.ctx.db.updateTable('reward_ledger').set({ memo: 'x' }).where('reward_id', '=', rewardId!).execute()).rejects.toThrow(/cannot be changed/);
});

test('the expiry job moves issued rewards past their validity to expired', async () => {
  const [rewardId] = await referAndReward(1);
  await transitionReward(app.ctx.db, by(), orgId, rewardId!, 'issue');
  expect(await expireRewards(app.ctx.db, new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThanOrEqual(1);
  expect((await app.ctx.db.selectFrom('rewards').select('status').where('id', '=', rewardId!).executeTakeFirstOrThrow()).status).toBe('expired');
  await invariants();
});

test.skipIf(!process.env.DATABASE_URL)(
  'concurrency on PostgreSQL: many transitions at once stay balanced, in the account of their status, never issued twice',
  async () => {
    const rewards = await referAndReward(10);
    // Ten referrals of one referrer in a day: the velocity check held the later ones, so approve races the rest.
    const actions: RewardAction[] = ['approve', 'issue', 'issue', 'approve', 'issue', 'reverse', 'redeem', 'expire', 'issue', 'redeem', 'refuse'];
    const results = await Promise.allSettled(rewards.flatMap((id) => actions.map((action) => transitionReward(app.ctx.db, by(), orgId, id, action))));
    const rejected = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as AppError);
    expect(rejected.length).toBeGreaterThan(0);
    // Every refusal is the status check seeing the move already made (no deadlock, no unbalanced commit).
    expect(rejected.filter((e) => !(e instanceof AppError && e.code === 'bad_request')).map(String)).toEqual([]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled').length;
    const issues = await sql<{ reward_id: string; n: number }>`
    SELECT reward_id, count(*)::int AS n FROM reward_ledger WHERE org_id = ${orgId} AND account = 'issued' AND amount > 0 GROUP BY reward_id HAVING count(*) > 1`.execute(app.ctx.db);
    expect(issues.rows).toEqual([]);
    const moved = await sql<{
      n: number;
    }>`SELECT count(DISTINCT txn_id)::int AS n FROM reward_ledger WHERE org_id = ${orgId} AND reward_id = ANY(${rewards}) AND account <> 'funding' AND amount < 0`.execute(app.ctx.db);
    expect(moved.rows[0]!.n).toBe(fulfilled);
    await invariants();
  },
  60_000,
);

import { afterAll, beforeAll, expect, test } from 'vitest';
import { eventually } from '../notifications/test-receivers.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { wholeOrganisation } from '../core/viewer.ts';
import { leaderboard } from '../views/scorecards/index.ts';
import { seedDemoScorecards } from './demo-scorecards.ts';
import { seedDemo } from './seed-demo.ts';

/**
 * The demo as a working clinic: rules and channels set up, cases in every state of the work with
 * root causes and actions, replies posted after a second person's approval, and its e-mail in the
 * local outbox rather than ~130 failed deliveries.
 */

let app: TestApp;
let orgId: string;

beforeAll(async () => {
  delete process.env.VERITY_SMTP_URL;
  process.env.VERITY_DELIVERY_RETRY_DELAY = '0';
  app = await createTestApp({ workers: true });
  ({ orgId } = await seedDemo(app.ctx, { count: 600, settle: true }));
}, 240_000);
afterAll(async () => {
  await app?.close();
});

test('sets up alert rules and channels, one of them e-mail', async () => {
  const rules = await app.ctx.db.selectFrom('alert_rules').select(['name', 'kind', 'channel_ids']).where('org_id', '=', orgId).execute();
  expect(rules.map((r) => r.kind).sort()).toEqual(['mention', 'mention', 'volume']);
  expect(rules.every((r) => r.channel_ids.length > 0)).toBe(true);
  const kinds = (await app.ctx.db.selectFrom('alert_channels').select('kind').where('org_id', '=', orgId).execute()).map((c) => c.kind).sort();
  expect(kinds).toEqual(['email', 'in_app']);
});

test('holds cases in every step of the work, closed ones with a root cause and an action, answered ones with a posted reply', async () => {
  const cases = await app.ctx.db.selectFrom('cases').select(['id', 'tier', 'status', 'root_cause_id']).where('org_id', '=', orgId).execute();
  const statuses = new Set(cases.map((c) => c.status));
  for (const s of ['new', 'acknowledged', 'investigating', 'handling', 'responded', 'closed']) expect(statuses, s).toContain(s);
  expect(cases.some((c) => c.tier === 'major')).toBe(true);
  expect(cases.filter((c) => c.tier === 'general').length).toBeGreaterThan(cases.filter((c) => c.tier === 'major').length);
  const closed = cases.filter((c) => c.status === 'closed');
  expect(closed.every((c) => c.root_cause_id !== null)).toBe(true);
  const withAction = await app.ctx.db
    .selectFrom('case_actions')
    .select('case_id')
    .where(
      'case_id',
      'in',
      closed.map((c) => c.id),
    )
    .execute();
  expect(new Set(withAction.map((a) => a.case_id)).size).toBe(closed.length);
  const replies = await app.ctx.db.selectFrom('replies as r').innerJoin('cases as c', 'c.id', 'r.case_id').select(['r.status']).where('c.org_id', '=', orgId).execute();
  expect(replies.filter((r) => r.status === 'posted').length).toBeGreaterThan(0);
  expect(replies.filter((r) => r.status === 'ready').length).toBeGreaterThan(0);
});

test('sends its e-mail to the outbox with no failed delivery, and the admin can read it', async () => {
  await eventually(
    async () => {
      const pending = await app.ctx.db.selectFrom('notification_deliveries').select('id').where('org_id', '=', orgId).where('status', '=', 'pending').limit(1).execute();
      return pending.length === 0 ? true : undefined;
    },
    120_000,
    'every delivery made',
  );
  const dead = await app.ctx.db.selectFrom('notification_deliveries').select('id').where('org_id', '=', orgId).where('status', '=', 'dead').execute();
  expect(dead).toEqual([]);
  const admin = await app.userClient(orgId, 'admin', { email: 'outbox-reader@demo.verity.local' });
  const outbox = (await admin.get('/api/mail-outbox')).json();
  expect(outbox.total).toBeGreaterThan(0);
}, 180_000);

test('has indicators, a linked doctor, ranked doctors and one with exactly 12 responses; seeding the scorecards again changes nothing', async () => {
  const db = app.ctx.db;
  const doctor = await db.selectFrom('users as u').innerJoin('staff as s', 's.id', 'u.staff_id').select('s.name').where('u.email', '=', 'doctor@demo.verity.local').executeTakeFirstOrThrow();
  expect(doctor.name).toBe('王建国');
  const board = await leaderboard(db, wholeOrganisation(orgId), { subject: 'staff' }, 'en');
  const ranked = board.entries.filter((e) => e.place !== null);
  expect(ranked.length).toBeGreaterThanOrEqual(4);
  expect(ranked.every((e) => e.responses >= 30 && e.components.quality && e.components.safety)).toBe(true);
  const twelve = board.entries.filter((e) => e.responses === 12);
  expect(twelve.length).toBeGreaterThanOrEqual(1);
  expect(twelve[0]!.notRanked?.message).toBe('not enough responses to rank: 12 of 30');
  expect(await seedDemoScorecards(app.ctx, orgId)).toEqual({ indicators: 0, visits: 0, responses: 0 });
});

import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { seedDemoFollowups } from './demo-followups.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

test('the demo follow-up: default plans, ten fictional enrolments, an urgent task from an out-of-range reading, overdue tasks; idempotent', async () => {
  const orgId = await app.createOrg('demo-fu');
  const first = await seedDemoFollowups(app.ctx, orgId);
  expect(first).toEqual({ plans: 6, enrolments: 10 });
  expect(await seedDemoFollowups(app.ctx, orgId)).toEqual({ plans: 0, enrolments: 0 });
  const db = app.ctx.db;
  const urgent = await db.selectFrom('followup_tasks').select('id').where('org_id', '=', orgId).where('priority', '=', 'urgent').execute();
  expect(urgent).toHaveLength(1);
  const overdue = await db.selectFrom('followup_tasks').select('id').where('org_id', '=', orgId).where('overdue_notified_at', 'is not', null).execute();
  expect(overdue.length).toBeGreaterThan(0);
  expect(await db.selectFrom('followup_enrolments').select('id').where('org_id', '=', orgId).execute()).toHaveLength(10);
});

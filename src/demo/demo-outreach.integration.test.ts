import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { seedDemoOutreach } from './demo-outreach.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

test('seeds about forty fictional patients with visits, invitations sent and skipped under the rules, once', async () => {
  const db = app.ctx.db;
  const orgId = await app.createOrg('demo-outreach');
  const dept = await db.insertInto('departments').values({ org_id: orgId, code: 'GP', name: '全科' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('staff').values({ org_id: orgId, name: '王建国', department_id: dept.id }).execute();
  const first = await seedDemoOutreach(app.ctx, orgId);
  expect(first.accepted).toBeGreaterThanOrEqual(40);
  expect(first.sent).toBeGreaterThan(20);
  const patients = await db.selectFrom('patients').select(['name', 'phone', 'email', 'locale']).where('org_id', '=', orgId).execute();
  expect(patients).toHaveLength(40);
  expect(patients.every((p) => !p.email || p.email.endsWith('@example.test'))).toBe(true);
  expect(new Set(patients.map((p) => p.locale))).toEqual(new Set(['zh-CN', 'ru', 'en']));
  const reasons = (await db.selectFrom('survey_invitations').select('skip_reason').where('org_id', '=', orgId).where('status', '=', 'skipped').execute()).map((r) => r.skip_reason);
  expect(reasons).toEqual(expect.arrayContaining(['contact_window', 'no_contact']));
  expect((await db.selectFrom('sms_outbox').select('id').where('org_id', '=', orgId).execute()).length).toBeGreaterThan(0);
  const again = await seedDemoOutreach(app.ctx, orgId);
  expect(again).toMatchObject({ accepted: 0, sent: 0 });
  expect(await db.selectFrom('patients').select('id').where('org_id', '=', orgId).execute()).toHaveLength(40);
});

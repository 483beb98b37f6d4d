import { afterAll, beforeAll, expect, test } from 'vitest';
import { casesPermissions } from '../cases/cases.permissions.ts';
import { createTestApp, TestClient, type TestApp } from '../test-support/test-app.ts';
import { seedDemo } from './seed-demo.ts';

// The demo's case teams: the demo users on shift with auto-assignment on, so the demo's cases are assigned and everyone who works cases has something in My work.
let app: TestApp;
let orgId: string;

beforeAll(async () => {
  delete process.env.VERITY_SMTP_URL;
  app = await createTestApp({ workers: true });
  ({ orgId } = await seedDemo(app.ctx, { count: 600, settle: true }));
}, 240_000);
afterAll(async () => {
  await app?.close();
});

test('puts every demo user who works cases into a team, on shift, with auto-assignment on', async () => {
  const members = await app.ctx.db
    .selectFrom('team_members as tm')
    .innerJoin('teams as t', 't.id', 'tm.team_id')
    .innerJoin('users as u', 'u.id', 'tm.user_id')
    .select(['t.default_key', 't.auto_assign', 'u.role', 'tm.on_shift'])
    .where('t.org_id', '=', orgId)
    .execute();
  expect(new Set(members.map((m) => m.default_key))).toEqual(new Set(['general', 'major', 'malicious']));
  expect(members.every((m) => m.auto_assign && m.on_shift)).toBe(true);
  const workers = await app.ctx.db
    .selectFrom('users')
    .select('role')
    .where('org_id', '=', orgId)
    .where('role', 'in', [...casesPermissions['cases.work']])
    .execute();
  expect(new Set(members.map((m) => m.role))).toEqual(new Set(workers.map((w) => w.role)));
});

test('assigns the demo’s open cases, and each demo user who works cases has some in My work', async () => {
  const open = await app.ctx.db.selectFrom('cases').select(['assignee_id']).where('org_id', '=', orgId).where('status', '<>', 'closed').execute();
  expect(open.length).toBeGreaterThan(0);
  expect(open.filter((c) => c.assignee_id === null)).toHaveLength(0);
  const users = await app.ctx.db
    .selectFrom('users')
    .select(['email'])
    .where('org_id', '=', orgId)
    .where('role', 'in', [...casesPermissions['cases.work']])
    .execute();
  // Sign in as each of them (every demo user's password is the demo's) and read My work.
  for (const u of users) {
    const client = new TestClient(app.server);
    const login = await client.request({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'verity-demo' } });
    expect(login.statusCode, u.email).toBe(200);
    const work = (await client.get('/api/my-work')).json();
    expect(work.cases.length, u.email).toBeGreaterThan(0);
  }
}, 60_000);

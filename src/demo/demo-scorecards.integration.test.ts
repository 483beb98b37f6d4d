import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedDemo } from './seed-demo.ts';
import { seedDemoScorecards } from './demo-scorecards.ts';
import { leaderboard } from '../views/scorecards/index.ts';
import { wholeOrganisation } from '../core/viewer.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
}, 300_000);
afterAll(async () => {
  await app?.close();
});

test('the demo clinic has indicators, a linked doctor, ranked doctors and one with exactly 12 responses; seeding again changes nothing', async () => {
  const { orgId } = await seedDemo(app.ctx);
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
}, 600_000);

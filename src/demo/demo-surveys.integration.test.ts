import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { seedDemoSurveys } from './demo-surveys.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

test('seeds the four templates as active surveys with links and review links, once', async () => {
  const db = app.ctx.db;
  const orgId = await app.createOrg('demo-surveys');
  for (const code of ['east', 'west'])
    await db
      .insertInto('locations')
      .values({ org_id: orgId, code, name: `Campus ${code}` })
      .execute();
  for (const name of ['Dr. Li', 'Dr. Zhang', 'Dr. Ivanova']) await db.insertInto('staff').values({ org_id: orgId, name }).execute();
  const first = await seedDemoSurveys(app.ctx, orgId);
  expect(first).toEqual({ surveys: 4, links: 2 + 3 + 1 + 2 + 1 });
  const surveys = await db.selectFrom('surveys').select(['template', 'status', 'current_version']).where('org_id', '=', orgId).orderBy('template').execute();
  expect(surveys.map((s) => s.template)).toEqual(['fft', 'inpatient_discharge', 'nps_why', 'outpatient']);
  expect(surveys.every((s) => s.status === 'active' && s.current_version === 1)).toBe(true);
  const settings = await db.selectFrom('survey_settings').select('review_links').where('org_id', '=', orgId).executeTakeFirstOrThrow();
  expect(settings.review_links).toHaveLength(3);
  expect(settings.review_links.every((l) => new URL(l.url).hostname.endsWith('.example'))).toBe(true);
  expect(await seedDemoSurveys(app.ctx, orgId)).toEqual({ surveys: 0, links: 0 });
});

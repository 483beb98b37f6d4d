import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, multipartBody, type TestApp } from '../test-support/test-app.ts';
import { analyzeStaleTables } from './planner-statistics.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

const measured = async (table: string) =>
  Number((await sql<{ reltuples: number }>`SELECT reltuples::float8 AS reltuples FROM pg_class WHERE oid = ${table}::regclass`.execute(app.ctx.db)).rows[0]!.reltuples);

test('a table filled since its statistics were taken is analysed once, and then left alone until it grows again', async () => {
  await sql`CREATE TABLE stats_probe (id int PRIMARY KEY, body text)`.execute(app.ctx.db);
  await sql`INSERT INTO stats_probe SELECT g, repeat('x', 100) FROM generate_series(1, 20000) g`.execute(app.ctx.db);
  // Never measured: the planner would guess (the embedded store has no autovacuum to do it).
  expect(await measured('stats_probe')).toBeLessThan(1);

  expect(await analyzeStaleTables(app.ctx.db)).toContain('public.stats_probe');
  expect(await measured('stats_probe')).toBeGreaterThan(15_000);
  expect(await analyzeStaleTables(app.ctx.db)).not.toContain('public.stats_probe');

  await sql`INSERT INTO stats_probe SELECT g, repeat('y', 100) FROM generate_series(20001, 40000) g`.execute(app.ctx.db);
  expect(await analyzeStaleTables(app.ctx.db)).toContain('public.stats_probe');
  expect(await measured('stats_probe')).toBeGreaterThan(35_000);
});

test('an import of a thousand rows or more leaves the mentions table measured', async () => {
  const orgId = await app.createOrg('stats-import');
  const admin = await app.userClient(orgId, 'admin');
  const lines = ['text,stars'];
  for (let i = 0; i < 3000; i++) lines.push(`"Visit ${i}: the nurse was kind but the wait was long",${(i % 5) + 1}`);
  const mapping = JSON.stringify({ text: 'text', ratingRaw: 'stars' });
  const res = await admin.request({ method: 'POST', url: '/api/imports', ...multipartBody({ mapping }, { name: 'many.csv', content: lines.join('\n') + '\n' }) });
  expect(res.statusCode, res.body).toBe(200);
  expect(await measured('mentions')).toBeGreaterThan(2_000);
});

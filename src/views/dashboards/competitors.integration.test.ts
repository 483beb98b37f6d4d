import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { insertDepartment, insertMentions, insertSource } from './dashboard-fixtures.ts';
import type { Benchmark } from './dashboards.schemas.ts';

let app: TestApp;
let orgId: string;
let admin: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('benchmark');
  admin = await app.userClient(orgId, 'admin');
});
afterAll(async () => app?.close());

test('the sources API takes a competitor’s name, trimmed, and clears it with null', async () => {
  const created = await admin.post('/api/sources', { name: 'Rival reviews', kind: 'push', competitor: '  Rival Clinic ' });
  expect(created.statusCode, created.body).toBe(201);
  const source = created.json().source;
  expect(source.competitor).toBe('Rival Clinic');
  expect((await admin.get('/api/sources')).json().items.find((s: { id: string }) => s.id === source.id).competitor).toBe('Rival Clinic');
  const own = await admin.post('/api/sources', { name: 'Our reviews', kind: 'push', competitor: '   ' });
  expect(own.json().source.competitor).toBeNull();

  const cleared = await admin.request({ method: 'PUT', url: `/api/sources/${source.id}/defaults`, payload: { defaultLocationId: null, defaultDepartmentId: null, competitor: null } });
  expect(cleared.statusCode, cleared.body).toBe(200);
  expect(cleared.json().source.competitor).toBeNull();
  const kept = await admin.request({
    method: 'PUT',
    url: `/api/sources/${own.json().source.id}/defaults`,
    payload: { defaultLocationId: null, defaultDepartmentId: null, competitor: 'Other Clinic' },
  });
  expect(kept.json().source.competitor).toBe('Other Clinic');
  // Left out: unchanged.
  const same = await admin.request({ method: 'PUT', url: `/api/sources/${own.json().source.id}/defaults`, payload: { defaultLocationId: null, defaultDepartmentId: null } });
  expect(same.json().source.competitor).toBe('Other Clinic');

  const long = await admin.post('/api/sources', { name: 'Too long', kind: 'push', competitor: 'x'.repeat(201) });
  expect(long.statusCode).toBe(400);
  expect(long.json().error.message).toContain('competitor must be at most 200 characters');
  await app.ctx.db.deleteFrom('sources').where('org_id', '=', orgId).execute();
});

test('the benchmark puts our own figures first, then each competitor’s', async () => {
  const db = app.ctx.db;
  const cardio = await insertDepartment(db, orgId, 'Cardiology');
  const dental = await insertDepartment(db, orgId, 'Dentistry');
  const own = await insertSource(db, orgId, 'Dianping');
  const alpha = await insertSource(db, orgId, 'Alpha on Dianping', 'Alpha Clinic');
  await insertSource(db, orgId, 'Beta on Meituan', 'Beta Clinic');
  await insertMentions(db, orgId, [
    { sourceId: own, at: '2026-10-03T04:00:00Z', departmentId: cardio, rating: 5, sentiment: 'positive', aspects: [{ aspect: 'staff.attitude', polarity: 'positive' }] },
    { sourceId: own, at: '2026-10-04T04:00:00Z', departmentId: dental, rating: 2, sentiment: 'negative', aspects: [{ aspect: 'billing', polarity: 'negative' }] },
    ...[1, 1, 2, 4].map((rating, i) => ({
      sourceId: alpha,
      at: `2026-10-1${i}T04:00:00Z`,
      rating,
      sentiment: rating < 3 ? ('negative' as const) : ('positive' as const),
      aspects: [{ aspect: 'process.waiting', polarity: rating < 3 ? ('negative' as const) : ('positive' as const) }],
    })),
  ]);
  const res = await admin.get('/api/dashboards/benchmark?from=2026-10-01&to=2026-10-31');
  expect(res.statusCode, res.body).toBe(200);
  const b = res.json() as Benchmark;
  expect(b.entities.map((e) => e.competitor)).toEqual([null, 'Alpha Clinic', 'Beta Clinic']);
  expect(b.entities[0]).toMatchObject({ mentions: 2, ratingAvg: 3.5, ratingCount: 2, positiveShare: 0.5, negativeShare: 0.5 });
  expect(b.entities[1]).toMatchObject({ mentions: 4, ratingAvg: 2, positiveShare: 0.25, negativeShare: 0.75, aspects: [{ aspect: 'process.waiting', total: 4, negative: 3, negativeShare: 0.75 }] });
  expect(b.entities[1]!.negativeInterval!.low).toBeLessThan(0.75);
  expect(b.entities[1]!.trend.find((p) => p.start === '2026-10-10')).toEqual({ start: '2026-10-10', total: 1, ratingAvg: 1 });
  expect(b.entities[2]).toMatchObject({ mentions: 0, ratingAvg: null, positiveShare: null, negativeShare: null, negativeInterval: null, aspects: [] });

  // A department head: our own figures of their department only; the competitors' whole.
  const head = await app.userClient(orgId, 'department_head', { departmentIds: [cardio] });
  const scoped = (await head.get('/api/dashboards/benchmark?from=2026-10-01&to=2026-10-31')).json() as Benchmark;
  expect(scoped.entities.map((e) => e.mentions)).toEqual([1, 4, 0]);
  // The competitors' mentions are in no overview figure.
  const overview = (await admin.get('/api/dashboards/overview?from=2026-10-01&to=2026-10-31')).json();
  expect(overview.mentions.total).toBe(2);
});

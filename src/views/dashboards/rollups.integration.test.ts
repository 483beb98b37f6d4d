import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { directRollups, insertDepartment, insertMentions, insertSource, storedRollups } from './dashboard-fixtures.ts';
import { refreshRollups } from './rollups.ts';

let app: TestApp;
let orgId: string;
let source: string;
let cardio: string;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('rollups');
  await app.ctx.db.updateTable('organisations').set({ timezone: 'Asia/Shanghai' }).where('id', '=', orgId).execute();
  source = await insertSource(app.ctx.db, orgId, 'Dianping');
  cardio = await insertDepartment(app.ctx.db, orgId, 'Cardiology');
});
afterAll(async () => app?.close());

/** The week and month rows equal the daily rows summed by week and month (for both rollup tables). */
async function expectCoarseEqualsDaily() {
  for (const [table, cols] of [
    ['mention_rollups', 'total, positive, neutral, negative, unanalysed, risky, rating_count'],
    ['mention_aspect_rollups', 'total, positive, neutral, negative'],
  ] as const) {
    const key = table === 'mention_aspect_rollups' ? ', aspect' : '';
    const sums = cols
      .split(', ')
      .map((c) => `sum(${c})::int AS ${c}`)
      .join(', ');
    for (const grain of ['week', 'month']) {
      const daily = await sql
        .raw(
          `SELECT date_trunc('${grain}', day)::date::text AS start, location_id, department_id, source_id${key}, ${sums} FROM ${table} WHERE org_id = '${orgId}' GROUP BY 1, 2, 3, 4${key ? ', 5' : ''} ORDER BY 1, 2, 3, 4${key ? ', 5' : ''}`,
        )
        .execute(app.ctx.db);
      const coarse = await sql
        .raw(
          `SELECT day::text AS start, location_id, department_id, source_id${key}, ${sums} FROM ${table}_coarse WHERE org_id = '${orgId}' AND grain = '${grain}' GROUP BY 1, 2, 3, 4${key ? ', 5' : ''} ORDER BY 1, 2, 3, 4${key ? ', 5' : ''}`,
        )
        .execute(app.ctx.db);
      expect(coarse.rows, `${table} ${grain}`).toEqual(daily.rows);
    }
  }
}

const dirtyDays = async () =>
  (
    await app.ctx.db
      .selectFrom('rollup_dirty_days')
      .select(sql<string>`day::text`.as('day'))
      .where('org_id', '=', orgId)
      .orderBy('day')
      .execute()
  ).map((r) => r.day);

test('a refresh makes the rollups equal a GROUP BY over the mentions, through inserts, analysis, updates and deletes', async () => {
  const db = app.ctx.db;
  const ids = await insertMentions(db, orgId, [
    // 17:00 UTC is the next day in Shanghai.
    { sourceId: source, at: '2026-10-01T17:00:00Z', departmentId: cardio, rating: 2, sentiment: 'negative', aspects: [{ aspect: 'process.waiting', polarity: 'negative' }], risks: ['safety'] },
    { sourceId: source, at: '2026-10-01T03:00:00Z', departmentId: cardio, rating: 5, sentiment: 'positive', aspects: [{ aspect: 'staff.attitude', polarity: 'positive' }] },
    {
      sourceId: source,
      at: '2026-10-02T03:00:00Z',
      rating: 3,
      sentiment: 'neutral',
      aspects: [
        { aspect: 'process.waiting', polarity: 'positive' },
        { aspect: 'process.waiting', polarity: 'negative' },
      ],
    },
    { sourceId: source, at: '2026-10-02T04:00:00Z' },
    { sourceId: source, at: '2026-10-03T04:00:00Z', sentiment: 'negative', status: 'dismissed' },
  ]);
  expect(await dirtyDays()).toEqual(['2026-10-01', '2026-10-02', '2026-10-03']);
  expect(await refreshRollups(db, orgId)).toBe(3);
  expect(await dirtyDays()).toEqual([]);
  const first = await storedRollups(db, orgId);
  expect(first).toEqual(await directRollups(db, orgId));
  await expectCoarseEqualsDaily();
  // Hand-checked: 2026-10-02 in Shanghai holds the 17:00 UTC mention and the two of 10-02 UTC morning.
  expect(first.mentions.filter((r) => r.day === '2026-10-02').reduce((n, r) => n + Number(r.total), 0)).toBe(3);
  expect(first.mentions.find((r) => r.day === '2026-10-02' && r.department_id === cardio)).toMatchObject({ total: 1, negative: 1, risky: 1, rating_sum: 2, rating_count: 1 });
  // Two spans about waiting, one negative: one mention counted, as negative.
  expect(first.aspects.find((r) => r.day === '2026-10-02' && r.department_id === null)).toMatchObject({ aspect: 'process.waiting', total: 1, negative: 1, positive: 0 });
  expect(first.mentions.some((r) => r.day === '2026-10-03')).toBe(false);

  // The analysis of the pending one (mixed: counted within negative), a move to another day, a dismissal, a deletion, an undismissal.
  await db
    .updateTable('mentions')
    .set({
      sentiment: 'mixed',
      analysed_at: new Date(),
      analysis: JSON.stringify({ aspects: [{ aspect: 'billing', polarity: 'negative', span: [0, 1] }] }),
      aspects: ['billing', 'billing:negative'],
      risks: [],
    })
    .where('id', '=', ids[3]!)
    .execute();
  await db.updateTable('mentions').set({ published_at: '2026-10-20T02:00:00Z' }).where('id', '=', ids[1]!).execute();
  await db.updateTable('mentions').set({ status: 'dismissed' }).where('id', '=', ids[0]!).execute();
  await db.deleteFrom('mentions').where('id', '=', ids[2]!).execute();
  await db.updateTable('mentions').set({ status: 'triaged' }).where('id', '=', ids[4]!).execute();
  // An update that changes nothing the dashboards read marks no day.
  await refreshRollups(db, orgId);
  await db.updateTable('mentions').set({ to_review: false }).where('id', '=', ids[3]!).execute();
  expect(await dirtyDays()).toEqual([]);

  await db.updateTable('mentions').set({ rating: 4 }).where('id', '=', ids[3]!).execute();
  expect(await dirtyDays()).toEqual(['2026-10-02']);
  await refreshRollups(db, orgId);
  const second = await storedRollups(db, orgId);
  expect(second).toEqual(await directRollups(db, orgId));
  await expectCoarseEqualsDaily();
  expect(second.mentions.map((r) => r.day)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-20'].filter((d) => second.mentions.some((r) => r.day === d)));
  expect(second.mentions.find((r) => r.day === '2026-10-02')).toMatchObject({ total: 1, negative: 1, unanalysed: 0, rating_sum: 4 });
  expect(second.aspects.map((r) => `${r.day} ${r.aspect}`)).toEqual(['2026-10-02 billing', '2026-10-20 staff.attitude']);
});

test('maxDays bounds one refresh; two refreshers at once share the days and never count one twice', async () => {
  const db = app.ctx.db;
  const many = Array.from({ length: 120 }, (_, i) => ({
    sourceId: source,
    at: new Date(Date.UTC(2025, 0, 1 + i, 4)).toISOString(),
    departmentId: i % 2 ? cardio : null,
    sentiment: (['positive', 'neutral', 'negative'] as const)[i % 3],
    aspects: [{ aspect: 'process.waiting', polarity: (['positive', 'neutral', 'negative'] as const)[i % 3]! }],
    rating: (i % 5) + 1,
  }));
  await insertMentions(db, orgId, [...many, ...many.map((m) => ({ ...m, at: m.at.replace('T04', 'T05') }))]);
  expect(await refreshRollups(db, orgId, { maxDays: 10 })).toBe(10);
  expect((await dirtyDays()).length).toBe(110);
  const [a, b] = await Promise.all([refreshRollups(db, orgId), refreshRollups(db, orgId)]);
  expect(a + b).toBe(110);
  expect(await dirtyDays()).toEqual([]);
  expect(await storedRollups(db, orgId)).toEqual(await directRollups(db, orgId));
  // Each day's figure is one row per unit: no day was inserted twice.
  const dup = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (SELECT day, location_id, department_id, source_id FROM mention_rollups WHERE org_id = ${orgId} GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) x`.execute(db);
  expect(dup.rows[0]!.n).toBe(0);
  await expectCoarseEqualsDaily();
});

test('changing the time zone rebuilds every day in the new one', async () => {
  const db = app.ctx.db;
  await db.updateTable('organisations').set({ timezone: 'America/New_York' }).where('id', '=', orgId).execute();
  expect((await dirtyDays()).length).toBeGreaterThan(100);
  await refreshRollups(db);
  expect(await storedRollups(db, orgId)).toEqual(await directRollups(db, orgId));
  await expectCoarseEqualsDaily();
});

import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { insertResponse, insertSurvey } from '../survey-reports/report-fixtures.ts';
import { insertDepartment, insertLocation, insertMentions, insertSource, type FixtureMention } from './dashboard-fixtures.ts';
import type { Heatmap, Overview } from './dashboards.schemas.ts';

let app: TestApp;
let orgId: string;
let admin: TestClient;
let cardioHead: TestClient;
let cardio: string;
let dental: string;
let east: string;
let own: string;
let rival: string;

const PERIOD = 'from=2026-10-01&to=2026-10-31';
const waitingBad = [{ aspect: 'process.waiting', polarity: 'negative' as const }];

/*
 * The organisation is in Shanghai (UTC+8). October 2026 there holds, of our own source:
 *   Cardiology (East): 4 negative about waiting (ratings 1, 2, 1, 2), 2 positive about attitude (5, 5),
 *     and one negative about waiting at 2026-09-30T17:00Z (October 1st in Shanghai): 7 mentions, 5 about waiting.
 *   Dentistry: 1 negative about billing (rating 3), 2 neutral without aspects: 3 mentions.
 * Left out: a dismissed negative of Cardiology about waiting, a negative at 2026-10-31T17:00Z (November 1st
 * in Shanghai), and 5 negatives about waiting of a competitor's source in Cardiology.
 */
beforeAll(async () => {
  app = await createTestApp();
  const db = app.ctx.db;
  orgId = await app.createOrg('overview');
  await db.updateTable('organisations').set({ timezone: 'Asia/Shanghai' }).where('id', '=', orgId).execute();
  admin = await app.userClient(orgId, 'admin');
  cardio = await insertDepartment(db, orgId, 'Cardiology');
  dental = await insertDepartment(db, orgId, 'Dentistry');
  east = await insertLocation(db, orgId, 'East');
  cardioHead = await app.userClient(orgId, 'department_head', { departmentIds: [cardio] });
  own = await insertSource(db, orgId, 'Dianping');
  rival = await insertSource(db, orgId, 'Rival on Dianping', 'Rival Clinic');
  const c = (m: Partial<FixtureMention>): FixtureMention => ({ sourceId: own, at: '2026-10-10T04:00:00Z', departmentId: cardio, locationId: east, ...m });
  await insertMentions(db, orgId, [
    ...[1, 2, 1, 2].map((rating, i) => c({ at: `2026-10-${10 + i}T04:00:00Z`, rating, sentiment: 'negative', aspects: waitingBad, risks: i === 0 ? ['safety'] : [] })),
    ...[0, 1].map((i) => c({ at: `2026-10-2${i}T04:00:00Z`, rating: 5, sentiment: 'positive', aspects: [{ aspect: 'staff.attitude', polarity: 'positive' }] })),
    c({ at: '2026-09-30T17:00:00Z', sentiment: 'negative', aspects: waitingBad }),
    c({ sentiment: 'negative', aspects: waitingBad, status: 'dismissed' }),
    c({ at: '2026-10-31T17:00:00Z', sentiment: 'negative', aspects: waitingBad }),
    ...[0, 1, 2, 3, 4].map((i) => c({ sourceId: rival, at: `2026-10-0${i + 2}T04:00:00Z`, sentiment: 'negative', aspects: waitingBad, rating: 1 })),
    { sourceId: own, at: '2026-10-05T04:00:00Z', departmentId: dental, rating: 3, sentiment: 'negative', aspects: [{ aspect: 'billing', polarity: 'negative' }] },
    { sourceId: own, at: '2026-10-06T04:00:00Z', departmentId: dental, sentiment: 'neutral' },
    { sourceId: own, at: '2026-10-07T04:00:00Z', departmentId: dental, sentiment: 'neutral' },
  ]);
  // NPS: 3 promoters and 1 detractor in Cardiology, 2 detractors in Dentistry (too few for a figure: n only).
  const survey = await insertSurvey(db, orgId);
  for (const [nps, departmentId] of [
    [10, cardio],
    [9, cardio],
    [9, cardio],
    [3, cardio],
    [2, dental],
    [1, dental],
  ] as const) {
    await insertResponse(db, orgId, { surveyId: survey, submittedAt: '2026-10-15T04:00:00Z', nps, departmentId });
  }
  // Cases: Cardiology's answered in time and still open; Dentistry's answered late and closed in the period.
  const caseRow = (number: number, departmentId: string, tier: 'major' | 'general', respondedAt: string, closed: boolean) => ({
    org_id: orgId,
    number,
    title: `case ${number}`,
    tier,
    department_id: departmentId,
    opened_at: new Date('2026-10-12T01:00:00Z'),
    first_response_due_at: '2026-10-12T05:00:00Z',
    resolution_due_at: closed ? '2026-10-20T05:00:00Z' : '2020-01-01T00:00:00Z',
    responded_at: respondedAt,
    status: closed ? ('closed' as const) : ('handling' as const),
    closed_at: closed ? '2026-10-14T05:00:00Z' : null,
  });
  await db
    .insertInto('cases')
    .values([caseRow(1, cardio, 'major', '2026-10-12T03:00:00Z', false), caseRow(2, dental, 'general', '2026-10-12T09:00:00Z', true)])
    .execute();
});
afterAll(async () => app?.close());

async function overview(client: TestClient, query: string): Promise<Overview> {
  const res = await client.get(`/api/dashboards/overview?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Overview;
}

test('the overview counts our own mentions of the period in the organisation’s days, by source and day', async () => {
  const o = await overview(admin, PERIOD);
  expect(o.period).toEqual({ from: '2026-10-01', to: '2026-10-31', timezone: 'Asia/Shanghai', bucket: 'day' });
  expect(o.mentions).toMatchObject({ total: 10, negative: 6, negativeShare: 0.6, ratingCount: 7, ratingAvg: 2.71, risky: 1 });
  expect(o.mentions!.negativeInterval.low).toBeLessThan(0.6);
  expect(o.mentions!.negativeInterval.high).toBeGreaterThan(0.6);
  expect(o.mentions!.bySource).toEqual([{ sourceId: own, name: 'Dianping', platform: 'dianping', total: 10, negative: 6 }]);
  expect(o.mentions!.trend).toHaveLength(31);
  expect(o.mentions!.trend[0]).toMatchObject({ start: '2026-10-01', total: 1, negative: 1 });
  expect(o.mentions!.trend.find((p) => p.start === '2026-10-10')).toMatchObject({ total: 1, negative: 1, ratingAvg: 1, ratingCount: 1 });
  expect(o.nps).toMatchObject({ n: 6, nps: null });
  expect(o.sla).toMatchObject({ due: 2, met: 1, share: 0.5, overdueNow: 1 });
  expect(o.cases!.open).toBe(1);
  expect(o.cases!.byTier).toEqual([
    { tier: 'general', open: 0, opened: 1 },
    { tier: 'major', open: 1, opened: 1 },
    { tier: 'malicious', open: 0, opened: 0 },
  ]);
  expect(o.cases!.byStatus.filter((s) => s.count)).toEqual([
    { status: 'handling', count: 1 },
    { status: 'closed', count: 1 },
  ]);
  // No alerts, follow-ups or referrals here: "no data yet", not zeros.
  expect(o.alerts).toBeNull();
  expect(o.followups).toBeNull();
  expect(o.referrals).toBeNull();

  const weekly = await overview(admin, `${PERIOD}&bucket=week`);
  expect(weekly.mentions!.trend.map((p) => p.start)).toEqual(['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26']);
  expect(weekly.mentions!.trend.reduce((n, p) => n + p.total, 0)).toBe(10);
  // A year reads whole months from the coarse rollups, the edges from weeks and days: the same mentions.
  const year = await overview(admin, 'from=2025-12-30&to=2026-12-31');
  expect(year.period.bucket).toBe('month');
  expect(year.mentions).toMatchObject({ total: 11, negative: 7 });
  expect(year.mentions!.trend.find((p) => p.start === '2026-10-01')).toMatchObject({ total: 10, negative: 6 });
  expect(year.mentions!.trend.find((p) => p.start === '2026-11-01')).toMatchObject({ total: 1, negative: 1 });
  expect((await overview(admin, 'from=2026-09-20&to=2026-11-10&bucket=day')).mentions).toMatchObject({ total: 11, negative: 7 });
  expect((await overview(admin, 'from=2026-09-20&to=2026-11-10&bucket=week')).mentions).toMatchObject({ total: 11, negative: 7 });
  expect((await overview(admin, `${PERIOD}&department=${dental}`)).mentions).toMatchObject({ total: 3, negative: 1 });
  expect((await overview(admin, `${PERIOD}&location=${east}`)).mentions).toMatchObject({ total: 7, negative: 5 });
});

test('a department head sees only their departments’ mentions, answers and cases', async () => {
  const o = await overview(cardioHead, PERIOD);
  expect(o.mentions).toMatchObject({ total: 7, negative: 5 });
  expect(o.nps).toMatchObject({ n: 4 });
  expect(o.sla).toMatchObject({ due: 1, met: 1 });
  expect(o.cases!.byTier.find((t) => t.tier === 'general')).toEqual({ tier: 'general', open: 0, opened: 0 });
  // Asking for another department shows nothing of it.
  const other = await overview(cardioHead, `${PERIOD}&department=${dental}`);
  expect([other.mentions, other.nps, other.sla, other.cases]).toEqual([null, null, null, null]);
});

test('every tile is null for a period without data, and a read after a change shows it', async () => {
  const empty = await overview(admin, 'from=2020-01-01&to=2020-01-31');
  expect([empty.mentions, empty.nps, empty.alerts, empty.followups]).toEqual([null, null, null, null]);
  // Cardiology's case is open and overdue now, whatever the period.
  expect(empty.sla).toMatchObject({ due: 0, met: 0, overdueNow: 1 });
  expect(empty.cases).toMatchObject({ open: 1 });
  await insertMentions(app.ctx.db, orgId, [{ sourceId: own, at: '2020-01-05T04:00:00Z', sentiment: 'positive' }]);
  expect((await overview(admin, 'from=2020-01-01&to=2020-01-31')).mentions).toMatchObject({ total: 1, negative: 0 });
});

test('reads at the same moment all see a change, also the ones that did not refresh it themselves', async () => {
  await insertMentions(app.ctx.db, orgId, [{ sourceId: own, at: '2020-03-05T04:00:00Z', sentiment: 'negative' }]);
  // Several reads arrive together (a page's tiles, a report): on PostgreSQL each has its own
  // connection, and those beside the one refreshing the day wait for it instead of reading before it.
  const reads = await Promise.all([1, 2, 3, 4].map(() => overview(admin, 'from=2020-03-01&to=2020-03-31')));
  for (const read of reads) expect(read.mentions).toMatchObject({ total: 1, negative: 1 });
});

test('a bad period is refused with a message naming it', async () => {
  const res = await admin.get('/api/dashboards/overview?from=2026-10-31&to=2026-10-01');
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toContain('2026-10-31');
  expect((await admin.get('/api/dashboards/overview?from=2026-13-01')).statusCode).toBe(400);
});

async function heatmap(client: TestClient, query: string): Promise<Heatmap> {
  const res = await client.get(`/api/dashboards/heatmap?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Heatmap;
}

test('the heat map crosses aspects with departments, most negative aspect first, and greys thin cells', async () => {
  const h = await heatmap(admin, `${PERIOD}&minMentions=3`);
  expect(h.rows).toEqual([
    { id: cardio, name: 'Cardiology', total: 7 },
    { id: dental, name: 'Dentistry', total: 3 },
  ]);
  expect(h.aspects).toEqual(['process.waiting', 'billing', 'staff.attitude']);
  expect(h.cells).toEqual([
    { rowId: cardio, aspect: 'process.waiting', total: 5, positive: 0, negative: 5, negativeShare: 1, net: -1, interval: expect.objectContaining({ high: 1 }), sparse: false },
    { rowId: cardio, aspect: 'staff.attitude', total: 2, positive: 2, negative: 0, negativeShare: null, net: null, interval: null, sparse: true },
    { rowId: dental, aspect: 'billing', total: 1, positive: 0, negative: 1, negativeShare: null, net: null, interval: null, sparse: true },
  ]);
  const byLocation = await heatmap(admin, `${PERIOD}&by=location`);
  expect(byLocation.rows).toEqual([
    { id: east, name: 'East', total: 7 },
    { id: null, name: null, total: 3 },
  ]);
  const scoped = await heatmap(cardioHead, PERIOD);
  expect(scoped.rows.map((r) => r.id)).toEqual([cardio]);
  expect(scoped.aspects).toEqual(['process.waiting', 'staff.attitude']);
});

test('a heat-map cell’s link lists exactly the mentions it counts', async () => {
  const h = await heatmap(admin, PERIOD);
  for (const cell of h.cells) {
    const res = await admin.get(`/api/mentions?department=${cell.rowId}&aspect=${cell.aspect}&from=${h.period.from}&to=${h.period.to}&hideDismissed=true`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total, `${cell.rowId} ${cell.aspect}`).toBe(cell.total);
  }
  // The dismissed one is still in the inbox without hideDismissed; the competitor's only under its source.
  expect((await admin.get(`/api/mentions?department=${cardio}&aspect=process.waiting&${PERIOD}`)).json().total).toBe(6);
  expect((await admin.get(`/api/mentions?source=${rival}`)).json().total).toBe(5);
  expect((await admin.get(`/api/mentions?aspect=process.waiting`)).json().total).toBe(7);
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/database.ts';
import { createTestApp, multipartBody, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { insertDepartment, insertResponse, insertStaff, insertSurvey } from '../survey-reports/report-fixtures.ts';

let app: TestApp;
let db: Db;
let orgId: string;
let admin: TestClient;
let cardio: string;
let dental: string;
let drA: string;
let drB: string;
let drC: string;
let drD: string;
let foreignStaff: string;
let sourceId: string;

const AT = '2026-10-20T10:00:00Z';
const PERIOD = 'from=2026-10-01&to=2026-11-30';
const comm = (v: number) => ({ comm: { listening: v, clarity: v, shared_decisions: v, privacy: v } });

/*
 * Dr A (Cardiology): 40 responses (36 promoters, 4 detractors: NPS 80), communication 4 on every
 * dimension, 100 visits, 10 praise and 1 complaint, complications 4/400 and incidents 0/400.
 * Dr B (Cardiology): 35 responses (10 promoters, 10 passives, 15 detractors: NPS −14.3), communication 2,
 * 100 visits, 2 praise and 8 complaints, complications 40/400 and incidents 20/400.
 * Dr C (Dentistry): 12 responses, 50 visits, 3 praise, no indicators. Dr D: nothing.
 */
beforeAll(async () => {
  app = await createTestApp();
  db = app.ctx.db;
  orgId = await app.createOrg('scores');
  admin = await app.userClient(orgId, 'admin');
  const survey = await insertSurvey(db, orgId);
  cardio = await insertDepartment(db, orgId, 'cardio', 'Cardiology');
  dental = await insertDepartment(db, orgId, 'dent', 'Dentistry');
  drA = await insertStaff(db, orgId, cardio, 'Able');
  drB = await insertStaff(db, orgId, cardio, 'Baker');
  drC = await insertStaff(db, orgId, dental, 'Cole');
  drD = await insertStaff(db, orgId, dental, 'Dunn');
  const other = await app.createOrg('other-scores');
  foreignStaff = await insertStaff(db, other, await insertDepartment(db, other, 'x', 'X'), 'Dr Foreign');

  const respond = async (staffId: string, departmentId: string, nps: number, c: number) =>
    insertResponse(db, orgId, { surveyId: survey, submittedAt: AT, nps, staffId, departmentId, answers: { nps, ...comm(c) } });
  for (let i = 0; i < 40; i++) await respond(drA, cardio, i < 36 ? 10 : 3, 4);
  for (let i = 0; i < 35; i++) await respond(drB, cardio, i < 10 ? 9 : i < 20 ? 7 : 2, 2);
  for (let i = 0; i < 12; i++) await respond(drC, dental, 9, 3);

  const patient = (await db.insertInto('patients').values({ org_id: orgId, name: 'Test Patient', external_id: 'MRN-S' }).returning('id').executeTakeFirstOrThrow()).id;
  const visits = (staffId: string, departmentId: string, n: number) =>
    db
      .insertInto('visits')
      .values(Array.from({ length: n }, () => ({ org_id: orgId, patient_id: patient, source: 'manual' as const, staff_id: staffId, department_id: departmentId, ended_at: AT })))
      .execute();
  await visits(drA, cardio, 100);
  await visits(drB, cardio, 100);
  await visits(drC, dental, 50);

  sourceId = (await db.insertInto('sources').values({ org_id: orgId, name: 'Reviews', kind: 'file', platform: 'dianping' }).returning('id').executeTakeFirstOrThrow()).id;
  const competitor = (await db.insertInto('sources').values({ org_id: orgId, name: 'Rival', kind: 'file', platform: 'dianping', competitor: 'Rival' }).returning('id').executeTakeFirstOrThrow()).id;
  let k = 0;
  const mentions = (staffId: string, departmentId: string, sentiment: 'positive' | 'negative', n: number, text?: string, author?: string, source = sourceId) =>
    db
      .insertInto('mentions')
      .values(
        Array.from({ length: n }, () => {
          const key = `m-${++k}`;
          return {
            org_id: orgId,
            source_id: source,
            kind: 'review' as const,
            external_key: key,
            content_hash: key,
            text: text ?? `A mention about the visit number ${key}`,
            author_handle: author ?? null,
            published_at: AT,
            department_id: departmentId,
            sentiment,
            staff_ids: [staffId],
          };
        }),
      )
      .execute();
  await mentions(drA, cardio, 'positive', 10);
  await mentions(drA, cardio, 'negative', 1);
  await mentions(drB, cardio, 'positive', 2);
  await mentions(drB, cardio, 'negative', 8);
  await mentions(drC, dental, 'positive', 3, 'Dr Cole was so kind to me, thank you — Jane Roe', 'Jane Roe');
  // A competitor's praise never counts.
  await mentions(drC, dental, 'positive', 5, undefined, undefined, competitor);

  const indicator = (staffId: string, indicator: 'complication_rate' | 'incident_rate', events: number) =>
    db
      .insertInto('quality_indicators')
      .values({ org_id: orgId, period_start: '2026-10-01', period_end: '2026-10-31', department_id: cardio, staff_id: staffId, indicator, events, exposures: 400 })
      .execute();
  await indicator(drA, 'complication_rate', 4);
  await indicator(drA, 'incident_rate', 0);
  await indicator(drB, 'complication_rate', 40);
  await indicator(drB, 'incident_rate', 20);

  // Dr A's complaint became a case closed (resolved) before its deadline; Dr B's is open past it.
  const caseFor = async (staffId: string, number: number, closed: boolean) => {
    const mention = await db
      .selectFrom('mentions')
      .select('id')
      .where('org_id', '=', orgId)
      .where('sentiment', '=', 'negative')
      .where(sql<boolean>`${staffId}::uuid = ANY(staff_ids)`)
      .executeTakeFirstOrThrow();
    const c = await db
      .insertInto('cases')
      .values({
        org_id: orgId,
        number,
        title: 'Complaint',
        tier: 'general',
        department_id: cardio,
        origin_mention_id: mention.id,
        opened_at: new Date(AT),
        first_response_due_at: new Date('2026-10-21T10:00:00Z'),
        resolution_due_at: new Date('2026-10-27T10:00:00Z'),
        ...(closed ? { status: 'closed' as const, outcome: 'resolved' as const, closed_at: new Date('2026-10-22T10:00:00Z') } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('case_mentions').values({ case_id: c.id, mention_id: mention.id }).execute();
  };
  await caseFor(drA, 1, true);
  await caseFor(drB, 2, false);
});

afterAll(async () => {
  await app.close();
});

const entryOf = (body: { entries: { id: string }[] }, id: string) => body.entries.find((e) => e.id === id) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON body read field by field

describe('the leaderboard', () => {
  test('scores, counts, intervals and places by separation', async () => {
    const res = await admin.get(`/api/scorecards/leaderboard?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.minSample).toBe(30);
    expect(body.entries.map((e: { id: string }) => e.id).slice(0, 2)).toEqual([drA, drB]);
    const a = entryOf(body, drA);
    const b = entryOf(body, drB);
    expect(a.counts).toMatchObject({ praise: 10, complaints: 1, visits: 100, praisePer100Visits: { per100: 10 }, complaintsPer100Visits: { per100: 1 } });
    expect(a.counts.nps).toMatchObject({ n: 40, promoters: 36, detractors: 4, nps: 80 });
    expect(a.components.nps.score).toBe(90);
    expect(a.components.communication.score).toBe(100);
    // Reference complications 44/800 = 5.5 %; Dr A's 1 % scores 100 − 50 × 1 / 5.5 = 90.9.
    expect(a.components.quality.score).toBe(90.9);
    expect(a.counts.cases).toMatchObject({ total: 1, resolved: 1, inTime: 1 });
    expect(a.components.cases.score).toBe(100);
    expect(b.counts.cases).toMatchObject({ total: 1, open: 1, overdue: 1 });
    expect(b.components.cases.score).toBe(0);
    expect(b.counts.nps.nps).toBe(-14.3);
    expect(a.score.interval.low).toBeGreaterThan(b.score.interval.high);
    expect(a).toMatchObject({ place: 1, group: 1, star: true, notRanked: null, dropped: [] });
    expect(b).toMatchObject({ place: 2, group: 2, star: false });
    expect(body.groups).toBe(2);
    for (const e of [a, b]) expect(e.score.interval.low).toBeLessThanOrEqual(e.score.score);
  });

  test('nobody below the minimum sample is ranked, and says why', async () => {
    const body = (await admin.get(`/api/scorecards/leaderboard?${PERIOD}`)).json();
    const c = entryOf(body, drC);
    expect(c).toMatchObject({ responses: 12, place: null, star: false, notRanked: { reason: 'too_few_responses', message: 'not enough responses to rank: 12 of 30' } });
    // No indicators: quality and safety drop out and the others' weights renormalise to 1.
    expect(c.dropped).toEqual(expect.arrayContaining(['quality', 'safety']));
    expect(Object.values(c.weightsUsed as Record<string, number>).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 2);
    expect(c.counts.praise).toBe(3);
    expect(entryOf(body, drD)).toMatchObject({ responses: 0, place: null, score: null });
    const ru = (await admin.request({ method: 'GET', url: `/api/scorecards/leaderboard?${PERIOD}`, headers: { 'accept-language': 'ru' } })).json();
    expect(entryOf(ru, drC).notRanked.message).toBe('мало ответов для рейтинга: 12 из 30');
  });

  test('praise quotes are masked of the patient name', async () => {
    const c = entryOf((await admin.get(`/api/scorecards/leaderboard?${PERIOD}`)).json(), drC);
    // Three mentions with the same words are one quote.
    expect(c.quotes).toHaveLength(1);
    expect(c.quotes[0].text).toContain('Dr Cole');
    expect(c.quotes[0].text).not.toContain('Jane Roe');
  });

  test('departments are scored on their own rows', async () => {
    const body = (await admin.get(`/api/scorecards/leaderboard?${PERIOD}&subject=department`)).json();
    const card = entryOf(body, cardio);
    expect(card.responses).toBe(75);
    expect(card.counts.visits).toBe(200);
    // The department's indicators are its staff members' rows summed (it has none of its own).
    expect(card.counts.indicators.find((i: { indicator: string }) => i.indicator === 'complication_rate')).toMatchObject({ events: 44, exposures: 800 });
  });
});

describe('who sees which scorecard', () => {
  let doctor: TestClient;
  test('a doctor linked to a roster entry sees their own scorecard and nobody else’s', async () => {
    doctor = await app.userClient(orgId, 'staff', { email: 'cole@scores.test' });
    const users = (await admin.get('/api/users')).json().items as { id: string; email: string }[];
    const id = users.find((u) => u.email === 'cole@scores.test')!.id;
    const linked = await admin.patch(`/api/users/${id}`, { staffId: drC });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().user.staffId).toBe(drC);
    expect((await doctor.get('/api/auth/me')).json().user.staffId).toBe(drC);

    const me = await doctor.get(`/api/scorecards/me?${PERIOD}`);
    expect(me.statusCode).toBe(200);
    expect(me.json().entry).toMatchObject({ id: drC, responses: 12, place: null });
    expect(me.json().trend).toHaveLength(6);
    expect((await doctor.get(`/api/scorecards/staff/${drC}?${PERIOD}`)).statusCode).toBe(200);
    const other = await doctor.get(`/api/scorecards/staff/${drA}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe('You may see only your own scorecard');
    expect((await doctor.get(`/api/scorecards/staff/${foreignStaff}`)).statusCode).toBe(404);
    expect((await doctor.get('/api/scorecards/leaderboard')).statusCode).toBe(403);
    expect((await doctor.get(`/api/scorecards/departments/${dental}`)).statusCode).toBe(403);
  });

  test('a roster entry is linked to one user only, of the same organisation', async () => {
    const users = (await admin.get('/api/users')).json().items as { id: string; email: string }[];
    const adminId = users.find((u) => u.email !== 'cole@scores.test')!.id;
    const taken = await admin.patch(`/api/users/${adminId}`, { staffId: drC });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe('the roster entry Cole is already linked to the user cole@scores.test');
    expect((await admin.patch(`/api/users/${adminId}`, { staffId: foreignStaff })).statusCode).toBe(400);
  });

  test('a user without a roster entry has no own scorecard', async () => {
    const nurse = await app.userClient(orgId, 'staff');
    const res = await nurse.get('/api/scorecards/me');
    expect(res.statusCode).toBe(404);
    expect((await nurse.get(`/api/scorecards/staff/${drC}`)).statusCode).toBe(403);
  });

  test('a department head sees only their departments’ staff and departments', async () => {
    const head = await app.userClient(orgId, 'department_head', { departmentIds: [dental] });
    const body = (await head.get(`/api/scorecards/leaderboard?${PERIOD}`)).json();
    expect(body.entries.map((e: { id: string }) => e.id).sort()).toEqual([drC, drD].sort());
    expect((await head.get(`/api/scorecards/staff/${drA}`)).statusCode).toBe(403);
    expect((await head.get(`/api/scorecards/staff/${drC}?${PERIOD}`)).statusCode).toBe(200);
    expect((await head.get(`/api/scorecards/departments/${cardio}`)).statusCode).toBe(403);
    expect((await head.get(`/api/scorecards/departments/${dental}?${PERIOD}`)).statusCode).toBe(200);
  });
});

describe('settings', () => {
  test('weights must be 0 or more and sum above 0; the board uses them', async () => {
    const put = (weights: Record<string, number>, minSample = 30, client = admin) => client.request({ method: 'PUT', url: '/api/scorecards/settings', payload: { weights, minSample } });
    const zero = { quality: 0, safety: 0, communication: 0, nps: 0, praise: 0, complaints: 0, cases: 0 };
    const negative = await put({ ...zero, nps: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.message).toBe('The weight of nps must be 0 or more (got -1)');
    expect((await put(zero)).json().error.message).toBe('At least one weight must be above 0');
    const service = await app.userClient(orgId, 'service');
    expect((await put({ ...zero, nps: 1 }, 30, service)).statusCode).toBe(403);
    const ok = await put({ ...zero, nps: 1 }, 10);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().settings).toMatchObject({ minSample: 10, defaults: false, weights: { nps: 1, quality: 0 } });
    const body = (await admin.get(`/api/scorecards/leaderboard?${PERIOD}`)).json();
    const c = entryOf(body, drC);
    // Only NPS weighs now, and 12 responses reach the minimum of 10: Dr C is ranked on NPS alone.
    expect(c.notRanked).toBeNull();
    expect(c.score.score).toBe(c.components.nps.score);
    const defaults = { quality: 0.3, safety: 0.25, communication: 0.15, nps: 0.1, praise: 0.05, complaints: 0.1, cases: 0.05 };
    expect((await put(defaults, 30)).statusCode).toBe(200);
  });
});

describe('the indicator import', () => {
  const upload = (content: string, client = admin) =>
    client.request({ method: 'POST', url: '/api/scorecards/indicators/import', ...multipartBody({}, { name: 'indicators.csv', content, type: 'text/csv' }) });

  test('Chinese headers with a BOM: good rows kept, each bad row named by row and column', async () => {
    const csv = [
      '\uFEFF周期开始,周期结束,科室,员工,指标,事件数,分母',
      '2026-11-01,2026-11-30,dent,Cole,感染率,1,200',
      '2026-11-01,2026-11-30,Dentistry,,readmission_rate,3,150',
      '2026-11-31,2026-11-30,dent,,incident_rate,1,10',
      '2026-11-01,2026-11-30,nowhere,,incident_rate,1,10',
      '2026-11-01,2026-11-30,dent,,wait time,1,10',
      '2026-11-01,2026-11-30,dent,,incident_rate,11,10',
      '2026-11-01,2026-11-30,dent,Dr Nobody,incident_rate,1,10',
      '2026-11-01,2026-11-30,dent,,incident_rate,x,10',
    ].join('\n');
    const res = await upload(csv);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r: { row: number; code: string }) => [r.row, r.code])).toEqual([
      [4, 'scorecards.row.badDate'],
      [5, 'scorecards.row.unknownDepartment'],
      [6, 'scorecards.row.unknownIndicator'],
      [7, 'scorecards.row.eventsOverExposures'],
      [8, 'scorecards.row.unknownStaff'],
      [9, 'scorecards.row.badCount'],
    ]);
    expect(body.rejected[1].reason).toBe('Row 5, column department: no department with the code or name "nowhere"');
    const rows = await db.selectFrom('quality_indicators').select(['indicator', 'events', 'staff_id']).where('org_id', '=', orgId).where('department_id', '=', dental).execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { indicator: 'infection_rate', events: 1, staff_id: drC },
        { indicator: 'readmission_rate', events: 3, staff_id: null },
      ]),
    );
  });

  test('Russian headers; the same row again replaces the stored one', async () => {
    const csv = 'Начало периода;Конец периода;Отделение;Показатель;События;Знаменатель\n2026-11-01;2026-11-30;dent;повторные госпитализации;5;150\n';
    const res = await upload(csv);
    expect(res.json()).toEqual({ accepted: 1, rejected: [] });
    const rows = await db.selectFrom('quality_indicators').select(['events']).where('org_id', '=', orgId).where('department_id', '=', dental).where('indicator', '=', 'readmission_rate').execute();
    expect(rows).toEqual([{ events: 5 }]);
    const list = (await admin.get('/api/scorecards/indicators')).json().items;
    expect(list.some((i: { departmentName: string; events: number }) => i.departmentName === 'Dentistry' && i.events === 5)).toBe(true);
  });

  test('a file without a required column is refused in the reader’s language; others may not import', async () => {
    const body = multipartBody({}, { name: 'x.csv', content: 'department,indicator,events\ndent,incident_rate,1\n' });
    const res = await admin.request({ method: 'POST', url: '/api/scorecards/indicators/import', payload: body.payload, headers: { ...body.headers, 'accept-language': 'zh-CN' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('文件缺少“周期开始”列');
    const head = await app.userClient(orgId, 'department_head', { departmentIds: [dental] });
    expect((await upload('a,b\n1,2\n', head)).statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { insertDepartment, insertResponse, insertStaff, insertSurvey } from './report-fixtures.ts';

let app: TestApp;
let orgId: string;
let admin: TestClient;
let surveyId: string;
let cardio: string;
let dental: string;
let drLi: string;
let drPetrova: string;

const OCT = '2026-10-15T12:00:00Z';
const NOV = '2026-11-10T12:00:00Z';
const PERIOD = 'from=2026-10-01&to=2026-11-30';

/*
 * Cardiology, Dr Li: 20 submitted answers, hand-computed below.
 *   NPS: i 0–9 promoters (9, 10), 10–14 passives (7, 8), 15–19 detractors (0…4) → NPS 25.
 *   CSAT: i < 15 → 4 (even) or 5 (odd), i 15–19 → 1, 2, 3, 1, 2: mean 76 / 20 = 3.8, 15 of 20 satisfied.
 *   FFT: i < 15 → 5, 15–18 → 2, 19 → "don't know" (null): 15 of 19 positive = 78.9 %.
 *   Communication: listening 4 always; clarity 3 (i < 10) or 4 → 3.5; shared_decisions 2;
 *   privacy (i % 4) + 1 for i < 19 (sum 46 over 19 = 2.42), and 9 (out of range, left out) for i 19.
 * October holds i 0–9 (all promoters: NPS 100), November i 10–19 (5 passives, 5 detractors: NPS −50).
 * Dentistry, Dr Petrova: 3 promoters in November (too few for any figure of their own).
 */
beforeAll(async () => {
  app = await createTestApp();
  const db = app.ctx.db;
  orgId = await app.createOrg('reports');
  admin = await app.userClient(orgId, 'admin');
  surveyId = await insertSurvey(db, orgId);
  cardio = await insertDepartment(db, orgId, 'cardio', 'Cardiology');
  dental = await insertDepartment(db, orgId, 'dent', 'Dentistry');
  drLi = await insertStaff(db, orgId, cardio, 'Dr Li');
  drPetrova = await insertStaff(db, orgId, dental, 'Dr Petrova');
  const patient = (await db.insertInto('patients').values({ org_id: orgId, name: 'Test Patient', external_id: 'MRN-1' }).returning('id').executeTakeFirstOrThrow()).id;
  const visit = async (departmentId: string) =>
    (await db.insertInto('visits').values({ org_id: orgId, patient_id: patient, source: 'manual', department_id: departmentId, ended_at: OCT }).returning('id').executeTakeFirstOrThrow()).id;
  const invite = async (departmentId: string, channel: 'email' | 'sms', status: 'sent' | 'skipped' = 'sent') =>
    (
      await db
        .insertInto('survey_invitations')
        .values({
          org_id: orgId,
          patient_id: patient,
          visit_id: await visit(departmentId),
          survey_id: surveyId,
          channel,
          status,
          scheduled_for: OCT,
          sent_at: status === 'sent' ? OCT : null,
          skip_reason: status === 'skipped' ? 'contact_window' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  // Invitations: 4 e-mails to Cardiology (2 answered), 1 to Dentistry; 2 SMS to Cardiology (1 answered); a skipped one.
  const emails = [await invite(cardio, 'email'), await invite(cardio, 'email'), await invite(cardio, 'email'), await invite(cardio, 'email'), await invite(dental, 'email')];
  const sms = [await invite(cardio, 'sms'), await invite(cardio, 'sms')];
  await invite(cardio, 'sms', 'skipped');
  const invitationFor = [emails[0], emails[1], sms[0]];

  for (let i = 0; i < 20; i++) {
    const nps = i < 10 ? 9 + (i % 2) : i < 15 ? 7 + (i % 2) : i - 15;
    const csat = i < 15 ? (i % 2 ? 5 : 4) : [1, 2, 3, 1, 2][i - 15]!;
    const fft = i < 15 ? 5 : i < 19 ? 2 : null;
    const comm = { listening: 4, clarity: i < 10 ? 3 : 4, shared_decisions: 2, privacy: i < 19 ? (i % 4) + 1 : 9 };
    await insertResponse(db, orgId, {
      surveyId,
      submittedAt: i < 10 ? OCT : NOV,
      nps,
      csat,
      fft,
      departmentId: cardio,
      staffId: drLi,
      invitationId: invitationFor[i] ?? null,
      answers: { nps, csat, fft, comm, why: { listening: 1, clarity: 1, shared_decisions: 1, privacy: 1 } },
    });
  }
  for (let i = 0; i < 3; i++)
    await insertResponse(db, orgId, {
      surveyId,
      submittedAt: NOV,
      nps: 10,
      departmentId: dental,
      staffId: drPetrova,
      answers: { nps: 10, comm: { listening: 1, clarity: 1, shared_decisions: 1, privacy: 1 } },
    });
  // Not counted: a draft, an answer outside the period, another organisation's answers.
  await insertResponse(db, orgId, { surveyId, submittedAt: null, status: 'draft', nps: 0, departmentId: cardio, staffId: drLi });
  await insertResponse(db, orgId, { surveyId, submittedAt: '2025-06-01T12:00:00Z', nps: 0, departmentId: cardio, staffId: drLi });
  const otherOrg = await app.createOrg('reports-other');
  const otherSurvey = await insertSurvey(db, otherOrg);
  for (let i = 0; i < 12; i++) await insertResponse(db, otherOrg, { surveyId: otherSurvey, submittedAt: OCT, nps: 0 });
});
afterAll(async () => {
  await app?.close();
});

test('NPS of 10 promoters, 5 passives and 5 detractors is 25 with its 95 % interval, and CSAT, FFT with Wilson intervals', async () => {
  const res = await admin.get(`/api/reports/surveys?${PERIOD}&departmentId=${cardio}`);
  expect(res.statusCode, res.body).toBe(200);
  const r = res.json();
  expect(r.period).toEqual({ from: '2026-10-01', to: '2026-11-30', timezone: 'UTC' });
  expect(r.responses).toBe(20);
  expect(r.nps).toEqual({ n: 20, promoters: 10, passives: 5, detractors: 5, nps: 25, interval: { low: -11.3, high: 61.3 } });
  expect(r.csat).toEqual({ n: 20, positive: 15, share: 75, interval: { low: 53.1, high: 88.8 }, mean: 3.8 });
  // 15 / 19: p = .78947, z²/n = .20218; centre (.78947 + .10109) / 1.20218 = .74079;
  // half 1.96 × √(.0087476 + .0026603) / 1.20218 = .17413 → 56.7…91.5.
  expect(r.fft).toEqual({ n: 19, positive: 15, share: 78.9, interval: { low: 56.7, high: 91.5 } });
});

test('communication dimensions per doctor and per department, with sample sizes; a group under the minimum shows no mean', async () => {
  const r = (await admin.get(`/api/reports/surveys?${PERIOD}`)).json();
  const li = r.communication.byStaff.find((s: { id: string }) => s.id === drLi);
  expect(li).toEqual({
    id: drLi,
    name: 'Dr Li',
    n: 20,
    dimensions: { listening: { n: 20, mean: 4 }, clarity: { n: 20, mean: 3.5 }, shared_decisions: { n: 20, mean: 2 }, privacy: { n: 19, mean: 2.42 } },
  });
  const petrova = r.communication.byStaff.find((s: { id: string }) => s.id === drPetrova);
  expect(petrova).toEqual({
    id: drPetrova,
    name: 'Dr Petrova',
    n: 3,
    dimensions: { listening: { n: 3, mean: null }, clarity: { n: 3, mean: null }, shared_decisions: { n: 3, mean: null }, privacy: { n: 3, mean: null } },
  });
  expect(r.communication.byDepartment.map((d: { name: string; n: number }) => [d.name, d.n])).toEqual([
    ['Cardiology', 20],
    ['Dentistry', 3],
  ]);
  // The whole organisation: 13 promoters, 5 passives, 5 detractors (NPS 8/23 = 34.8).
  expect(r.nps).toMatchObject({ n: 23, promoters: 13, nps: 34.8 });
});

test('response rates per channel count sent survey invitations against their submitted responses', async () => {
  const r = (await admin.get(`/api/reports/surveys?${PERIOD}`)).json();
  expect(r.responseRates).toEqual({
    byChannel: [
      { channel: 'email', sent: 5, responded: 2, rate: 40 },
      { channel: 'sms', sent: 2, responded: 1, rate: 50 },
    ],
    sent: 7,
    responded: 3,
    rate: 42.9,
    withoutInvitation: 20,
  });
  const cardiology = (await admin.get(`/api/reports/surveys?${PERIOD}&departmentId=${cardio}`)).json();
  expect(cardiology.responseRates.byChannel[0]).toEqual({ channel: 'email', sent: 4, responded: 2, rate: 50 });
});

test('the trend gives NPS and n per month, and per week', async () => {
  const r = (await admin.get(`/api/reports/surveys?${PERIOD}&departmentId=${cardio}&interval=month`)).json();
  // November: p− = .5, variance .5 − .25 = .25, SE = √(.25/10) = .1581, half 30.99 → −81…−19.
  expect(r.trend).toEqual([
    { start: '2026-10-01', responses: 10, nps: { n: 10, promoters: 10, passives: 0, detractors: 0, nps: 100, interval: { low: 100, high: 100 } } },
    { start: '2026-11-01', responses: 10, nps: { n: 10, promoters: 0, passives: 5, detractors: 5, nps: -50, interval: { low: -81, high: -19 } } },
  ]);
  const weekly = (await admin.get(`/api/reports/surveys?${PERIOD}&interval=week`)).json();
  expect(weekly.trend.map((t: { start: string; responses: number }) => [t.start, t.responses])).toEqual([
    ['2026-10-12', 10],
    ['2026-11-09', 13],
  ]);
});

test('under the minimum number of answers the report gives counts and no figure', async () => {
  const r = (await admin.get(`/api/reports/surveys?${PERIOD}&staffId=${drPetrova}`)).json();
  expect(r.minAnswers).toBe(10);
  expect(r.nps).toEqual({ n: 3, promoters: 3, passives: 0, detractors: 0, nps: null, interval: null });
  expect(r.csat.mean).toBeNull();
});

test('department heads and staff see their departments only; one without departments sees nothing', async () => {
  const head = await app.userClient(orgId, 'department_head', { departmentIds: [dental] });
  const r = (await head.get(`/api/reports/surveys?${PERIOD}`)).json();
  expect(r.responses).toBe(3);
  expect(r.communication.byStaff.map((s: { name: string }) => s.name)).toEqual(['Dr Petrova']);
  expect(r.responseRates.sent).toBe(1);
  // Asking for another department does not widen the scope.
  expect((await head.get(`/api/reports/surveys?${PERIOD}&departmentId=${cardio}`)).json().responses).toBe(0);
  const nobody = await app.userClient(orgId, 'department_head', { departmentIds: [] });
  const none = (await nobody.get(`/api/reports/surveys?${PERIOD}`)).json();
  expect(none.responses).toBe(0);
  expect(none.responseRates.sent).toBe(0);
});

test('refuses a period that ends before it starts, and a malformed date, naming what was wrong', async () => {
  const backwards = await admin.get('/api/reports/surveys?from=2026-11-30&to=2026-10-01');
  expect(backwards.statusCode).toBe(400);
  expect(backwards.json().error.message).toBe('The period starts (2026-11-30) after it ends (2026-10-01)');
  const ru = await admin.request({ method: 'GET', url: '/api/reports/surveys?from=2026-11-30&to=2026-10-01', headers: { 'accept-language': 'ru' } });
  expect(ru.json().error.message).toContain('Начало периода');
  expect((await admin.get('/api/reports/surveys?from=1.10.2026')).statusCode).toBe(400);
});

test('roles without the surveys permission are refused', async () => {
  const viewer = await app.userClient(orgId, 'viewer');
  expect((await viewer.get(`/api/reports/surveys?${PERIOD}`)).statusCode).toBe(403);
});

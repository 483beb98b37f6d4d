import { afterAll, beforeAll, expect, test } from 'vitest';
import { form, insertLink, insertSurvey as insertPublicSurvey, ONE_PAGE_SURVEY, responseTokenOf, setReviewLinks } from '../../surveys/public/test-fixture.ts';
import { SCORE_BANDS } from '../../surveys/surveys.vocab.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { insertDepartment, insertResponse, insertSurvey } from './report-fixtures.ts';

let app: TestApp;
let orgId: string;
let admin: TestClient;
let surveyId: string;
let departmentId: string;

const AT = '2026-10-15T12:00:00Z';
const PERIOD = 'from=2026-10-01&to=2026-10-31';
const LINKS = [
  { label: 'Google', url: 'https://g.example.test/review' },
  { label: '大众点评', url: 'https://dp.example.test/review' },
];

beforeAll(async () => {
  app = await createTestApp();
  const db = app.ctx.db;
  orgId = await app.createOrg('fair');
  admin = await app.userClient(orgId, 'admin');
  surveyId = await insertSurvey(db, orgId);
  departmentId = await insertDepartment(db, orgId, 'dent', 'Dentistry');
  await db
    .insertInto('survey_settings')
    .values({ org_id: orgId, review_links: JSON.stringify(LINKS) })
    .execute();
  const patient = (await db.insertInto('patients').values({ org_id: orgId, name: 'Test Patient' }).returning('id').executeTakeFirstOrThrow()).id;
  for (const channel of ['email', 'email', 'sms'] as const)
    await db.insertInto('survey_invitations').values({ org_id: orgId, patient_id: patient, survey_id: surveyId, channel, status: 'sent', scheduled_for: AT, sent_at: AT }).execute();
  await db
    .insertInto('survey_invitations')
    .values({ org_id: orgId, patient_id: patient, survey_id: surveyId, channel: 'sms', status: 'skipped', skip_reason: 'opted_out', scheduled_for: AT })
    .execute();
  // Every band, as the thank-you page records them: each respondent was shown both links.
  const scores: (number | null)[] = [0, 3, 6, 7, 8, 9, 10, 10, null, null];
  for (const nps of scores) await insertResponse(db, orgId, { surveyId, submittedAt: AT, nps, departmentId, reviewLinksShown: LINKS.length });
  // A draft never reached the thank-you page and does not count.
  await insertResponse(db, orgId, { surveyId, submittedAt: null, status: 'draft', nps: 0, departmentId });
});
afterAll(async () => {
  await app?.close();
});

test('shows invitations sent by channel and, per score band, responses and the share shown the review links: 100 % in every band', async () => {
  const res = await admin.get(`/api/reports/fair-asking?${PERIOD}`);
  expect(res.statusCode, res.body).toBe(200);
  const r = res.json();
  expect(r.reviewLinksConfigured).toBe(2);
  expect(r.invitations).toEqual({
    sent: 3,
    byChannel: [
      { channel: 'email', sent: 2 },
      { channel: 'sms', sent: 1 },
    ],
  });
  expect(r.bands).toEqual([
    { band: 'low', responses: 3, shownLinks: 3, shownShare: 100, linksPerResponse: 2 },
    { band: 'neutral', responses: 2, shownLinks: 2, shownShare: 100, linksPerResponse: 2 },
    { band: 'high', responses: 3, shownLinks: 3, shownShare: 100, linksPerResponse: 2 },
    { band: 'none', responses: 2, shownLinks: 2, shownShare: 100, linksPerResponse: 2 },
  ]);
  expect(r.equal).toBe(true);
  const shares = new Set(r.bands.map((b: { shownShare: number }) => b.shownShare));
  expect(shares).toEqual(new Set([100]));
  expect(r.bands.map((b: { band: string }) => b.band)).toEqual([...SCORE_BANDS]);
});

test('a band shown fewer links is reported unequal (the check can fail)', async () => {
  const db = app.ctx.db;
  const gated = await insertResponse(db, orgId, { surveyId, submittedAt: AT, nps: 2, departmentId, reviewLinksShown: 0 });
  try {
    const r = (await admin.get(`/api/reports/fair-asking?${PERIOD}`)).json();
    expect(r.bands[0]).toEqual({ band: 'low', responses: 4, shownLinks: 3, shownShare: 75, linksPerResponse: 1.5 });
    expect(r.equal).toBe(false);
  } finally {
    await db.deleteFrom('survey_responses').where('id', '=', gated).execute();
  }
});

test('another organisation’s answers and a department head’s other departments are not counted', async () => {
  const other = await app.createOrg('fair-other');
  const otherSurvey = await insertSurvey(app.ctx.db, other);
  await insertResponse(app.ctx.db, other, { surveyId: otherSurvey, submittedAt: AT, nps: 1, reviewLinksShown: 0 });
  expect((await admin.get(`/api/reports/fair-asking?${PERIOD}`)).json().equal).toBe(true);
  const head = await app.userClient(orgId, 'department_head', { departmentIds: [await insertDepartment(app.ctx.db, orgId, 'eye', 'Ophthalmology')] });
  const r = (await head.get(`/api/reports/fair-asking?${PERIOD}`)).json();
  expect(r.bands.map((b: { responses: number }) => b.responses)).toEqual([0, 0, 0, 0]);
  expect(r.invitations.sent).toBe(0);
});

test('answers submitted through the real public survey page are shown the links equally in every band', async () => {
  const db = app.ctx.db;
  const org = await app.createOrg('fair-public');
  const client = await app.userClient(org, 'admin');
  await setReviewLinks(db, org, LINKS);
  const scored = await insertLink(db, org, await insertPublicSurvey(db, org, ONE_PAGE_SURVEY));
  const unscored = await insertLink(db, org, await insertPublicSurvey(db, org, { pages: [{ questions: [{ id: 'why', type: 'free_text', required: false, text: { en: 'Anything to tell us?' } }] }] }));
  const answers: { token: string; fields: Record<string, string> }[] = [
    { token: scored.token, fields: { 'q.nps': '0', 'q.why': 'Waited three hours' } },
    { token: scored.token, fields: { 'q.nps': '5' } },
    { token: scored.token, fields: { 'q.nps': '7' } },
    { token: scored.token, fields: { 'q.nps': '9' } },
    { token: scored.token, fields: { 'q.nps': '10', 'q.why': 'Kind nurses' } },
    { token: unscored.token, fields: { 'q.why': 'Fine' } },
  ];
  for (const a of answers) {
    const rt = responseTokenOf((await app.server.inject({ method: 'GET', url: `/s/${a.token}` })).body);
    const res = await app.server.inject({
      method: 'POST',
      url: `/s/${a.token}?lang=en`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ rt, page: '0', action: 'submit', ...a.fields }),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const r = (await client.get('/api/reports/fair-asking')).json();
  expect(r.bands.map((b: { band: string; responses: number; shownShare: number; linksPerResponse: number }) => [b.band, b.responses, b.shownShare, b.linksPerResponse])).toEqual([
    ['low', 2, 100, 2],
    ['neutral', 1, 100, 2],
    ['high', 2, 100, 2],
    ['none', 1, 100, 2],
  ]);
  expect(r.equal).toBe(true);
});

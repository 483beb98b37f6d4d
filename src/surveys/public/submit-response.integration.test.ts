import { afterAll, beforeAll, expect, test } from 'vitest';
import { openCasesForMentions } from '../../cases/open-cases-for-mentions.ts';
import { analysePending } from '../../mentions/analyse-pending.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { form, insertLink, insertSurvey, ONE_PAGE_SURVEY, responseTokenOf, setReviewLinks, TWO_PAGE_SURVEY } from './test-fixture.ts';

let app: TestApp;
let orgId: string;
let surveyId: string;
let link: { id: string; token: string };

const REVIEW_LINKS = [
  { label: 'Google Maps', url: 'https://maps.example.com/clinic?review=1&lang=en' },
  { label: '大众点评 <Dianping>', url: 'https://www.dianping.example/shop/42' },
];

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('survey-submit');
  surveyId = await insertSurvey(app.ctx.db, orgId, ONE_PAGE_SURVEY);
  link = await insertLink(app.ctx.db, orgId, surveyId);
  await setReviewLinks(app.ctx.db, orgId, REVIEW_LINKS);
});
afterAll(async () => {
  await app?.close();
});

const post = (token: string, fields: Record<string, string | string[]>) =>
  app.server.inject({ method: 'POST', url: `/s/${token}?lang=en`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(fields) });
const newToken = async (token: string) => responseTokenOf((await app.server.inject({ method: 'GET', url: `/s/${token}` })).body);
const linksMarkup = (page: string) => /<ul class="links">[\s\S]*?<\/ul>/.exec(page)?.[0] ?? null;

test('the thank-you page offers every respondent the same review links, whatever the score: a low, a neutral, a high and no score', async () => {
  const noScore = await insertLink(
    app.ctx.db,
    orgId,
    await insertSurvey(app.ctx.db, orgId, { pages: [{ questions: [{ id: 'why', type: 'free_text', required: false, text: { en: 'Anything to tell us?' } }] }] }),
  );
  const cases: { token: string; fields: Record<string, string>; band: string }[] = [
    { token: link.token, fields: { 'q.nps': '0', 'q.why': 'Terrible' }, band: 'low' },
    { token: link.token, fields: { 'q.nps': '7' }, band: 'neutral' },
    { token: link.token, fields: { 'q.nps': '10', 'q.why': 'Wonderful' }, band: 'high' },
    { token: noScore.token, fields: { 'q.why': 'Fine' }, band: 'none' },
  ];
  const pages: string[] = [];
  for (const c of cases) {
    const rt = await newToken(c.token);
    const res = await post(c.token, { rt, page: '0', action: 'submit', ...c.fields });
    expect(res.statusCode, res.body).toBe(200);
    pages.push(res.body);
    const row = await app.ctx.db.selectFrom('survey_responses').select(['score_band', 'review_links_shown', 'status']).where('token', '=', rt).executeTakeFirstOrThrow();
    expect(row).toEqual({ score_band: c.band, review_links_shown: REVIEW_LINKS.length, status: 'submitted' });
  }
  const markups = pages.map(linksMarkup);
  expect(markups[0]).toContain('href="https://maps.example.com/clinic?review=1&amp;lang=en"');
  expect(markups[0]).toContain('大众点评 &lt;Dianping&gt;');
  for (const m of markups) expect(m).toBe(markups[0]);
  // The whole page is the same for the three bands of one survey (nothing but the links' survey differs for the fourth).
  expect(pages[1]).toBe(pages[0]);
  expect(pages[2]).toBe(pages[0]);
  for (const p of pages) expect(p).not.toMatch(/reward|gift|discount|coupon|bonus|prize|<script/i);
});

test('the same response token posted five times at once is one submitted response and one mention', async () => {
  const rt = await newToken(link.token);
  const results = await Promise.all(Array.from({ length: 5 }, () => post(link.token, { rt, page: '0', action: 'submit', 'q.nps': '3', 'q.why': 'Waited two hours' })));
  for (const r of results) expect(r.statusCode).toBe(200);
  const rows = await app.ctx.db.selectFrom('survey_responses').select(['id', 'mention_id', 'status']).where('token', '=', rt).execute();
  expect(rows).toHaveLength(1);
  const mentions = await app.ctx.db.selectFrom('mentions').select(['id']).where('org_id', '=', orgId).where('external_id', '=', `survey-response:${rows[0]!.id}`).execute();
  expect(mentions).toEqual([{ id: rows[0]!.mention_id }]);
  // Sent again later (the browser's "resend"), it stores nothing and shows the same thank-you.
  const again = await post(link.token, { rt, page: '0', action: 'submit', 'q.nps': '10' });
  expect(again.statusCode).toBe(200);
  expect(linksMarkup(again.body)).toBe(linksMarkup(results[0]!.body));
  expect((await app.ctx.db.selectFrom('survey_responses').select('nps').where('token', '=', rt).executeTakeFirstOrThrow()).nps).toBe(3);
});

test('a visit’s link inherits the visit’s patient, place and doctor, answers its invitation, and takes one submitted response even from two tabs at once', async () => {
  const db = app.ctx.db;
  const location = await db.insertInto('locations').values({ org_id: orgId, code: 'north', name: 'North clinic' }).returning('id').executeTakeFirstOrThrow();
  const department = await db.insertInto('departments').values({ org_id: orgId, code: 'cardio', name: 'Cardiology', location_id: location.id }).returning('id').executeTakeFirstOrThrow();
  const staff = await db.insertInto('staff').values({ org_id: orgId, name: 'Dr Test', department_id: department.id }).returning('id').executeTakeFirstOrThrow();
  const patient = await db.insertInto('patients').values({ org_id: orgId, external_id: 'MRN-1', name: 'Test Patient', phone: '+10000000000' }).returning('id').executeTakeFirstOrThrow();
  const visit = await db
    .insertInto('visits')
    .values({ org_id: orgId, patient_id: patient.id, source: 'manual', location_id: location.id, department_id: department.id, staff_id: staff.id, ended_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const visitLink = await insertLink(db, orgId, surveyId, { scope: 'visit', visitId: visit.id });
  const invitation = await db
    .insertInto('survey_invitations')
    .values({ org_id: orgId, patient_id: patient.id, visit_id: visit.id, survey_id: surveyId, link_id: visitLink.id, channel: 'sms', status: 'sent', scheduled_for: new Date(), sent_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Two tabs opened before either saved anything: two response tokens.
  const [tab1, tab2] = [await newToken(visitLink.token), await newToken(visitLink.token)];
  expect(tab1).not.toBe(tab2);
  const results = await Promise.all([post(visitLink.token, { rt: tab1, page: '0', 'q.nps': '9' }), post(visitLink.token, { rt: tab2, page: '0', 'q.nps': '4' })]);
  for (const r of results) expect(r.statusCode).toBe(200);
  const submitted = await db.selectFrom('survey_responses').selectAll().where('link_id', '=', visitLink.id).where('status', '=', 'submitted').execute();
  expect(submitted).toHaveLength(1);
  expect(submitted[0]).toMatchObject({ patient_id: patient.id, visit_id: visit.id, location_id: location.id, department_id: department.id, staff_id: staff.id, invitation_id: invitation.id });
  const inv = await db.selectFrom('survey_invitations').select('response_id').where('id', '=', invitation.id).executeTakeFirstOrThrow();
  expect(inv.response_id).toBe(submitted[0]!.id);
  const mentions = await db
    .selectFrom('mentions')
    .select(['location_id', 'department_id'])
    .where('org_id', '=', orgId)
    .where('external_id', 'like', 'survey-response:%')
    .where('id', '=', submitted[0]!.mention_id!)
    .execute();
  expect(mentions).toEqual([{ location_id: location.id, department_id: department.id }]);
  // A third device opening the answered link sees the thank-you page, not a new survey.
  const later = await app.server.inject({ method: 'GET', url: `/s/${visitLink.token}?lang=en` });
  expect(later.body).toContain('Your answers have been received.');
  expect(later.body).not.toContain('name="rt"');
});

test('a low score becomes a survey mention asking for a general case, which opens once with the call back asked; a high score asks for none', async () => {
  const twoPageLink = await insertLink(app.ctx.db, orgId, await insertSurvey(app.ctx.db, orgId, TWO_PAGE_SURVEY));
  const rt = await newToken(twoPageLink.token);
  await post(twoPageLink.token, { rt, page: '0', action: 'next', 'q.nps': '2' });
  const done = await post(twoPageLink.token, {
    rt,
    page: '1',
    action: 'submit',
    'q.contact.ok': 'yes',
    'q.contact.name': 'Анна',
    'q.contact.phone': '+7 900 123-45-67',
  });
  expect(done.statusCode).toBe(200);
  const response = await app.ctx.db.selectFrom('survey_responses').selectAll().where('token', '=', rt).executeTakeFirstOrThrow();
  expect(response).toMatchObject({ nps: 2, score_band: 'low', contact_ok: true, contact_name: 'Анна', contact_phone: '+7 900 123-45-67', locale: 'en' });
  const mention = await app.ctx.db
    .selectFrom('mentions as m')
    .innerJoin('sources as s', 's.id', 'm.source_id')
    .selectAll('m')
    .select('s.kind as source_kind')
    .where('m.id', '=', response.mention_id!)
    .executeTakeFirstOrThrow();
  expect(mention).toMatchObject({ kind: 'survey_text', source_kind: 'survey', case_request: 'general', external_id: `survey-response:${response.id}`, text: 'Likelihood to recommend: 2 of 10.' });
  expect(Number(mention.rating_raw)).toBe(2);
  expect(Number(mention.rating_scale)).toBe(10);
  expect(mention.text).not.toContain('+7 900');

  await analysePending(app.ctx, orgId);
  const opened = await openCasesForMentions(app.ctx, { orgId, mentionIds: [mention.id] });
  expect(opened).toHaveLength(1);
  const c = await app.ctx.db.selectFrom('cases').selectAll().where('id', '=', opened[0]!).executeTakeFirstOrThrow();
  expect(c).toMatchObject({ tier: 'general', auto_opened: true, origin_mention_id: mention.id });
  const event = await app.ctx.db.selectFrom('case_events').select('data').where('case_id', '=', c.id).where('type', '=', 'opened').executeTakeFirstOrThrow();
  expect(event.data).toMatchObject({ survey: true, callbackRequested: true, surveyResponseId: response.id });
  // Neither the phone number nor the name travels into the case's history (the ids are random, so
  // look for the whole number and the name, not a fragment an id could contain by chance).
  expect(JSON.stringify(event.data)).not.toMatch(/123-45-67|\+7 900|Анна/);
  // Once per mention: the job running again opens nothing more.
  expect(await openCasesForMentions(app.ctx, { orgId, mentionIds: [mention.id] })).toEqual([]);
  expect(await app.ctx.db.selectFrom('case_mentions').select('case_id').where('mention_id', '=', mention.id).execute()).toHaveLength(1);

  const happy = await newToken(link.token);
  await post(link.token, { rt: happy, page: '0', 'q.nps': '10', 'q.why': 'Very kind nurses' });
  const happyRow = await app.ctx.db.selectFrom('survey_responses').select('mention_id').where('token', '=', happy).executeTakeFirstOrThrow();
  const happyMention = await app.ctx.db.selectFrom('mentions').select(['id', 'case_request', 'text']).where('id', '=', happyRow.mention_id!).executeTakeFirstOrThrow();
  expect(happyMention).toMatchObject({ case_request: null, text: 'Very kind nurses' });
  await analysePending(app.ctx, orgId);
  expect(await openCasesForMentions(app.ctx, { orgId, mentionIds: [happyMention.id] })).toEqual([]);
});

test('a low score whose comment carries a clear major risk opens the Major case instead of a general one', async () => {
  const rt = await newToken(link.token);
  await post(link.token, { rt, page: '0', 'q.nps': '0', 'q.why': 'They gave my mother the wrong medication and she ended up in intensive care. This is negligence.' });
  const row = await app.ctx.db.selectFrom('survey_responses').select('mention_id').where('token', '=', rt).executeTakeFirstOrThrow();
  await analysePending(app.ctx, orgId);
  const opened = await openCasesForMentions(app.ctx, { orgId, mentionIds: [row.mention_id!] });
  expect(opened).toHaveLength(1);
  const cases = await app.ctx.db.selectFrom('cases').select(['tier']).where('origin_mention_id', '=', row.mention_id!).execute();
  expect(cases).toEqual([{ tier: 'major' }]);
});

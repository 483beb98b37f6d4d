import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { form, insertLink, insertSurvey, ONE_PAGE_SURVEY, responseTokenOf, TWO_PAGE_SURVEY } from './test-fixture.ts';

let app: TestApp;
let orgId: string;
let otherOrg: string;
let twoPage: { id: string; token: string };

const URLENCODED = { 'content-type': 'application/x-www-form-urlencoded' };

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('public-survey');
  otherOrg = await app.createOrg('public-survey-other');
  await app.ctx.db.updateTable('organisations').set({ default_locale: 'zh-CN' }).where('id', '=', orgId).execute();
  twoPage = await insertLink(app.ctx.db, orgId, await insertSurvey(app.ctx.db, orgId, TWO_PAGE_SURVEY));
});
afterAll(async () => {
  await app?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.server.inject({ method: 'GET', url, headers });
const post = (url: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
  app.server.inject({ method: 'POST', url, headers: { ...URLENCODED, ...headers }, payload: form(fields) });
const cookieOf = (res: { cookies: { name: string; value: string; path?: string; httpOnly?: boolean; sameSite?: string }[] }) => res.cookies.find((c) => c.name === 'verity_survey');

test('the first page is plain, labelled, script-free HTML under 50 KB with a response token in a hidden field and a link-scoped HttpOnly cookie', async () => {
  const res = await get(`/s/${twoPage.token}?lang=en`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/html');
  expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  expect(res.headers['cache-control']).toBe('no-store');
  const page = res.body;
  expect(Buffer.byteLength(page)).toBeLessThan(50 * 1024);
  expect(page).not.toMatch(/<script/i);
  expect(page).toContain('<html lang="en">');
  // A fieldset and legend per question (the four-dimension rating adds one per row).
  expect(page.match(/<fieldset/g)!.length).toBe(1 + 1 + 4);
  expect(page.match(/<legend[ >]/g)!.length).toBe(6);
  // Every input but the hidden ones has a label naming it.
  const ids = [...page.matchAll(/<input type="(?!hidden)[a-z]+" id="([^"]+)"/g)].map((m) => m[1]);
  expect(ids.length).toBe(11 + 16);
  for (const id of ids) expect(page, id).toContain(`<label for="${id}">`);
  expect(page).toContain('Page 1 of 2');
  expect(page).toContain('>Next<');
  const cookie = cookieOf(res)!;
  expect(cookie.path).toBe(`/s/${twoPage.token}`);
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Lax');
  expect(cookie.value).toBe(responseTokenOf(page));
});

test('the language: ?lang= first, then the link’s language, then Accept-Language, then the organisation’s default', async () => {
  const ruLink = await insertLink(app.ctx.db, orgId, (await app.ctx.db.selectFrom('survey_links').select('survey_id').where('id', '=', twoPage.id).executeTakeFirstOrThrow()).survey_id, {
    locale: 'ru',
  });
  expect((await get(`/s/${ruLink.token}?lang=en`)).body).toContain('<html lang="en">');
  const linkRu = (await get(`/s/${ruLink.token}`, { 'accept-language': 'en-GB,en;q=0.9' })).body;
  expect(linkRu).toContain('<html lang="ru">');
  expect(linkRu).toContain('Насколько вероятно, что вы порекомендуете нас друзьям или родным?');
  expect(linkRu).toContain('Страница 1 из 2');
  expect((await get(`/s/${twoPage.token}`, { 'accept-language': 'ru-RU,ru;q=0.9' })).body).toContain('<html lang="ru">');
  const fallback = (await get(`/s/${twoPage.token}`)).body;
  expect(fallback).toContain('<html lang="zh-CN">');
  expect(fallback).toContain('您向亲友推荐我们的可能性有多大？');
});

test('a missing required answer re-renders the page with every answer kept and a message naming the question in the patient’s language', async () => {
  const first = await get(`/s/${twoPage.token}?lang=ru`);
  const rt = responseTokenOf(first.body);
  const res = await post(`/s/${twoPage.token}?lang=ru`, { rt, page: '0', action: 'next', 'q.doctor.listening': '3', 'q.doctor.privacy': '4' });
  expect(res.statusCode).toBe(400);
  expect(res.body).toContain('Пожалуйста, ответьте на вопрос «Насколько вероятно, что вы порекомендуете нас друзьям или родным?».');
  expect(res.body).toContain('id="q.doctor.listening-3" name="q.doctor.listening" value="3" checked');
  expect(res.body).toContain('id="q.doctor.privacy-4" name="q.doctor.privacy" value="4" checked');
  expect(res.body).toContain('Страница 1 из 2');
  // Nothing was stored for a page with an error.
  expect(await app.ctx.db.selectFrom('survey_responses').select('id').where('token', '=', rt).executeTakeFirst()).toBeUndefined();
});

test('too long a comment is refused with its limit, the text kept (escaped: a script is text, never markup)', async () => {
  const rt = responseTokenOf((await get(`/s/${twoPage.token}`)).body);
  await post(`/s/${twoPage.token}?lang=en`, { rt, page: '0', action: 'next', 'q.nps': '2' });
  const long = `<script>alert("x")</script>${'a'.repeat(4000)}`;
  const res = await post(`/s/${twoPage.token}?lang=en`, { rt, page: '1', action: 'submit', 'q.why': long });
  expect(res.statusCode).toBe(400);
  expect(res.body).toContain('Your answer to “What is the main reason for your score?” is too long: at most 4,000 characters, you wrote 4,027.');
  expect(res.body).not.toContain('<script>');
  expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;aaaa');
  const ok = await post(`/s/${twoPage.token}?lang=en`, { rt, page: '1', action: 'submit', 'q.why': '<script>alert("x")</script> rude nurse' });
  expect(ok.statusCode).toBe(200);
  const stored = await app.ctx.db.selectFrom('survey_responses').select(['answers', 'mention_id']).where('token', '=', rt).executeTakeFirstOrThrow();
  expect(stored.answers.why).toBe('<script>alert("x")</script> rude nurse');
  const mention = await app.ctx.db.selectFrom('mentions').select('text').where('id', '=', stored.mention_id!).executeTakeFirstOrThrow();
  expect(mention.text).toBe('<script>alert("x")</script> rude nurse');
});

test('Next saves the page; coming back to the link resumes on the next page; Back shows the saved answers', async () => {
  const first = await get(`/s/${twoPage.token}?lang=en`);
  const cookie = cookieOf(first)!.value;
  const rt = responseTokenOf(first.body);
  const next = await post(`/s/${twoPage.token}?lang=en`, { rt, page: '0', action: 'next', 'q.nps': '9', 'q.doctor.clarity': '4' }, { cookie: `verity_survey=${cookie}` });
  expect(next.statusCode).toBe(200);
  expect(next.body).toContain('Page 2 of 2');
  expect(next.body).toContain('>Send my answers<');
  const draft = await app.ctx.db.selectFrom('survey_responses').selectAll().where('token', '=', rt).executeTakeFirstOrThrow();
  expect(draft.status).toBe('draft');
  expect(draft.answers).toEqual({ nps: 9, doctor: { clarity: 4 } });
  expect(draft.version).toBe(1);

  // The patient closes the tab and opens the link again later.
  const again = await get(`/s/${twoPage.token}?lang=en`, { cookie: `verity_survey=${cookie}` });
  expect(again.body).toContain('Welcome back: the answers you gave before are kept.');
  expect(again.body).toContain('Page 2 of 2');
  expect(responseTokenOf(again.body)).toBe(rt);

  const back = await post(`/s/${twoPage.token}?lang=en`, { rt, page: '1', action: 'back', 'q.why': 'Kind staff' }, { cookie: `verity_survey=${cookie}` });
  expect(back.body).toContain('Page 1 of 2');
  expect(back.body).toContain('id="q.nps-9" name="q.nps" value="9" checked');
  expect(back.body).toContain('id="q.doctor.clarity-4" name="q.doctor.clarity" value="4" checked');
  const kept = await app.ctx.db.selectFrom('survey_responses').select('answers').where('token', '=', rt).executeTakeFirstOrThrow();
  expect(kept.answers).toEqual({ nps: 9, doctor: { clarity: 4 }, why: 'Kind staff' });
  // Clearing an answer on a page removes it from the draft.
  await post(`/s/${twoPage.token}?lang=en`, { rt, page: '0', action: 'next', 'q.nps': '8' });
  expect((await app.ctx.db.selectFrom('survey_responses').select('answers').where('token', '=', rt).executeTakeFirstOrThrow()).answers).toEqual({ nps: 8, why: 'Kind staff' });
});

test('contact details are kept only with the consent ticked, and a tick without a phone or e-mail is asked for', async () => {
  const rt = responseTokenOf((await get(`/s/${twoPage.token}`)).body);
  await post(`/s/${twoPage.token}?lang=en`, { rt, page: '0', action: 'next', 'q.nps': '7' });
  const missing = await post(`/s/${twoPage.token}?lang=en`, { rt, page: '1', action: 'submit', 'q.contact.ok': 'yes', 'q.contact.name': 'Ivan' });
  expect(missing.statusCode).toBe(400);
  expect(missing.body).toContain('To be contacted, please leave a phone number or an e-mail address.');
  expect(missing.body).toContain('value="Ivan"');
  const badEmail = await post(`/s/${twoPage.token}?lang=en`, { rt, page: '1', action: 'submit', 'q.contact.ok': 'yes', 'q.contact.email': 'ivan-at-home' });
  expect(badEmail.body).toContain('The e-mail address “ivan-at-home” does not look right');
  const unticked = await post(`/s/${twoPage.token}?lang=en`, { rt, page: '1', action: 'submit', 'q.contact.name': 'Ivan', 'q.contact.phone': '+7 900 000-00-00' });
  expect(unticked.statusCode).toBe(200);
  const row = await app.ctx.db.selectFrom('survey_responses').selectAll().where('token', '=', rt).executeTakeFirstOrThrow();
  expect(row).toMatchObject({ status: 'submitted', contact_ok: false, contact_name: null, contact_phone: null, contact_email: null, nps: 7, score_band: 'neutral' });
});

test('an unknown link, a disabled link, an archived or a draft survey each get a clear page in the patient’s language', async () => {
  const unknown = await get('/s/no-such-link-token-here', { 'accept-language': 'ru' });
  expect(unknown.statusCode).toBe(404);
  expect(unknown.body).toContain('Опрос не найден');
  expect(unknown.body).not.toMatch(/<script/i);
  const surveyId = await insertSurvey(app.ctx.db, orgId, ONE_PAGE_SURVEY);
  const disabled = await insertLink(app.ctx.db, orgId, surveyId, { disabled: true, locale: 'ru' });
  const gone = await get(`/s/${disabled.token}`);
  expect(gone.statusCode).toBe(410);
  expect(gone.body).toContain('Опрос закрыт');
  const posted = await post(`/s/${disabled.token}`, { rt: 'x'.repeat(24), page: '0', 'q.nps': '3' });
  expect(posted.statusCode).toBe(410);
  expect(await app.ctx.db.selectFrom('survey_responses').select('id').where('token', '=', 'x'.repeat(24)).executeTakeFirst()).toBeUndefined();
  const archived = await insertLink(app.ctx.db, orgId, await insertSurvey(app.ctx.db, orgId, ONE_PAGE_SURVEY, 'archived'));
  const closed = await get(`/s/${archived.token}?lang=zh-CN`);
  expect(closed.statusCode).toBe(410);
  expect(closed.body).toContain('该调查已结束');
  const draft = await insertLink(app.ctx.db, orgId, await insertSurvey(app.ctx.db, orgId, ONE_PAGE_SURVEY, 'draft'));
  const notOpen = await get(`/s/${draft.token}?lang=en`);
  expect(notOpen.statusCode).toBe(404);
  expect(notOpen.body).toContain('This survey is not open yet');
});

test('a response token of another organisation’s survey is no response here: it starts a new one and leaves the other untouched', async () => {
  const theirs = await insertLink(app.ctx.db, otherOrg, await insertSurvey(app.ctx.db, otherOrg, ONE_PAGE_SURVEY));
  const theirRt = responseTokenOf((await get(`/s/${theirs.token}`)).body);
  expect((await post(`/s/${theirs.token}`, { rt: theirRt, page: '0', 'q.nps': '10', 'q.why': 'their answer' })).statusCode).toBe(200);

  const ours = await insertLink(app.ctx.db, orgId, await insertSurvey(app.ctx.db, orgId, ONE_PAGE_SURVEY));
  // Their cookie is scoped to their link; here it is sent by hand, and with their token in the form.
  const page = await get(`/s/${ours.token}?lang=en`, { cookie: `verity_survey=${theirRt}` });
  expect(page.body).not.toContain('their answer');
  expect(responseTokenOf(page.body)).not.toBe(theirRt);
  const res = await post(`/s/${ours.token}?lang=en`, { rt: theirRt, page: '0', 'q.nps': '1', 'q.why': 'our answer' });
  expect(res.statusCode).toBe(200);
  const theirRow = await app.ctx.db.selectFrom('survey_responses').selectAll().where('token', '=', theirRt).executeTakeFirstOrThrow();
  expect(theirRow).toMatchObject({ org_id: otherOrg, nps: 10, answers: { nps: 10, why: 'their answer' } });
  const ourRows = await app.ctx.db.selectFrom('survey_responses').selectAll().where('link_id', '=', ours.id).execute();
  expect(ourRows).toHaveLength(1);
  expect(ourRows[0]).toMatchObject({ org_id: orgId, nps: 1, status: 'submitted' });
  expect(ourRows[0]!.token).not.toBe(theirRt);
  const mention = await app.ctx.db.selectFrom('mentions').select(['org_id', 'text']).where('id', '=', ourRows[0]!.mention_id!).executeTakeFirstOrThrow();
  expect(mention).toEqual({ org_id: orgId, text: 'our answer' });
});

test('a form posted straight to the last page, skipping a required question, is sent back to the page that owes it and stores no submission', async () => {
  const rt = responseTokenOf((await get(`/s/${twoPage.token}`)).body);
  const res = await post(`/s/${twoPage.token}?lang=en`, { rt, page: '1', action: 'submit', 'q.why': 'Skipped the score' });
  expect(res.statusCode).toBe(400);
  expect(res.body).toContain('Page 1 of 2');
  expect(res.body).toContain('Please answer “How likely are you to recommend us to friends or family?”.');
  const row = await app.ctx.db.selectFrom('survey_responses').select(['status', 'answers']).where('token', '=', rt).executeTakeFirstOrThrow();
  expect(row).toEqual({ status: 'draft', answers: { why: 'Skipped the score' } });
  expect(await app.ctx.db.selectFrom('mentions').select('id').where('text', '=', 'Skipped the score').executeTakeFirst()).toBeUndefined();
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { SurveyDefinition, type SurveyDefinitionType } from './survey-definition.ts';
import { SURVEY_TEMPLATES } from './surveys.vocab.ts';
import { FFT_ANSWER_VALUES, templateDefinition } from './templates/index.ts';
import { createSurveyFromTemplate } from './create-survey.ts';

// The survey builder: templates, surveys from templates and copies, versions, status, review-link settings.
let app: TestApp;
let orgId: string;
let admin: TestClient;
let marketing: TestClient;
let leadership: TestClient;
let staff: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('surveys');
  admin = await app.userClient(orgId, 'admin');
  marketing = await app.userClient(orgId, 'marketing');
  leadership = await app.userClient(orgId, 'leadership');
  staff = await app.userClient(orgId, 'staff');
});
afterAll(async () => {
  await app?.close();
});

const questions = (d: SurveyDefinitionType) => d.pages.flatMap((p) => p.questions);

describe('templates', () => {
  test.each(SURVEY_TEMPLATES)('%s validates, in all three languages, and ends with the contact consent', (template) => {
    const def = templateDefinition(template);
    expect(SurveyDefinition.safeParse(def).success).toBe(true);
    for (const q of questions(def)) {
      for (const text of [q.text, q.help, ...(q.options ?? []).map((o) => o.text)].filter(Boolean)) expect(Object.keys(text!).sort()).toEqual(['en', 'ru', 'zh-CN']);
    }
    expect(questions(def).some((q) => q.type === 'contact_consent')).toBe(true);
    expect(questions(def).some((q) => q.type === 'free_text')).toBe(true);
  });

  test('the Friends and Family Test asks its exact question on its five-point scale plus "Don\'t know"', () => {
    const fft = questions(templateDefinition('fft')).find((q) => q.type === 'fft')!;
    expect(fft.text.en).toBe('Overall, how was your experience of our service?');
    expect(fft.required).toBe(true);
    expect(fft.options!.map((o) => o.text.en)).toEqual(['Very good', 'Good', 'Neither good nor poor', 'Poor', 'Very poor', "Don't know"]);
    expect(fft.options!.map((o) => FFT_ANSWER_VALUES[o.id])).toEqual([5, 4, 3, 2, 1, null]);
    expect(fft.text.ru).toMatch(/опыт/);
    expect(fft.text['zh-CN']).toMatch(/体验/);
  });

  test('NPS asks about a friend or family member; outpatient rates the four communication dimensions', () => {
    const nps = questions(templateDefinition('nps_why')).find((q) => q.type === 'nps')!;
    expect(nps.text.en).toMatch(/How likely are you to recommend .* to a friend or family member\?/);
    const out = questions(templateDefinition('outpatient'));
    expect(out.map((q) => q.type)).toEqual(expect.arrayContaining(['nps', 'csat', 'waiting_time', 'communication', 'single_choice', 'free_text', 'contact_consent']));
    expect(out.find((q) => q.type === 'communication')!.options!.map((o) => o.id)).toEqual(['listening', 'clarity', 'shared_decisions', 'privacy']);
    const inp = questions(templateDefinition('inpatient_discharge'));
    expect(inp.filter((q) => q.type === 'communication').map((q) => q.id)).toEqual(['nurses', 'doctors']);
    expect(inp.map((q) => q.id)).toEqual(expect.arrayContaining(['csat', 'discharge_info', 'pain', 'went_well', 'contact']));
    expect(inp.find((q) => q.id === 'went_well')!.type).toBe('multiple_choice');
  });

  test('lists the templates with names in the reader’s language', async () => {
    const res = await leadership.request({ method: 'GET', url: '/api/survey-templates', headers: { 'accept-language': 'ru' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((t: { template: string }) => t.template)).toEqual([...SURVEY_TEMPLATES]);
    expect(res.json().items[1].name).toBe('Тест «Друзья и семья» (FFT)');
  });
});

describe('builder', () => {
  test('creates a draft from a template, saves versions N+1 and keeps the old ones unchanged', async () => {
    const created = await marketing.post('/api/surveys', { template: 'outpatient' });
    expect(created.statusCode, created.body).toBe(201);
    const survey = created.json().survey;
    expect(survey).toMatchObject({ name: 'After an outpatient visit', template: 'outpatient', status: 'draft', currentVersion: 1, responseCount: 0 });
    expect(survey.versions).toHaveLength(1);

    const def = structuredClone(survey.definition) as SurveyDefinitionType;
    def.pages[0]!.questions.push({
      id: 'parking',
      type: 'single_choice',
      required: true,
      text: { en: 'Was parking easy?', ru: 'Легко ли было припарковаться?' },
      options: [
        { id: 'yes', text: { en: 'Yes' } },
        { id: 'no', text: { en: 'No' } },
      ],
    });
    const v2 = await marketing.post(`/api/surveys/${survey.id}/versions`, { definition: def });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json().survey.currentVersion).toBe(2);
    expect(v2.json().survey.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(v2.json().survey.versions[1].definition).toEqual(survey.definition);

    // A response answering version 2 keeps it after version 3.
    await app.ctx.db
      .insertInto('survey_responses')
      .values({ org_id: orgId, survey_id: survey.id, version: 2, token: 'resp-token-1', locale: 'en', status: 'submitted', submitted_at: new Date(), answers: JSON.stringify({ nps: 9 }) })
      .execute();
    def.pages[0]!.questions.pop();
    const v3 = await marketing.post(`/api/surveys/${survey.id}/versions`, { definition: def });
    expect(v3.json().survey.currentVersion).toBe(3);
    expect(v3.json().survey.responseCount).toBe(1);
    expect(v3.json().survey.versions.map((v: { responseCount: number }) => v.responseCount)).toEqual([0, 1, 0]);
    const stored = await app.ctx.db.selectFrom('survey_responses').select('version').where('token', '=', 'resp-token-1').executeTakeFirstOrThrow();
    expect(stored.version).toBe(2);

    const same = await marketing.post(`/api/surveys/${survey.id}/versions`, { definition: def });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.message).toBe('nothing changed since version 3; a new version needs a change');
  });

  test('names the page, question and field of an invalid definition', async () => {
    const id = (await admin.post('/api/surveys', { template: 'nps_why' })).json().survey.id;
    const def = templateDefinition('nps_why');
    def.pages[0]!.questions.push({ id: 'wait', type: 'waiting_time', required: false, text: { en: 'How long did you wait?' }, options: [] });
    let res = await admin.post(`/api/surveys/${id}/versions`, { definition: def });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('the survey is not valid: page 1, question 4 ("wait"): a waiting_time question needs at least two options');

    const bad = templateDefinition('nps_why') as unknown as { pages: { questions: Record<string, unknown>[] }[] };
    bad.pages[0]!.questions[1]!.text = {};
    bad.pages[0]!.questions[2]!.type = 'stars';
    res = await admin.post(`/api/surveys/${id}/versions`, { definition: bad });
    expect(res.statusCode).toBe(400);
    const message: string = res.json().error.message;
    expect(message).toContain('page 1, question 2 ("why"): text: a text needs at least one language');
    expect(message).toContain('page 1, question 3 ("contact"): type:');
    res = await admin.request({ method: 'POST', url: `/api/surveys/${id}/versions`, payload: { definition: def }, headers: { 'accept-language': 'zh-CN' } });
    expect(res.json().error.message).toBe('问卷内容有误：第 1 页第 4 题（"wait"）：waiting_time 类型的题目至少需要两个选项');
    expect((await admin.get(`/api/surveys/${id}`)).json().survey.currentVersion).toBe(1);
  });

  test('copies, renames, activates and archives; never back to draft; audit entries', async () => {
    const source = await createSurveyFromTemplate(app.ctx.db, { orgId, template: 'fft' });
    const copy = await admin.post(`/api/surveys/${source}/copy`, {});
    expect(copy.statusCode).toBe(201);
    expect(copy.json().survey).toMatchObject({ name: 'Copy of Friends and Family Test', status: 'draft', template: 'fft', currentVersion: 1 });
    expect(copy.json().survey.definition).toEqual(templateDefinition('fft'));
    const id = copy.json().survey.id;
    expect((await admin.patch(`/api/surveys/${id}`, { name: 'FFT — Ward 3', status: 'active' })).json().survey).toMatchObject({ name: 'FFT — Ward 3', status: 'active' });
    expect((await admin.patch(`/api/surveys/${id}`, { status: 'archived' })).json().survey.status).toBe('archived');
    const back = await admin.patch(`/api/surveys/${id}`, { status: 'draft' });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.message).toBe('a survey cannot go back to draft');
    const actions = await app.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['survey.created', 'survey.renamed', 'survey.status', 'survey.status']);

    const list = (await leadership.get('/api/surveys')).json().items;
    expect(list.find((s: { id: string }) => s.id === id)).toMatchObject({ status: 'archived', responseCount: 0, linkCount: 0 });
  });

  test('permissions: leadership reads but does not change; staff does not read', async () => {
    expect((await leadership.post('/api/surveys', { template: 'fft' })).statusCode).toBe(403);
    const head = await app.userClient(orgId, 'department_head');
    expect((await head.get('/api/surveys')).statusCode).toBe(200);
    expect((await head.post('/api/surveys', { template: 'fft' })).statusCode).toBe(403);
    const service = await app.userClient(orgId, 'service');
    expect((await service.post('/api/surveys', { template: 'nps_why', name: 'Service NPS' })).statusCode).toBe(201);
    expect((await (await app.userClient(orgId, 'viewer')).get('/api/survey-templates')).statusCode).toBe(403);
    expect((await staff.get('/api/surveys')).statusCode).toBe(403);
    const other = await app.createOrg('surveys-other');
    const foreign = await createSurveyFromTemplate(app.ctx.db, { orgId: other, template: 'fft' });
    expect((await admin.get(`/api/surveys/${foreign}`)).statusCode).toBe(404);
    expect((await admin.post(`/api/surveys/${foreign}/versions`, { definition: templateDefinition('nps_why') })).statusCode).toBe(404);
  });
});

describe('review-link settings', () => {
  test('saves up to six https links and refuses others with a clear message', async () => {
    expect((await admin.get('/api/survey-settings')).json()).toEqual({ reviewLinks: [] });
    const links = [
      { label: 'Google', url: 'https://g.page/r/demo-clinic/review' },
      { label: '大众点评', url: 'https://www.dianping.com/shop/demo' },
    ];
    const res = await marketing.request({ method: 'PUT', url: '/api/survey-settings', payload: { reviewLinks: links } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reviewLinks).toEqual(links);
    expect((await leadership.get('/api/survey-settings')).json().reviewLinks).toEqual(links);
    const http = await admin.request({ method: 'PUT', url: '/api/survey-settings', payload: { reviewLinks: [{ label: 'Old', url: 'http://example.test/review' }] } });
    expect(http.statusCode).toBe(400);
    expect(http.json().error.message).toContain('url must be an https address');
    const seven = Array.from({ length: 7 }, (_, i) => ({ label: `Site ${i}`, url: `https://reviews.example.test/${i}` }));
    const many = await admin.request({ method: 'PUT', url: '/api/survey-settings', payload: { reviewLinks: seven } });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.message).toBe('at most 6 review links');
    expect((await leadership.request({ method: 'PUT', url: '/api/survey-settings', payload: { reviewLinks: [] } })).statusCode).toBe(403);
  });
});

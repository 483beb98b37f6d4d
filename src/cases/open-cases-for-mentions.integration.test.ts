import { afterAll, beforeAll, expect, test } from 'vitest';
import { analysePending } from '../mentions/analyse-pending.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { jaccard, openCasesForMentions, shingles } from './open-cases-for-mentions.ts';

let app: TestApp;
let orgId: string;
let admin: TestClient;
let service: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('major-rule');
  admin = await app.userClient(orgId, 'admin');
  service = await app.userClient(orgId, 'service');
});
afterAll(async () => {
  await app?.close();
});

async function newMention(text: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await admin.post('/api/mentions', { kind: 'review', text, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().mention.id;
}

async function analyseAndOpen(mentionId: string): Promise<string[]> {
  await analysePending(app.ctx, orgId);
  return openCasesForMentions(app.ctx, { orgId, mentionIds: [mentionId] });
}

const casesOf = async (mentionId: string) => (await app.ctx.db.selectFrom('case_mentions').select('case_id').where('mention_id', '=', mentionId).execute()).map((r) => r.case_id);

test('a 4-star "written down so I will not get it wrong at home" raises no risk at all (the cue is negated)', async () => {
  const id = await newMention('用药方法写在纸上给我，回家也不会弄错。', { ratingRaw: 4, ratingScale: 5 });
  expect(await analyseAndOpen(id)).toEqual([]);
  expect(await casesOf(id)).toEqual([]);
  const { mention } = (await service.get(`/api/mentions/${id}`)).json();
  expect(mention.analysis.risks).toEqual([]);
  expect(mention.toReview).toBe(false);
});

test('a risk listed below the Major threshold opens no case but is flagged to review with its evidence', async () => {
  const text = 'We are going to sue the hospital.';
  const id = await newMention(text);
  expect(await analyseAndOpen(id)).toEqual([]);
  expect(await casesOf(id)).toEqual([]);
  const { mention } = (await service.get(`/api/mentions/${id}`)).json();
  expect(mention.toReview).toBe(true);
  const at = text.indexOf('sue');
  expect(mention.review).toEqual([{ risk: 'legal_threat', span: [at, at + 3], cue: 'sue', confidence: expect.any(Number) }]);
  expect(mention.review[0].confidence).toBeLessThan(mention.analysis.riskThreshold);
  const flagged = (await service.get('/api/mentions?toReview=true')).json();
  expect(flagged.items.map((m: { id: string }) => m.id)).toContain(id);
  expect((await service.get('/api/mentions?toReview=false')).json().items.map((m: { id: string }) => m.id)).not.toContain(id);
});

test('a clear complaint of a medical error opens a Major case by itself', async () => {
  const id = await newMention('They gave my mother the wrong medication and she ended up in intensive care. This is negligence.', { ratingRaw: 1, ratingScale: 5 });
  const opened = await analyseAndOpen(id);
  expect(opened).toHaveLength(1);
  const detail = (await admin.get(`/api/cases/${opened[0]}`)).json();
  expect(detail.case.tier).toBe('major');
  expect(detail.timeline[0]).toMatchObject({ type: 'opened', data: { auto: true, risks: ['medical_error'] } });
  expect((await service.get(`/api/mentions/${id}`)).json().mention).toMatchObject({ toReview: false, caseId: opened[0], caseNumber: detail.case.number });
});

test('"Not a risk" clears the flag, is recorded and audited, and the analysis applies the correction next time', async () => {
  const id = await newMention('We are going to sue the hospital, my wife says.');
  await analyseAndOpen(id);
  const before = (await service.get(`/api/mentions/${id}`)).json().mention;
  expect(before.toReview).toBe(true);
  const cue = before.review[0].cue;
  const viewer = await app.userClient(orgId, 'viewer');
  expect((await viewer.post(`/api/mentions/${id}/not-a-risk`, {})).statusCode).toBe(403);
  const res = await service.post(`/api/mentions/${id}/not-a-risk`, {});
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ dismissed: ['legal_threat'], mention: { toReview: false, review: null } });
  expect(res.json().mention.analysis.risks.find((r: { risk: string }) => r.risk === 'legal_threat')).toMatchObject({ dismissed: true });
  expect((await service.post(`/api/mentions/${id}/not-a-risk`, {})).statusCode).toBe(400);
  expect((await service.get('/api/mentions?risk=legal_threat')).json().items.map((m: { id: string }) => m.id)).not.toContain(id);

  const serviceId = (await service.get('/api/auth/me')).json().user.id;
  const recorded = await app.ctx.db.selectFrom('mention_risk_dismissals').selectAll().where('mention_id', '=', id).execute();
  expect(recorded).toEqual([expect.objectContaining({ org_id: orgId, risk: 'legal_threat', cue, dismissed_by: serviceId, dismissed_at: expect.any(Date) })]);
  const audit = await app.ctx.db.selectFrom('audit_log').select(['action', 'user_id', 'details']).where('target_id', '=', id).where('action', '=', 'mention.not_a_risk').execute();
  expect(audit).toEqual([{ action: 'mention.not_a_risk', user_id: serviceId, details: expect.objectContaining({ risk: 'legal_threat', cue }) }]);

  // Re-analysis (a new model, a reanalyse): the dismissed risk stays dismissed and flags nothing.
  await app.ctx.db.updateTable('mentions').set({ analysed_at: null }).where('id', '=', id).execute();
  expect(await analyseAndOpen(id)).toEqual([]);
  const again = (await service.get(`/api/mentions/${id}`)).json().mention;
  expect(again.toReview).toBe(false);
  expect(again.analysis.risks.find((r: { risk: string }) => r.risk === 'legal_threat')).toMatchObject({ dismissed: true, corrections: 1 });
  // The same cue in another mention of the organisation now counts for less.
  const other = await newMention('We are going to sue the clinic for what they did to my father.', { ratingRaw: 1, ratingScale: 5 });
  await analyseAndOpen(other);
  const otherRisk = (await service.get(`/api/mentions/${other}`)).json().mention.analysis.risks.find((r: { risk: string }) => r.risk === 'legal_threat');
  expect(otherRisk).toMatchObject({ corrections: 1 });
  expect(otherRisk.dismissed).toBeUndefined();
});

test('near-duplicate texts join the open case of the first instead of opening new ones', async () => {
  const first = await newMention('Мне поставили неправильный диагноз, врачебная ошибка, неделю лежала в больнице. Подаю в суд.', { authorHandle: 'anna.k' });
  const [caseId] = await analyseAndOpen(first);
  expect(caseId).toBeDefined();
  const copy = await newMention('Мне поставили неправильный диагноз!!! Врачебная ошибка, неделю лежала в больнице. Подаю в суд', { authorHandle: 'anna_k_2' });
  expect(await analyseAndOpen(copy)).toEqual([caseId]);
  expect(await casesOf(copy)).toEqual([caseId]);
  const detail = (await admin.get(`/api/cases/${caseId}`)).json();
  expect(detail.case.mentionIds).toEqual(expect.arrayContaining([first, copy]));
  expect(detail.timeline.find((e: { type: string }) => e.type === 'mention_added')).toMatchObject({ data: { mentionId: copy, reason: 'near_duplicate', duplicateOf: first } });
  expect((await service.get(`/api/mentions/${copy}`)).json().mention).toMatchObject({ status: 'in_case', caseId });
  const audit = await app.ctx.db.selectFrom('audit_log').select(['action', 'actor', 'details']).where('target_id', '=', caseId!).where('action', '=', 'case.mention_linked').execute();
  expect(audit).toEqual([expect.objectContaining({ details: expect.objectContaining({ reason: 'near_duplicate', after: { mention: expect.stringContaining('anna_k_2') } }) })]);
});

test('syndicated copies of one news item are one case', async () => {
  const title = 'Clinic patient died after a misdiagnosis, family says';
  const body = 'The family of a patient says she died after doctors at Renhe International misdiagnosed a stroke as a migraine. The hospital said it is investigating.';
  const first = await newMention(body, { kind: 'news', title, authorHandle: 'City Health Weekly' });
  const opened = await analyseAndOpen(first);
  const caseId = opened[0] ?? (await service.post('/api/cases', { mentionIds: [first], tier: 'major' })).json().case.id;
  const copies = [
    await newMention(`${body} Reporting by our staff.`, { kind: 'news', title, authorHandle: 'Shanghai Daily Digest' }),
    await newMention('Family says patient died after doctors misdiagnosed a stroke as migraine; Renhe International says it is investigating the case.', {
      kind: 'news',
      title,
      authorHandle: 'Metro Wire',
    }),
  ];
  for (const copy of copies) {
    expect(await analyseAndOpen(copy)).toEqual([caseId]);
    expect(await casesOf(copy)).toEqual([caseId]);
  }
  const timeline = (await admin.get(`/api/cases/${caseId}`)).json().timeline as { type: string; data: { reason?: string } }[];
  expect(timeline.filter((e) => e.type === 'mention_added').map((e) => e.data.reason)).toEqual(['syndicated', 'syndicated']);
  const cases = await app.ctx.db.selectFrom('cases').select('id').where('org_id', '=', orgId).where('origin_mention_id', 'in', copies).execute();
  expect(cases).toEqual([]);
});

test('shingles compare texts whatever the language and punctuation', () => {
  expect(jaccard(shingles('医生误诊，我要起诉你们！'), shingles('医生误诊 我要起诉你们'))).toBe(1);
  expect(jaccard(shingles('Waited two hours at reception'), shingles('The doctor explained everything'))).toBeLessThan(0.1);
});

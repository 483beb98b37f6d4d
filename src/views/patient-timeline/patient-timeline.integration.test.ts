import { afterAll, beforeAll, expect, test } from 'vitest';
import { enrolPatient, ensureDefaultPlans } from '../../followups/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { insertDepartment, insertResponse, insertSurvey } from '../survey-reports/report-fixtures.ts';

let app: TestApp;
let orgId: string;
let admin: TestClient;
let patientId: string;
let cardio: string;
let dental: string;
let caseId: string;
let caseNumber: number;
let mentionId: string;
let responseId: string;

beforeAll(async () => {
  app = await createTestApp();
  const db = app.ctx.db;
  orgId = await app.createOrg('timeline');
  admin = await app.userClient(orgId, 'admin');
  cardio = await insertDepartment(db, orgId, 'cardio', 'Cardiology');
  dental = await insertDepartment(db, orgId, 'dent', 'Dentistry');
  const surveyId = await insertSurvey(db, orgId, 'After your visit');
  patientId = (await db.insertInto('patients').values({ org_id: orgId, name: 'Zhang Wei (test)', external_id: 'MRN-7', phone: '+86 100 0000 0000' }).returning('id').executeTakeFirstOrThrow()).id;
  const visit = (departmentId: string, endedAt: string) =>
    db
      .insertInto('visits')
      .values({ org_id: orgId, patient_id: patientId, source: 'csv', kind: 'outpatient', department_id: departmentId, started_at: endedAt, ended_at: endedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
  const cardioVisit = (await visit(cardio, '2026-10-01T09:00:00Z')).id;
  await visit(dental, '2026-10-20T09:00:00Z');
  const invitation = (
    await db
      .insertInto('survey_invitations')
      .values({
        org_id: orgId,
        patient_id: patientId,
        visit_id: cardioVisit,
        survey_id: surveyId,
        channel: 'sms',
        status: 'sent',
        scheduled_for: '2026-10-02T09:00:00Z',
        sent_at: '2026-10-02T09:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('survey_invitations')
    .values({
      org_id: orgId,
      patient_id: patientId,
      visit_id: cardioVisit,
      survey_id: surveyId,
      channel: 'email',
      status: 'skipped',
      skip_reason: 'contact_window',
      scheduled_for: '2026-10-02T10:00:00Z',
    })
    .execute();
  const mention = await admin.post('/api/mentions', { kind: 'offline_complaint', text: 'The doctor did not listen to me at all', departmentId: cardio });
  expect(mention.statusCode, mention.body).toBe(201);
  mentionId = mention.json().mention.id;
  await db
    .updateTable('mentions')
    .set({ sentiment: 'negative', received_at: new Date('2026-10-03T10:00:01Z') })
    .where('id', '=', mentionId)
    .execute();
  const opened = await admin.post('/api/cases', { mentionIds: [mentionId], tier: 'general' });
  expect(opened.statusCode, opened.body).toBe(201);
  caseId = opened.json().case.id;
  caseNumber = opened.json().case.number;
  responseId = await insertResponse(db, orgId, { surveyId, submittedAt: '2026-10-03T10:00:00Z', nps: 3, departmentId: cardio, patientId, visitId: cardioVisit, invitationId: invitation, mentionId });
  // A draft is not on the timeline.
  await insertResponse(db, orgId, { surveyId, submittedAt: null, status: 'draft', nps: 10, departmentId: cardio, patientId });
});
afterAll(async () => {
  await app?.close();
});

test('joins visits, invitations, answers and the mentions and cases they became, newest first', async () => {
  const res = await admin.get(`/api/patients/${patientId}/timeline`);
  expect(res.statusCode, res.body).toBe(200);
  const { items } = res.json();
  expect(items.map((i: { kind: string }) => i.kind)).toEqual(['visit', 'mention', 'response', 'invitation.skipped', 'invitation.sent', 'visit']);
  expect(items[0]).toMatchObject({ at: '2026-10-20T09:00:00.000Z', title: 'Outpatient visit', detail: 'Dentistry' });
  expect(items[1]).toMatchObject({
    title: 'The answer became a mention',
    detail: 'Negative · The doctor did not listen to me at all',
    sentiment: 'negative',
    ref: { type: 'mention', id: mentionId },
    cases: [{ id: caseId, number: caseNumber, title: expect.any(String) }],
  });
  expect(items[2]).toMatchObject({ title: 'Answered the survey “After your visit”', detail: 'NPS 3 · low score', band: 'low', ref: { type: 'response', id: responseId } });
  expect(items[3]).toMatchObject({ title: 'Survey invitation not sent (e-mail)', detail: 'After your visit · asked already within the last 30 days' });
  expect(items[4]).toMatchObject({ title: 'Survey invitation sent (SMS)', at: '2026-10-02T09:00:00.000Z' });
  // The timeline carries no contact details.
  expect(res.body).not.toContain('+86 100');
});

test('renders its words in the viewer’s language', async () => {
  const res = await admin.request({ method: 'GET', url: `/api/patients/${patientId}/timeline`, headers: { 'accept-language': 'ru' } });
  const { items } = res.json();
  expect(items[0].title).toBe('Амбулаторный приём');
  expect(items[2].title).toBe('Ответил(а) на опрос «After your visit»');
  expect(items[3].detail).toBe('After your visit · уже спрашивали за последние 30 дн.');
  const zh = (await admin.request({ method: 'GET', url: `/api/patients/${patientId}/timeline`, headers: { 'accept-language': 'zh-CN' } })).json();
  expect(zh.items[1].title).toBe('该回答已成为一条提及');
});

test('a department head sees their departments’ rows only, and a patient with nothing in them is not found', async () => {
  const dentalHead = await app.userClient(orgId, 'department_head', { departmentIds: [dental] });
  const r = (await dentalHead.get(`/api/patients/${patientId}/timeline`)).json();
  expect(r.items.map((i: { kind: string; detail: string }) => [i.kind, i.detail])).toEqual([['visit', 'Dentistry']]);
  const eyeHead = await app.userClient(orgId, 'department_head', { departmentIds: [await insertDepartment(app.ctx.db, orgId, 'eye', 'Ophthalmology')] });
  const hidden = await eyeHead.get(`/api/patients/${patientId}/timeline`);
  expect(hidden.statusCode).toBe(404);
  expect(hidden.json().error.message).toBe('Patient not found');
});

test('another organisation’s patient and an unknown id are not found; roles without patients.read are refused', async () => {
  const other = await app.createOrg('timeline-other');
  const otherAdmin = await app.userClient(other, 'admin');
  expect((await otherAdmin.get(`/api/patients/${patientId}/timeline`)).statusCode).toBe(404);
  expect((await admin.get('/api/patients/00000000-0000-4000-8000-000000000000/timeline')).statusCode).toBe(404);
  expect((await admin.get('/api/patients/not-a-uuid/timeline')).statusCode).toBe(400);
  const marketing = await app.userClient(orgId, 'marketing');
  expect((await marketing.get(`/api/patients/${patientId}/timeline`)).statusCode).toBe(403);
});

test('shows the follow-up events FOLLOWUPS records, in the same timeline', async () => {
  const db = app.ctx.db;
  const by = { orgId, userId: null, actor: 'timeline test', ip: null };
  await ensureDefaultPlans(db, by, 'en');
  const plan = await db.selectFrom('followup_plans').select(['id', 'name']).where('org_id', '=', orgId).orderBy('name').executeTakeFirstOrThrow();
  await enrolPatient(db, null, { orgId, planId: plan.id, patientId, departmentId: cardio, source: 'staff', by });
  const { items } = (await admin.get(`/api/patients/${patientId}/timeline`)).json();
  expect(items[0]).toMatchObject({ kind: 'followup.enrolled', title: `Enrolled in the follow-up plan “${plan.name}”`, ref: { type: 'followup_enrolment' } });
  expect(items.slice(1).map((i: { kind: string }) => i.kind)).toContain('visit'); // The enrolment is Cardiology's: its head sees the follow-up events, Dentistry's head does not.
  const cardioHead = await app.userClient(orgId, 'department_head', { departmentIds: [cardio] });
  expect((await cardioHead.get(`/api/patients/${patientId}/timeline`)).json().items[0].kind).toBe('followup.enrolled');
  const dentalHead = await app.userClient(orgId, 'department_head', { departmentIds: [dental] });
  expect((await dentalHead.get(`/api/patients/${patientId}/timeline`)).json().items.map((i: { kind: string }) => i.kind)).toEqual(['visit']);
});

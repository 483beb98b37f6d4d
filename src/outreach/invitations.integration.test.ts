import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSurveyFromTemplate } from '../surveys/index.ts';
import { createTestApp, multipartBody, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { isContactable } from './contact-rules.ts';
import { sendDueInvitations } from './send-invitations.ts';
import { fhirBundle } from './test-fixtures/fixtures.ts';

/*
 * The issue's "done means" for outreach: a FHIR bundle of three encounters sends three
 * invitations after the delay, a second visit of the same patient inside the contact window sends
 * none; the same file twice adds nothing; opting out stops everything; the CAHPS order holds.
 */

const HOUR = 3_600_000;
let app: TestApp;
let admin: TestClient;
let orgId: string;
let surveyId: string;
const t0 = new Date(Math.floor(Date.now() / 60_000) * 60_000 - HOUR);

const upload = (client: TestClient, name: string, content: string, format?: string) =>
  client.request({ method: 'POST', url: `/api/visits/import${format ? `?format=${format}` : ''}`, ...multipartBody({}, { name, content }) });

async function invitations(patientMrn?: string) {
  let q = app.ctx.db
    .selectFrom('survey_invitations as i')
    .innerJoin('patients as p', 'p.id', 'i.patient_id')
    .select(['i.id', 'i.kind', 'i.status', 'i.skip_reason', 'i.scheduled_for', 'i.sent_at', 'i.channel', 'i.link_id', 'p.external_id as mrn'])
    .where('i.org_id', '=', orgId);
  if (patientMrn) q = q.where('p.external_id', '=', patientMrn);
  return q.orderBy('i.created_at').orderBy('i.scheduled_for').orderBy('i.kind', 'desc').execute();
}

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('outreach-clinic');
  await app.ctx.db.updateTable('organisations').set({ timezone: 'UTC' }).where('id', '=', orgId).execute();
  admin = await app.userClient(orgId, 'admin');
  const location = (await admin.post('/api/org/locations', { code: 'north', name: 'North campus' })).json().location.id;
  const department = (await admin.post('/api/org/departments', { code: 'card', name: 'Cardiology', locationId: location })).json().department.id;
  await admin.post('/api/org/staff', { name: 'Anna Ivanova', departmentId: department });
  surveyId = await createSurveyFromTemplate(app.ctx.db, { orgId, template: 'outpatient' });
  const res = await admin.request({
    method: 'PUT',
    url: '/api/outreach/settings',
    payload: { defaultSurveyId: surveyId, delayHours: { outpatient: 2, inpatient: 2 }, contactWindowDays: 30, channelPreference: 'sms' },
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await app?.close();
});

test('a FHIR bundle of three encounters sends three invitations after the delay; the same file again adds nothing', async () => {
  const bundle = fhirBundle({ ended: [t0, new Date(t0.getTime() + 60_000), new Date(t0.getTime() + 120_000)] });
  const res = await upload(admin, 'encounters.json', bundle);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ format: 'fhir', accepted: 3, duplicates: 0, patientsCreated: 3, rejected: [], invitations: { scheduled: 3, skipped: 0 } });
  const scheduled = await invitations();
  expect(scheduled.map((i) => i.status)).toEqual(['scheduled', 'scheduled', 'scheduled']);
  // Two hours after each visit's end.
  expect(scheduled[0]!.scheduled_for.getTime()).toBe(t0.getTime() + 2 * HOUR);

  // Before the delay has passed nothing goes out.
  expect(await sendDueInvitations(app.ctx, new Date(t0.getTime() + HOUR))).toMatchObject({ sent: 0 });
  const summary = await sendDueInvitations(app.ctx, new Date(t0.getTime() + 2 * HOUR + 5 * 60_000));
  expect(summary).toMatchObject({ sent: 3, skipped: 0, failed: 0 });
  const sent = await invitations();
  expect(sent.every((i) => i.status === 'sent' && i.link_id)).toBe(true);
  // The log provider kept the three SMS: each with the visit's survey link and an opt-out link, in the patient's language.
  const sms = await app.ctx.db.selectFrom('sms_outbox').select(['recipient', 'text_body']).where('org_id', '=', orgId).orderBy('created_at').execute();
  expect(sms).toHaveLength(3);
  expect(sms[0]!.text_body).toMatch(/^Спасибо, что выбрали .*\/s\/[\w-]{22,}.*\n.*\/o\/[\w-]{16,}/s);
  expect(sms[1]!.text_body).toMatch(/^Thank you for visiting/);
  const links = await app.ctx.db.selectFrom('survey_links').select(['scope', 'visit_id']).where('org_id', '=', orgId).execute();
  expect(links.map((l) => l.scope)).toEqual(['visit', 'visit', 'visit']);

  const again = await upload(admin, 'encounters.json', bundle);
  expect(again.json()).toMatchObject({ accepted: 0, duplicates: 3, patientsCreated: 0, invitations: { scheduled: 0, skipped: 0 } });
  expect(await invitations()).toHaveLength(3);
  expect(await app.ctx.db.selectFrom('visits').select('id').where('org_id', '=', orgId).execute()).toHaveLength(3);
});

test('a second visit of the same patient inside the contact window sends none, and the skip says why', async () => {
  const later = new Date(t0.getTime() + 3 * HOUR);
  const bundle = fhirBundle({ ended: [later], mrns: ['F-1'] }).replace('FHIR-V0-F-1', 'FHIR-SECOND-F-1');
  const res = await upload(admin, 'second.json', bundle);
  expect(res.json()).toMatchObject({ accepted: 1, invitations: { scheduled: 0, skipped: 1 } });
  const f1 = await invitations('F-1');
  expect(f1.map((i) => [i.status, i.skip_reason])).toEqual([
    ['sent', null],
    ['skipped', 'contact_window'],
  ]);
  expect(await sendDueInvitations(app.ctx, new Date(later.getTime() + 10 * HOUR))).toMatchObject({ sent: 0 });
  const list = (await admin.request({ method: 'GET', url: '/api/outreach/invitations?status=skipped', headers: { 'accept-language': 'en' } })).json();
  expect(list.items[0]).toMatchObject({ skipReason: 'contact_window', skipReasonText: 'asked already within the last 30 days', patientName: 'Maria Testova0' });
});

test('the window is checked again at sending: an invitation scheduled before the first was sent is skipped then', async () => {
  const base = new Date(t0.getTime() + 40 * 24 * HOUR);
  await upload(admin, 'a.json', fhirBundle({ ended: [base], mrns: ['W-1'] }).replace('FHIR-V0-W-1', 'W-A'));
  // Forty days later the first is allowed; a second visit the same hour is refused at scheduling already.
  const second = await upload(admin, 'b.json', fhirBundle({ ended: [new Date(base.getTime() + 60_000)], mrns: ['W-1'] }).replace('FHIR-V0-W-1', 'W-B'));
  expect(second.json().invitations).toEqual({ scheduled: 0, skipped: 1 });
  // Even if a scheduled duplicate slips in (another import racing), the sender refuses it.
  const [first] = await invitations('W-1');
  await app.ctx.db
    .insertInto('survey_invitations')
    .values({
      org_id: orgId,
      patient_id: (await app.ctx.db.selectFrom('survey_invitations').select('patient_id').where('id', '=', first!.id).executeTakeFirstOrThrow()).patient_id,
      survey_id: surveyId,
      channel: 'sms',
      scheduled_for: new Date(base.getTime() + 2 * HOUR + 30_000),
    })
    .execute();
  const summary = await sendDueInvitations(app.ctx, new Date(base.getTime() + 3 * HOUR));
  expect(summary).toMatchObject({ sent: 1, skipped: 1 });
});

test('opting out through the link in the message: a page in the patient language, every later message skipped, follow-ups told', async () => {
  const sms = await app.ctx.db.selectFrom('sms_outbox').select('text_body').where('org_id', '=', orgId).orderBy('created_at').executeTakeFirstOrThrow();
  const path = /\/o\/[\w-]+/.exec(sms.text_body)![0];
  const page = await app.server.inject({ method: 'GET', url: path });
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  expect(page.body).toContain('Вы хотите больше не получать сообщения');
  const patientId = (await app.ctx.db.selectFrom('patients').select('id').where('org_id', '=', orgId).where('external_id', '=', 'F-1').executeTakeFirstOrThrow()).id;
  expect(await isContactable(app.ctx.db, orgId, patientId, new Date())).toBe(true);
  const done = await app.server.inject({ method: 'POST', url: path, payload: {} });
  expect(done.statusCode).toBe(200);
  expect(done.body).toContain('больше не будет присылать');
  expect(await isContactable(app.ctx.db, orgId, patientId, new Date())).toBe(false);
  // A new visit of the opted-out patient, outside the window, is skipped with the reason.
  const far = new Date(t0.getTime() + 90 * 24 * HOUR);
  const res = await upload(admin, 'far.json', fhirBundle({ ended: [far], mrns: ['F-1'] }).replace('FHIR-V0-F-1', 'FHIR-FAR-F-1'));
  expect(res.json().invitations).toEqual({ scheduled: 0, skipped: 1 });
  expect((await invitations('F-1')).at(-1)).toMatchObject({ status: 'skipped', skip_reason: 'opted_out' });
  const audit = await app.ctx.db.selectFrom('audit_log').select(['actor', 'action']).where('org_id', '=', orgId).where('action', '=', 'patient.opt_out').execute();
  expect(audit).toEqual([{ actor: 'patient', action: 'patient.opt_out' }]);
  const unknown = await app.server.inject({ method: 'GET', url: '/o/not-a-real-token-at-all', headers: { 'accept-language': 'zh-CN' } });
  expect(unknown.statusCode).toBe(404);
  expect(unknown.body).toContain('此链接无效');
});

test('exclusion windows postpone, a patient hold skips', async () => {
  const day = new Date(Date.UTC(2031, 0, 10, 20, 0));
  const put = await admin.request({ method: 'PUT', url: '/api/outreach/settings', payload: { exclusionWindows: [{ kind: 'daily', from: '21:00', to: '08:00', label: 'night' }] } });
  expect(put.statusCode, put.body).toBe(200);
  await upload(admin, 'night.json', fhirBundle({ ended: [day], mrns: ['N-1'] }).replace('FHIR-V0-N-1', 'NIGHT-1'));
  const [night] = await invitations('N-1');
  // Due at 22:00 UTC, inside the night: moved to 08:00 the next morning.
  expect(night!.scheduled_for.toISOString()).toBe('2031-01-11T08:00:00.000Z');
  const bad = await admin.request({ method: 'PUT', url: '/api/outreach/settings', payload: { exclusionWindows: [{ kind: 'daily', from: '25:00', to: '08:00' }] } });
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error.message).toBe('exclusion window 1: a time is written HH:MM (00:00–23:59)');
  await admin.request({ method: 'PUT', url: '/api/outreach/settings', payload: { exclusionWindows: [] } });
  const patient = (await app.ctx.db.selectFrom('patients').select('id').where('org_id', '=', orgId).where('external_id', '=', 'N-1').executeTakeFirstOrThrow()).id;
  const patched = await admin.request({ method: 'PATCH', url: `/api/patients/${patient}`, payload: { doNotContactUntil: '2031-06-01T00:00:00Z' } });
  expect(patched.statusCode, patched.body).toBe(200);
  expect(await sendDueInvitations(app.ctx, new Date('2031-01-11T09:00:00Z'))).toMatchObject({ skipped: 1, sent: 0 });
  expect((await invitations('N-1'))[0]).toMatchObject({ status: 'skipped', skip_reason: 'patient_hold' });
});

test('the CAHPS rule (market us): a review request never goes before or with the survey; elsewhere it keeps its own time', async () => {
  await app.ctx.db
    .insertInto('survey_settings')
    .values({ org_id: orgId, review_links: JSON.stringify([{ label: 'Maps', url: 'https://maps.example.test/clinic' }]) })
    .execute();
  await admin.request({ method: 'PUT', url: '/api/outreach/settings', payload: { market: 'us', reviewRequestHours: 1, exclusionWindows: [] } });
  const settings = (await admin.get('/api/outreach/settings')).json().settings;
  expect(settings).toMatchObject({ market: 'us', cahpsRule: true, cahpsRuleSetting: null, reviewRequestHours: 1 });
  const ended = new Date(Date.UTC(2032, 2, 1, 10, 0));
  await upload(admin, 'us.json', fhirBundle({ ended: [ended], mrns: ['US-1'] }).replace('FHIR-V0-US-1', 'US-VISIT'));
  let rows = await invitations('US-1');
  const survey = rows.find((r) => r.kind === 'survey')!;
  const review = rows.find((r) => r.kind === 'review_request')!;
  // Asked for one hour after the visit, the review request waits until an hour after the survey.
  expect(review.scheduled_for.getTime()).toBe(survey.scheduled_for.getTime() + HOUR);
  // Forced earlier than the survey (an old schedule), the sender still holds it back.
  await app.ctx.db
    .updateTable('survey_invitations')
    .set({ scheduled_for: new Date(ended.getTime() + 30 * 60_000) })
    .where('id', '=', review.id)
    .execute();
  expect(await sendDueInvitations(app.ctx, new Date(ended.getTime() + HOUR))).toMatchObject({ sent: 0, postponed: 1 });
  await sendDueInvitations(app.ctx, new Date(ended.getTime() + 2 * HOUR + 60_000));
  rows = await invitations('US-1');
  expect(rows.find((r) => r.kind === 'survey')!.status).toBe('sent');
  expect(rows.find((r) => r.kind === 'review_request')!.status).toBe('scheduled');
  await sendDueInvitations(app.ctx, new Date(ended.getTime() + 4 * HOUR));
  rows = await invitations('US-1');
  const [s, r] = [rows.find((x) => x.kind === 'survey')!, rows.find((x) => x.kind === 'review_request')!];
  expect(r.status).toBe('sent');
  expect(r.sent_at!.getTime()).toBeGreaterThan(s.sent_at!.getTime());

  // Market cn: no CAHPS rule by default, the review request goes at its own hour, before the survey.
  await admin.request({ method: 'PUT', url: '/api/outreach/settings', payload: { market: 'cn' } });
  await upload(admin, 'cn.json', fhirBundle({ ended: [ended], mrns: ['CN-1'] }).replace('FHIR-V0-CN-1', 'CN-VISIT'));
  await sendDueInvitations(app.ctx, new Date(ended.getTime() + HOUR + 60_000));
  rows = await invitations('CN-1');
  expect(Object.fromEntries(rows.map((x) => [x.kind, x.status]))).toEqual({ survey: 'scheduled', review_request: 'sent' });
  // Under the rule, a survey that was skipped takes its review request with it.
  await admin.request({ method: 'PUT', url: '/api/outreach/settings', payload: { market: 'us', cahpsRule: true } });
  await upload(admin, 'skip.json', fhirBundle({ ended: [new Date(ended.getTime() + HOUR)], mrns: ['US-1'] }).replace('FHIR-V0-US-1', 'US-VISIT-2'));
  expect(Object.fromEntries((await invitations('US-1')).slice(-2).map((x) => [x.kind, x.skip_reason]))).toEqual({ survey: 'contact_window', review_request: 'cahps_order' });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSurveyFromTemplate } from '../surveys/index.ts';
import { createTestApp, multipartBody, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { MAX_SEND_ATTEMPTS } from './outreach.vocab.ts';
import { sendDueInvitations } from './send-invitations.ts';
import { hl7Discharge, HL7_A01 } from './test-fixtures/fixtures.ts';

/*
 * Patients as staff see them (contact details only for the roles that need them, lists and search
 * too), the visit import through the API (CSV rows refused with reasons in the reader's language,
 * HL7, FHIR refusals), and an SMS provider that keeps failing: retried with backoff, then failed.
 */

const HOUR = 3_600_000;
let app: TestApp;
let admin: TestClient;
let leadership: TestClient;
let pr: TestClient;
let staffInCardiology: TestClient;
let orgId: string;
let departmentId: string;

const upload = (client: TestClient, name: string, content: string, headers: Record<string, string> = {}) => {
  const body = multipartBody({}, { name, content });
  return client.request({ method: 'POST', url: '/api/visits/import', payload: body.payload, headers: { ...body.headers, ...headers } });
};

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('patients-clinic');
  admin = await app.userClient(orgId, 'admin');
  const location = (await admin.post('/api/org/locations', { code: 'north', name: 'North campus' })).json().location.id;
  departmentId = (await admin.post('/api/org/departments', { code: 'card', name: 'Cardiology', locationId: location })).json().department.id;
  await admin.post('/api/org/departments', { code: 'derm', name: 'Dermatology', locationId: location });
  await admin.post('/api/org/staff', { name: 'Anna Ivanova', departmentId });
  leadership = await app.userClient(orgId, 'leadership');
  pr = await app.userClient(orgId, 'pr');
  staffInCardiology = await app.userClient(orgId, 'staff', { departmentIds: [departmentId] });
  const csv = [
    'patient id,name,phone,email,language,visit id,kind,location,department,doctor,started,ended',
    'M-1,Ivan Testov,+7 900 000 00 11,ivan@example.test,ru,CSV-1,outpatient,north,card,Anna Ivanova,2026-11-30 10:00,2026-11-30 10:30',
    'M-2,Li Ceshi,+86 138 0000 0022,,zh-CN,CSV-2,outpatient,north,derm,,2026-11-30 11:00,2026-11-30 11:20',
  ].join('\n');
  const res = await upload(admin, 'visits.csv', csv);
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await app?.close();
});

test('contact details only for roles with patients.contact: in the list, the detail and the search', async () => {
  const all = (await admin.get('/api/patients')).json();
  expect(all.total).toBe(2);
  expect(all.items.find((p: { externalId: string }) => p.externalId === 'M-1')).toMatchObject({ phone: '+7 900 000 00 11', email: 'ivan@example.test', contactHidden: false, locale: 'ru' });
  for (const client of [leadership, pr]) {
    const list = (await client.get('/api/patients')).json();
    expect(list.items.every((p: { phone: null; email: null; contactHidden: boolean }) => p.phone === null && p.email === null && p.contactHidden)).toBe(true);
    const one = (await client.get(`/api/patients/${list.items[0].id}`)).json().patient;
    expect(one).toMatchObject({ phone: null, email: null, contactHidden: true });
    // Searching by a phone number cannot reveal whose it is.
    expect((await client.get('/api/patients?q=0000011')).json().total).toBe(0);
    expect((await client.get('/api/patients?q=Ivan')).json().total).toBe(1);
    expect((await client.request({ method: 'PATCH', url: `/api/patients/${list.items[0].id}`, payload: { optedOut: true } })).statusCode).toBe(403);
    const invitations = (await client.get('/api/outreach/invitations')).json();
    expect(invitations.items.every((i: { to: null; contactHidden: boolean }) => i.to === null && i.contactHidden)).toBe(true);
  }
  expect((await admin.get('/api/patients?q=0000011')).json().items[0].externalId).toBe('M-1');
  expect((await admin.get('/api/patients?q=M-2')).json().items[0].name).toBe('Li Ceshi');
  // An MRN by its beginning, in any case; a `%` typed is a character, not a wildcard.
  expect((await admin.get('/api/patients?q=m-')).json().total).toBe(2);
  expect((await admin.get('/api/patients?q=%25')).json().total).toBe(0);
  const adminInvitations = (await admin.get('/api/outreach/invitations')).json();
  expect(adminInvitations.items.some((i: { to: string | null }) => i.to === '+7 900 000 00 11')).toBe(true);
});

test('a department-scoped reader sees the patients and visits of their departments only', async () => {
  const list = (await staffInCardiology.get('/api/patients')).json();
  expect(list.items.map((p: { externalId: string }) => p.externalId)).toEqual(['M-1']);
  expect(list.items[0].phone).toBe('+7 900 000 00 11');
  const other = (await admin.get('/api/patients?q=M-2')).json().items[0].id;
  expect((await staffInCardiology.get(`/api/patients/${other}`)).statusCode).toBe(404);
  const visits = (await staffInCardiology.get('/api/visits')).json();
  expect(visits.items.map((v: { externalId: string }) => v.externalId)).toEqual(['CSV-1']);
});

test('visits of a patient, and PATCH: opt-out, language, contact, audited without the values', async () => {
  const patient = (await admin.get('/api/patients?q=M-1')).json().items[0];
  const visits = (await admin.get(`/api/visits?patientId=${patient.id}`)).json();
  expect(visits.items).toEqual([
    expect.objectContaining({
      externalId: 'CSV-1',
      kind: 'outpatient',
      source: 'csv',
      locationName: 'North campus',
      departmentName: 'Cardiology',
      staffName: 'Anna Ivanova',
      endedAt: '2026-11-30T10:30:00.000Z',
    }),
  ]);
  const res = await admin.request({ method: 'PATCH', url: `/api/patients/${patient.id}`, payload: { optedOut: true, locale: 'en', email: 'new@example.test' } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().patient).toMatchObject({ locale: 'en', email: 'new@example.test', optedOutAt: expect.any(String) });
  const bad = await admin.request({ method: 'PATCH', url: `/api/patients/${patient.id}`, payload: { email: 'not-an-address' } });
  expect(bad.statusCode).toBe(400);
  const audit = await app.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('org_id', '=', orgId).where('target_id', '=', patient.id).execute();
  expect(audit).toEqual([{ action: 'patient.opt_out', details: { fields: ['optedOut', 'locale', 'email'] } }]);
  expect(JSON.stringify(audit)).not.toContain('new@example.test');
  await admin.request({ method: 'PATCH', url: `/api/patients/${patient.id}`, payload: { optedOut: false } });
});

test('CSV: bad rows named with their reason in the reader language, good rows kept; a second import adds nothing', async () => {
  const csv = [
    'patient id,name,visit id,department,doctor,ended',
    'M-3,Good Row,CSV-3,card,,2026-11-30 12:00',
    ',No Mrn,CSV-4,,,',
    'M-5,Bad Doctor,CSV-5,card,Dr. Nobody,',
    'M-6,Bad Date,CSV-6,,,30.11.2026',
    'M-7,Twice,CSV-3,,,',
  ].join('\n');
  const res = await upload(admin, 'more.csv', csv, { 'accept-language': 'ru' });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ format: 'csv', accepted: 1, duplicates: 0 });
  expect(res.json().rejected).toEqual([
    { where: 'строка 3', visitId: 'CSV-4', reason: 'нет номера пациента (MRN)', code: 'outreach.row.missingMrn' },
    { where: 'строка 4', visitId: 'CSV-5', reason: 'нет врача по имени «Dr. Nobody»', code: 'outreach.row.unknownDoctor' },
    { where: 'строка 5', visitId: 'CSV-6', reason: 'ended «30.11.2026» — не дата и время', code: 'outreach.row.badDate' },
    { where: 'строка 6', visitId: 'CSV-3', reason: 'визит CSV-3 встречается в файле дважды', code: 'outreach.row.duplicateInFile' },
  ]);
  const again = await upload(admin, 'more.csv', csv);
  expect(again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
  const noColumn = await upload(admin, 'x.csv', 'name,phone\nIvan,1\n');
  expect(noColumn.statusCode).toBe(400);
  expect(noColumn.json().error.message).toBe('the CSV has no column patient id');
});

test('HL7 v2: several messages in one file; an A01 is refused with its type; FHIR that is not a bundle is refused', async () => {
  const file = `${hl7Discharge({ mrn: 'H-1', visitId: 'HV-1' })}\r${HL7_A01}\r${hl7Discharge({ mrn: 'H-2', visitId: 'HV-2' })}`;
  const res = await upload(admin, 'adt.hl7', file);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ format: 'hl7', accepted: 2, rejected: [{ where: 'message 2', reason: 'message 2 is ADT^A01, not an ADT^A03 discharge; refused' }] });
  const h1 = (await admin.get('/api/patients?q=H-1')).json().items[0];
  expect(h1).toMatchObject({ name: 'Иван Петров', locale: 'ru', phone: '+7 900 000-00-01', email: 'ivan.petrov@example.test' });
  const notBundle = await upload(admin, 'p.json', '{"resourceType":"Patient","id":"x"}', { 'accept-language': 'zh-CN' });
  expect(notBundle.statusCode).toBe(400);
  expect(notBundle.json().error.message).toBe('应为 FHIR Bundle，实际 resourceType 为 Patient');
  const r3 = await upload(admin, 'b.json', '{"resourceType":"Bundle","meta":{"fhirVersion":"3.0.2"}}');
  expect(r3.json().error.message).toBe('FHIR version 3.0.2 is not R4 (4.0.x)');
});

test('only outreach.manage imports and changes settings; the SMS secret is masked', async () => {
  expect((await upload(pr, 'v.csv', 'patient id,visit id\nA,B\n')).statusCode).toBe(403);
  expect((await leadership.get('/api/outreach/settings')).statusCode).toBe(403);
  const res = await admin.request({
    method: 'PUT',
    url: '/api/outreach/settings',
    payload: { smsProvider: 'twilio', smsConfig: { accountSid: 'AC1', authToken: 'twilio-secret-4321', from: '+15550000000' } },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().settings.smsConfig).toEqual({ accountSid: 'AC1', authToken: '••••4321', from: '+15550000000' });
  expect(res.body).not.toContain('twilio-secret');
  const missing = await admin.request({ method: 'PUT', url: '/api/outreach/settings', payload: { smsProvider: 'aliyun', smsConfig: { accessKeyId: 'x' } } });
  expect(missing.statusCode).toBe(400);
  expect(missing.json().error.message).toContain('smsConfig.accessKeySecret');
});

test('a provider that keeps failing: retried with backoff, then failed with its error', async () => {
  let calls = 0;
  const replay: Server = createServer((_req, res) => {
    calls++;
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"code":20503,"message":"Service unavailable","status":503}');
  });
  await new Promise<void>((resolve) => replay.listen(0, '127.0.0.1', resolve));
  try {
    const baseUrl = `http://127.0.0.1:${(replay.address() as AddressInfo).port}`;
    const surveyId = await createSurveyFromTemplate(app.ctx.db, { orgId, template: 'nps_why' });
    const put = await admin.request({
      method: 'PUT',
      url: '/api/outreach/settings',
      payload: { defaultSurveyId: surveyId, delayHours: { outpatient: 0 }, smsProvider: 'twilio', smsConfig: { accountSid: 'AC1', authToken: '••••4321', from: '+15550000000', baseUrl } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const ended = new Date(Math.floor(Date.now() / 1000) * 1000 - HOUR);
    const csv = `patient id,name,phone,visit id,ended\nR-1,Retry Testov,+15550001111,RETRY-1,${ended.toISOString()}\n`;
    expect((await upload(admin, 'r.csv', csv)).json().invitations).toEqual({ scheduled: 1, skipped: 0 });
    let at = new Date();
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      const summary = await sendDueInvitations(app.ctx, at);
      expect(summary).toMatchObject(attempt < MAX_SEND_ATTEMPTS ? { retried: 1 } : { failed: 1 });
      const row = await app.ctx.db
        .selectFrom('survey_invitations as i')
        .innerJoin('visits as v', 'v.id', 'i.visit_id')
        .select(['i.status', 'i.attempts', 'i.scheduled_for', 'i.error'])
        .where('v.external_id', '=', 'RETRY-1')
        .executeTakeFirstOrThrow();
      expect(row.attempts).toBe(attempt);
      expect(row.error).toBe('Twilio refused the message: 20503 Service unavailable');
      if (attempt < MAX_SEND_ATTEMPTS) {
        // Not again before the backoff has passed.
        expect(row.scheduled_for.getTime()).toBeGreaterThan(at.getTime());
        expect(await sendDueInvitations(app.ctx, at)).toMatchObject({ retried: 0, failed: 0 });
        at = row.scheduled_for;
      } else expect(row.status).toBe('failed');
    }
    expect(calls).toBe(MAX_SEND_ATTEMPTS);
  } finally {
    await new Promise<void>((resolve) => replay.close(() => resolve()));
  }
});

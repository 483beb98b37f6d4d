import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSurveyFromTemplate } from '../../surveys/index.ts';
import { createTestApp, multipartBody, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { fhirBundle } from '../test-fixtures/fixtures.ts';

let app: TestApp;
let admin: TestClient;
let orgId: string;

beforeAll(async () => {
  app = await createTestApp({ workers: true });
  orgId = await app.createOrg('outreach-worker');
  admin = await app.userClient(orgId, 'admin');
  const location = (await admin.post('/api/org/locations', { code: 'north', name: 'North campus' })).json().location.id;
  const department = (await admin.post('/api/org/departments', { code: 'card', name: 'Cardiology', locationId: location })).json().department.id;
  await admin.post('/api/org/staff', { name: 'Anna Ivanova', departmentId: department });
  const surveyId = await createSurveyFromTemplate(app.ctx.db, { orgId, template: 'fft' });
  await admin.request({ method: 'PUT', url: '/api/outreach/settings', payload: { defaultSurveyId: surveyId, delayHours: { outpatient: 1, inpatient: 1 } } });
});
afterAll(async () => {
  await app?.close();
});

test('the import queues outreach.send-invitations for the first due time, and the worker sends what is due', async () => {
  // Visits that ended two hours ago with a one-hour delay are due at once.
  const ended = new Date(Date.now() - 2 * 3_600_000);
  const bundle = fhirBundle({ ended: [ended, ended, ended] });
  const res = await admin.request({ method: 'POST', url: '/api/visits/import', ...multipartBody({}, { name: 'b.json', content: bundle }) });
  expect(res.json(), res.body).toMatchObject({ accepted: 3, invitations: { scheduled: 3 } });
  let sent = 0;
  for (let i = 0; i < 100 && sent < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    sent = (await app.ctx.db.selectFrom('survey_invitations').select('id').where('org_id', '=', orgId).where('status', '=', 'sent').execute()).length;
  }
  expect(sent).toBe(3);
}, 30_000);

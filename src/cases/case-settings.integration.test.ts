import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';

// An organisation's case settings: root causes, tiers' clocks and teams, locations' working hours.
let app: TestApp;
let admin: TestClient;
let service: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  const orgId = await app.createOrg('case-settings');
  admin = await app.userClient(orgId, 'admin');
  service = await app.userClient(orgId, 'service');
});
afterAll(async () => {
  await app?.close();
});

async function newMention(text: string, extra: Record<string, unknown>): Promise<string> {
  const res = await admin.post('/api/mentions', { kind: 'offline_complaint', text, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().mention.id;
}

test('seeds the default root causes and adds new ones', async () => {
  const labels = (await service.get('/api/root-causes')).json().items.map((r: { label: string }) => r.label);
  expect(labels).toEqual(
    expect.arrayContaining(['Waiting-time process', 'Communication', 'Staff attitude', 'Billing transparency', 'Clinical quality', 'Facilities', 'Fake or malicious review', 'Other']),
  );
  expect((await service.post('/api/root-causes', { label: 'Parking' })).statusCode).toBe(403);
  const res = await admin.post('/api/root-causes', { label: 'Parking' });
  expect(res.statusCode).toBe(201);
  expect(res.json().rootCause).toMatchObject({ label: 'Parking', active: true });
});

test('saves case settings and uses a location’s hours for new general cases', async () => {
  const location = (await admin.post('/api/org/locations', { code: 'sh', name: 'Shanghai', timezone: 'Asia/Shanghai' })).json().location;
  const settings = (await admin.get('/api/case-settings')).json();
  expect(settings.tiers.general).toEqual({ firstResponseHours: 4, resolutionHours: 40, team: 'Patient service', teamId: expect.any(String) });
  const allDay = { start: '00:00', end: '24:00' };
  const body = { ...settings, locations: [{ locationId: location.id, weeklyHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay }, holidays: [] }] };
  body.tiers.general.firstResponseHours = 2;
  const put = await admin.request({ method: 'PUT', url: '/api/case-settings', payload: body });
  expect(put.statusCode, put.body).toBe(200);
  const m = await newMention('Nobody answered the phone', { locationId: location.id });
  const c = (await service.post('/api/cases', { mentionIds: [m], tier: 'general' })).json().case;
  expect(new Date(c.firstResponseDueAt).getTime() - new Date(c.openedAt).getTime()).toBe(2 * 3_600_000);
  const bad = await admin.request({
    method: 'PUT',
    url: '/api/case-settings',
    payload: { ...body, locations: [{ ...body.locations[0], weeklyHours: { ...body.locations[0].weeklyHours, mon: { start: '08:00', end: '08:00' } } }] },
  });
  expect(bad.statusCode).toBe(400);
  expect((await service.request({ method: 'PUT', url: '/api/case-settings', payload: body })).statusCode).toBe(403);
});

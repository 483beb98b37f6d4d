import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, multipartBody, type TestApp, type TestClient } from '../test-support/test-app.ts';

// An import you can follow: the inbox shows what one run brought in, a file or source gives its
// rows a default location and department, the preview warns about rows Verity holds already, and
// the reasons say what to fix in the reader's language.

let app: TestApp;
let admin: TestClient;
let locationId: string;
let departmentId: string;
let otherDepartmentId: string;

beforeAll(async () => {
  app = await createTestApp();
  admin = await app.userClient(await app.createOrg('follow-imports'), 'admin');
  locationId = (await admin.post('/api/org/locations', { code: 'pd', name: 'Pudong' })).json().location.id;
  departmentId = (await admin.post('/api/org/departments', { code: 'dent', name: 'Dentistry', locationId })).json().department.id;
  otherDepartmentId = (await admin.post('/api/org/departments', { code: 'eye', name: 'Ophthalmology' })).json().department.id;
});
afterAll(() => app?.close());

const upload = (fields: Record<string, string>, name: string, content: string, headers: Record<string, string> = {}) => {
  const body = multipartBody(fields, { name, content });
  return admin.request({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, ...headers } });
};

test('the inbox filters to one import run, and rows without a location or department take the file defaults', async () => {
  const csv = 'id,text,department\nf1,The hygienist was gentle,\nf2,Waited forty minutes,eye\n';
  const res = await upload({ locationId, departmentId }, 'dental.csv', csv);
  expect(res.statusCode, res.body).toBe(200);
  const run = res.json();
  expect(run).toMatchObject({ accepted: 2, locationId, departmentId });
  await upload({}, 'other.csv', 'id,text\no1,Another file entirely\n');
  const list = (await admin.get(`/api/mentions?importRun=${run.id}`)).json();
  expect(list.total).toBe(2);
  const byId = Object.fromEntries(list.items.map((m: { externalId: string }) => [m.externalId, m]));
  expect(byId.f1).toMatchObject({ importRunId: run.id, locationId, departmentId });
  // A row that names its own department keeps it.
  expect(byId.f2).toMatchObject({ departmentId: otherDepartmentId, locationId });
});

test('a source default location and department apply to rows that name none', async () => {
  const source = (await admin.post('/api/sources', { name: 'Clinic survey export', kind: 'file' })).json().source;
  const put = await admin.request({ method: 'PUT', url: `/api/sources/${source.id}/defaults`, payload: { defaultLocationId: locationId, defaultDepartmentId: departmentId } });
  expect(put.statusCode, put.body).toBe(200);
  expect(put.json().source).toMatchObject({ defaultLocationId: locationId, defaultDepartmentId: departmentId });
  const foreign = await admin.request({ method: 'PUT', url: `/api/sources/${source.id}/defaults`, payload: { defaultLocationId: '00000000-0000-4000-8000-000000000000', defaultDepartmentId: null } });
  expect(foreign.statusCode).toBe(400);
  const run = (await upload({ sourceId: source.id }, 'survey.csv', 'id,text\ns1,Friendly front desk\n')).json();
  const list = (await admin.get(`/api/mentions?importRun=${run.id}`)).json();
  expect(list.items[0]).toMatchObject({ locationId, departmentId });
});

test('the preview warns how many rows Verity holds already', async () => {
  const csv = 'id,text\np1,First visit was fine\np2,Second visit was fine too\n';
  await upload({}, 'first.csv', csv);
  const again = multipartBody({}, { name: 'again.csv', content: `${csv}p3,A new one\n` });
  const preview = await admin.request({ method: 'POST', url: '/api/imports/preview', ...again });
  expect(preview.statusCode, preview.body).toBe(200);
  expect(preview.json()).toMatchObject({ rowsChecked: 3, alreadyInVerity: 2 });
});

test('a broken CSV says in the reader language which row and column to fix, stored as a code for every reader', async () => {
  const broken = 'id,text\nq1,Fine\nq2,"The quote never closes\n';
  const en = await upload({}, 'broken.csv', broken);
  expect(en.json()).toMatchObject({ status: 'failed', accepted: 1 });
  expect(en.json().error).toBe('row 3: a quote opened in column 2 is never closed (close it, or double a quote inside the text; the file may also be cut off)');
  const runs = (await admin.request({ method: 'GET', url: '/api/imports', headers: { 'accept-language': 'ru' } })).json().items;
  expect(runs.find((r: { id: string }) => r.id === en.json().id).error).toBe(
    'строка 3: кавычка, открытая в столбце 2, нигде не закрыта (закройте её или удвойте кавычку внутри текста; возможно, файл обрезан)',
  );
  const zh = (await admin.request({ method: 'GET', url: `/api/imports/${en.json().id}`, headers: { 'accept-language': 'zh-CN' } })).json();
  expect(zh.error).toContain('第 3 行：第 2 列');
});

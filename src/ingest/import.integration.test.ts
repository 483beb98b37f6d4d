import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, multipartBody, type TestApp, type TestClient } from '../test-support/test-app.ts';

let app: TestApp;
let admin: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  admin = await app.userClient(await app.createOrg('uploads'), 'admin');
});
afterAll(() => app?.close());

const csv = 'ref;body;stars\nA1;Doctor listened carefully;5\nA2;;2\n';

test('previews an upload with its columns, a guessed mapping and the first rows', async () => {
  const res = await admin.request({ method: 'POST', url: '/api/imports/preview', ...multipartBody({}, { name: 'export.csv', content: csv }) });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ format: 'csv', columns: ['ref', 'body', 'stars'], mapping: { text: 'body', ratingRaw: 'stars' } });
  expect(res.json().sample[0]).toEqual({ row: 2, fields: { ref: 'A1', body: 'Doctor listened carefully', stars: '5' } });
});

test('imports an upload with a partial column mapping and names the rejected row', async () => {
  const mapping = JSON.stringify({ externalId: 'ref', text: 'body', ratingRaw: 'stars' });
  const res = await admin.request({ method: 'POST', url: '/api/imports', ...multipartBody({ mapping }, { name: 'export.csv', content: csv }) });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ status: 'completed', accepted: 1, rejectedCount: 1, rejected: [{ row: 3 }] });
});

test('refuses a mapping onto an unknown field with a reason', async () => {
  const res = await admin.request({ method: 'POST', url: '/api/imports', ...multipartBody({ mapping: '{"body":"text"}' }, { name: 'export.csv', content: csv }) });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toMatch(/mapping/);
});

test('reports a binary upload as a failed run with the reason', async () => {
  const res = await admin.request({ method: 'POST', url: '/api/imports', ...multipartBody({}, { name: 'scan.csv', content: Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]) }) });
  expect(res.json()).toMatchObject({ status: 'failed', accepted: 0 });
  expect(res.json().error).toMatch(/PDF/);
});

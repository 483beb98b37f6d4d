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

test('refuses a binary upload with a 400 naming the reason, and records the run as failed', async () => {
  const res = await admin.request({ method: 'POST', url: '/api/imports', ...multipartBody({}, { name: 'scan.csv', content: Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]) }) });
  expect(res.statusCode).toBe(400);
  expect(res.json().error).toMatchObject({ code: 'bad_request', details: { reason: 'ingest.file.expectedKind' } });
  expect(res.json().error.message).toMatch(/PDF/);
  const run = await admin.request({ method: 'GET', url: `/api/imports/${res.json().error.details.runId}` });
  expect(run.json()).toMatchObject({ status: 'failed', accepted: 0 });
});

test('answers rejected rows and refusals in the reader language, with their codes for programs', async () => {
  const upload = multipartBody({ mapping: JSON.stringify({ externalId: 'ref', text: 'body', ratingRaw: 'stars' }) }, { name: 'export.csv', content: csv });
  const res = await admin.request({ method: 'POST', url: '/api/imports', ...upload, headers: { ...upload.headers, 'accept-language': 'ru' } });
  expect(res.statusCode).toBe(200);
  expect(res.json().rejected).toEqual([{ row: 3, reason: 'столбец «body»: текст пустой', code: 'ingest.reject.textEmpty', params: { column: 'body' } }]);
  const english = (await admin.get(`/api/imports/${res.json().id}`)).json();
  expect(english.rejected[0].reason).toBe("column 'body': text is empty");

  const sources = (await admin.request({ method: 'GET', url: '/api/sources', headers: { 'accept-language': 'zh-CN' } })).json().items as {
    name: string;
    builtIn: string | null;
    lastRun: { rejected: { reason: string }[] } | null;
  }[];
  const upload2 = sources.find((s) => s.name === 'File import')!;
  expect(upload2.builtIn).toBe('upload');
  expect(upload2.lastRun?.rejected[0]?.reason).toBe('列“body”：正文为空');

  const binary = multipartBody({}, { name: 'scan.csv', content: Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]) });
  const preview = await admin.request({ method: 'POST', url: '/api/imports/preview', ...binary, headers: { ...binary.headers, 'accept-language': 'zh-CN' } });
  expect(preview.statusCode).toBe(400);
  expect(preview.json().error).toMatchObject({ message: '应为 CSV 文件，但该文件是PDF 文档', details: { reason: 'ingest.file.expectedKind', params: { expected: 'CSV', magic: 'pdf' } } });
});

test('names a source kind without a token in the reader language', async () => {
  const feed = (await admin.post('/api/sources', { name: 'City news', kind: 'rss', url: 'https://news.example/feed' })).json().source;
  expect(feed.builtIn).toBeNull();
  const res = await admin.request({ method: 'POST', url: `/api/sources/${feed.id}/rotate-token`, headers: { 'accept-language': 'ru' } });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toBe('у источника типа «лента RSS / Atom» нет токена');
  const english = await admin.request({ method: 'POST', url: `/api/sources/${feed.id}/rotate-token` });
  expect(english.json().error.message).toBe('a rss source has no token');
});

import type { EventName } from '../core/events.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { analysePending, markForReanalysis } from './analyse-pending.ts';

let app: TestApp;
let orgId: string;
let admin: TestClient;
let wangId: string;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('analysis');
  admin = await app.userClient(orgId, 'admin');
  const staff = await admin.post('/api/org/staff', { name: '王建国', title: '主任医师', aliases: ['Dr. Wang', 'Ван Цзяньго'] });
  wangId = staff.json().staff.id;
  await app.ctx.boss!.createQueue('test-analysed');
  await app.ctx.boss!.subscribe('mentions.analysed' satisfies EventName, 'test-analysed');
  for (const text of ['王医生很耐心，但是排队等了三个小时，太失望了。', 'Врач внимательный, но я подам в суд за ошибку в диагнозе.', 'The nurses were lovely and the rooms were spotless.']) {
    const res = await admin.post('/api/mentions', { kind: 'offline_complaint', text });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => app?.close());

test('analyses every pending mention and publishes the batch', async () => {
  expect(await analysePending(app.ctx, orgId)).toBe(3);
  expect(await analysePending(app.ctx, orgId)).toBe(0);
  const [job] = await app.ctx.boss!.fetch<{ orgId: string; mentionIds: string[] }>('test-analysed');
  expect(job?.data.orgId).toBe(orgId);
  expect(job?.data.mentionIds).toHaveLength(3);
});

test('filters the inbox by sentiment, aspect with polarity, risk and staff', async () => {
  const byAspect = await admin.get('/api/mentions?aspect=process.waiting:negative');
  expect(byAspect.json().items.map((m: { text: string }) => m.text)).toEqual(['王医生很耐心，但是排队等了三个小时，太失望了。']);
  const byStaff = await admin.get(`/api/mentions?staff=${wangId}`);
  const mention = byStaff.json().items[0];
  expect(mention.analysis.staff[0]).toMatchObject({ id: wangId, name: '王建国' });
  expect(mention.lang).toBe('zh');
  const byRisk = await admin.get('/api/mentions?risk=legal_threat');
  expect(byRisk.json().items).toHaveLength(1);
  expect(byRisk.json().items[0].lang).toBe('ru');
  const positive = await admin.get('/api/mentions?sentiment=positive');
  expect(positive.json().items.map((m: { lang: string }) => m.lang)).toEqual(['en']);
});

test('marks mentions of another model version for re-analysis and analyses them again', async () => {
  expect(await markForReanalysis(app.ctx.db, 'a-newer-model')).toBe(3);
  expect(await analysePending(app.ctx, orgId)).toBe(3);
  const current = (await admin.get('/api/mentions')).json().items[0].analysis.modelVersion;
  expect(await markForReanalysis(app.ctx.db, current)).toBe(0);
});

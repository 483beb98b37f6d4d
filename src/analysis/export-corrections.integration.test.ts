import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { main } from '../cli/main.ts';
import { analysePending } from '../mentions/analyse-pending.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { exportCorrections, sentimentTrainingRows, writeCorrections } from './export-corrections.ts';
import { loadModels } from './sentiment-model.ts';

let app: TestApp;
let orgId: string;
let otherOrg: string;
let admin: TestClient;
const ids: Record<string, string> = {};
const out = mkdtempSync(join(tmpdir(), 'verity-train-'));

const ZH = '王建国医生很耐心，讲解清楚，谢谢。';
const RU = 'Врач внимательный, но я подам в суд за ошибку в диагнозе.';
const EN = 'The nurses were lovely, but the bill was steep.';

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('export');
  otherOrg = await app.createOrg('export-other');
  admin = await app.userClient(orgId, 'admin');
  const other = await app.userClient(otherOrg, 'admin');
  ids.wang = (await admin.post('/api/org/staff', { name: '王建国', title: '主任医师' })).json().staff.id;
  ids.li = (await admin.post('/api/org/staff', { name: '李娜', title: '护士' })).json().staff.id;
  for (const [key, text] of [
    ['zh', ZH],
    ['ru', RU],
    ['en', EN],
  ] as const)
    ids[key] = (await admin.post('/api/mentions', { kind: 'offline_complaint', text })).json().mention.id;
  ids.otherMention = (await other.post('/api/mentions', { kind: 'offline_complaint', text: 'Fine.' })).json().mention.id;
  await analysePending(app.ctx, orgId);
  await analysePending(app.ctx, otherOrg);
  const correct = async (client: TestClient, id: string, kind: string, value: string) => {
    const res = await client.post(`/api/mentions/${id}/corrections`, { kind, value });
    expect(res.statusCode).toBe(201);
    return res.json().correctionId as string;
  };
  ids.cEn = await correct(admin, ids.en!, 'sentiment', 'mixed');
  ids.cZh = await correct(admin, ids.zh!, 'sentiment', 'neutral');
  ids.cRisk = await correct(admin, ids.en!, 'risk_add', 'privacy_breach');
  ids.cAdd = await correct(admin, ids.zh!, 'staff_add', ids.li!);
  ids.cRemove = await correct(admin, ids.zh!, 'staff_remove', ids.wang!);
  expect((await admin.post(`/api/mentions/${ids.ru}/not-a-risk`, { risk: 'legal_threat' })).statusCode).toBe(200);
  ids.cOther = await correct(other, ids.otherMention!, 'sentiment', 'negative');
});
afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  await app?.close();
});

test('exports an organisation’s corrections exactly, as training rows in a fixed order', async () => {
  const dismissal = await app.ctx.db.selectFrom('mention_risk_dismissals').select('id').where('org_id', '=', orgId).executeTakeFirstOrThrow();
  const rows = await exportCorrections(app.ctx.db, orgId);
  expect(rows).toEqual([
    { id: `correction:${ids.cEn}`, lang: 'en', text: EN, label: 'mixed' },
    { id: `correction:${ids.cZh}`, lang: 'zh', text: ZH, label: 'neutral' },
    { id: `correction:${ids.cRisk}`, lang: 'en', text: EN, risk: 'privacy_breach', present: true },
    { id: `dismissal:${dismissal.id}`, lang: 'ru', text: RU, risk: 'legal_threat', present: false },
    { id: `correction:${ids.cAdd}`, text: ZH, staffId: ids.li, present: true },
    { id: `correction:${ids.cRemove}`, text: ZH, staffId: ids.wang, present: false },
  ]);
  // Every organisation's when none is named; another organisation's alone when it is.
  expect((await exportCorrections(app.ctx.db, null)).map((r) => r.id)).toContain(`correction:${ids.cOther}`);
  expect((await exportCorrections(app.ctx.db, otherOrg)).map((r) => r.id)).toEqual([`correction:${ids.cOther}`]);
  const file = writeCorrections(out, rows);
  expect(
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)),
  ).toEqual(rows);
  // Mixed trains as negative (the model's labels), zh neutral is left out (zh's model has no neutral class).
  expect(sentimentTrainingRows(rows, 10)).toEqual([{ id: `correction:${ids.cEn}`, lang: 'en', text: EN, label: 'negative', dataset: 'corrections', weight: 10 }]);
});

test('verity train on a tiny data folder writes models that load', async () => {
  const models = join(out, 'models');
  const tiny = join(import.meta.dirname, 'fixtures/tiny-data');
  const log: string[] = [];
  const write = console.log;
  console.log = (line: string) => log.push(line);
  try {
    expect(await main(['node', 'verity', 'train', '--data', tiny, '--out', models])).toBe(0);
  } finally {
    console.log = write;
  }
  expect(log.at(-1)).toMatch(/^wrote 3 models to /);
  const loaded = loadModels(pathToFileURL(`${models}/`));
  expect([...loaded.models.keys()].sort()).toEqual(['en', 'ru', 'zh']);
  expect(await main(['node', 'verity', 'train', '--org', 'export', '--out', models])).toBe(1);
}, 120_000);

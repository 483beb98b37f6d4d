import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { getOrCreateSource } from './sources.queries.ts';
import { importFile } from './import-file.ts';

let app: TestApp;
let orgId: string;
let sourceId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-ingest-'));

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('ingest');
  await app.ctx.db.insertInto('locations').values({ org_id: orgId, code: 'main', name: 'Main campus' }).execute();
  sourceId = (await getOrCreateSource(app.ctx.db, orgId, 'Reviews file', 'file')).id;
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const importPath = (file: string, extra: Partial<Parameters<typeof importFile>[1]> = {}) => importFile(app.ctx, { orgId, sourceId, userId: null, input: file, fileName: file, ...extra });

test('adds nothing when the same file is imported twice', async () => {
  const file = write('twice.csv', 'id,text,rating,location\n1,Doctor was kind,5,main\n2,Waited three hours,1,Main campus\n3,没有人接电话,2,\n');
  const first = await importPath(file);
  expect(first).toMatchObject({ accepted: 3, duplicates: 0, rejectedCount: 0, error: null });
  const second = await importPath(file);
  expect(second).toMatchObject({ accepted: 0, duplicates: 3, updated: 0 });
  const rows = await app.ctx.db.selectFrom('mentions').select(['external_id', 'location_id', 'rating']).where('source_id', '=', sourceId).orderBy('external_id').execute();
  expect(rows).toHaveLength(3);
  expect(rows[0]!.location_id).not.toBeNull();
  expect(rows[1]!.location_id).toBe(rows[0]!.location_id);
});

test('keeps every good row of a file with broken rows and names each bad one', async () => {
  const file = write('broken.csv', 'id,text,rating\n10,Fine visit,4\n11,,3\n12,Good nurse,abc\n13,Too,many,columns\n14,Clean rooms,5\n');
  const result = await importPath(file);
  expect(result.accepted).toBe(2);
  expect(result.rejectedCount).toBe(3);
  expect(result.rejected.map((r) => r.row)).toEqual([3, 4, 5]);
  expect(result.rejected[0]!.reason).toMatch(/text/);
  expect(result.rejected[1]!.reason).toMatch(/abc/);
  expect(result.rejected[2]!.reason).toMatch(/column/);
  const run = await app.ctx.db.selectFrom('import_runs').selectAll().where('id', '=', result.runId).executeTakeFirstOrThrow();
  expect(run).toMatchObject({ status: 'completed', accepted: 2, rejected_count: 3 });
});

test('keeps an edited review as a new version with its earlier text', async () => {
  await importPath(write('v1.jsonl', JSON.stringify({ id: 'e1', text: 'Nice clinic', rating: 5 }) + '\n'));
  const result = await importPath(write('v2.jsonl', JSON.stringify({ id: 'e1', text: 'Nice clinic, but they overcharged me', rating: 2 }) + '\n'));
  expect(result).toMatchObject({ accepted: 0, updated: 1 });
  const mention = await app.ctx.db.selectFrom('mentions').selectAll().where('source_id', '=', sourceId).where('external_id', '=', 'e1').executeTakeFirstOrThrow();
  expect(mention.version).toBe(2);
  expect(mention.text).toBe('Nice clinic, but they overcharged me');
  const versions = await app.ctx.db.selectFrom('mention_versions').selectAll().where('mention_id', '=', mention.id).execute();
  expect(versions).toHaveLength(1);
  expect(versions[0]).toMatchObject({ version: 1, text: 'Nice clinic', rating: 5 });
});

test('deduplicates items without an external id by their content', async () => {
  const file = write(
    'noid.json',
    JSON.stringify([
      { text: 'Rude receptionist', author: 'anna' },
      { text: 'Rude receptionist', author: 'anna' },
      { text: 'Rude receptionist', author: 'boris' },
    ]),
  );
  const result = await importPath(file);
  expect(result).toMatchObject({ accepted: 2, duplicates: 1 });
});

test('refuses a binary file with a clear message and imports nothing', async () => {
  const file = write('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  const result = await importPath(file);
  expect(result.accepted).toBe(0);
  expect(result.error).toMatch(/PNG|binary/i);
  const run = await app.ctx.db.selectFrom('import_runs').select(['status', 'error']).where('id', '=', result.runId).executeTakeFirstOrThrow();
  expect(run.status).toBe('failed');
});

test('refuses a truncated file, naming where it ends, and keeps the rows before the cut', async () => {
  const file = write('cut.csv', 'id,text\n20,"Complete row"\n21,"This row never ends');
  const result = await importPath(file);
  expect(result.error).toMatch(/quote opened in column \d+ is never closed/);
  expect(result.accepted).toBe(1);
});

test('names the columns when no column holds the text', async () => {
  const result = await importPath(write('nocol.csv', 'foo,bar\n1,2\n'));
  expect(result.error).toMatch(/no column holds the text.*foo, bar/);
});

test('reads GB18030 and Windows-1251 CSV files', async () => {
  const iconv = (await import('iconv-lite')).default;
  const zh = await importPath(write('gb.csv', iconv.encode('编号,评论内容,评分\ngb1,医生很耐心，排队太久,3\n', 'gb18030')));
  expect(zh).toMatchObject({ accepted: 1, error: null });
  const ru = await importPath(write('cp.csv', iconv.encode('номер;отзыв;оценка\ncp1;Врач внимательный, но очередь огромная;3\n', 'win1251')));
  expect(ru).toMatchObject({ accepted: 1, error: null });
  const texts = await app.ctx.db.selectFrom('mentions').select('text').where('external_id', 'in', ['gb1', 'cp1']).orderBy('external_id').execute();
  expect(texts.map((t) => t.text)).toEqual(['Врач внимательный, но очередь огромная', '医生很耐心，排队太久']);
});

test('applies an explicit column mapping', async () => {
  const result = await importPath(write('mapped.csv', 'a|b|c|d\nm1|Great dentist|9|10\nm2|Bad|11|10\n'), { mapping: { externalId: 'a', text: 'b', ratingRaw: 'c', ratingScale: 'd' }, delimiter: '|' });
  expect(result).toMatchObject({ accepted: 1, rejectedCount: 1 });
  expect(result.rejected[0]!.reason).toMatch(/11/);
  const row = await app.ctx.db.selectFrom('mentions').select(['text', 'rating_raw', 'rating']).where('external_id', '=', 'm1').executeTakeFirstOrThrow();
  expect(row).toEqual({ text: 'Great dentist', rating_raw: 9, rating: 4.6 });
});

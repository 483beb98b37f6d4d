import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { recordRun } from './record-run.ts';
import { getOrCreateSource } from './sources.queries.ts';

let app: TestApp;
let orgId: string;
let sourceId: string;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('runs');
  sourceId = (await getOrCreateSource(app.ctx.db, orgId, 'Runs file', 'file')).id;
});
afterAll(() => app?.close());

const runRow = (id: string) => app.ctx.db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
const mentionCount = async () =>
  Number(
    (
      await app.ctx.db
        .selectFrom('mentions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('source_id', '=', sourceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

test('records a run with its batches as completed', async () => {
  const runId = await recordRun(app.ctx, { orgId, sourceId, channel: 'file', fileName: 'a.csv' }, async (run) => {
    await run.ingest([{ kind: 'review', text: 'First batch' }]);
    await run.ingest([{ kind: 'review', text: 'Second batch' }], [{ row: 3, reason: 'text is empty' }]);
    return run.runId;
  });
  expect(await runRow(runId)).toMatchObject({ status: 'completed', channel: 'file', file_name: 'a.csv', accepted: 2, rejected_count: 1, error: null });
});

test('records the reason fn gives with run.fail and keeps the rows written before', async () => {
  const runId = await recordRun(app.ctx, { orgId, sourceId, channel: 'file' }, async (run) => {
    await run.ingest([{ kind: 'review', text: 'Before the cut' }]);
    run.fail('file ends inside a quoted field at line 3 (truncated?)');
    return run.runId;
  });
  expect(await runRow(runId)).toMatchObject({ status: 'failed', accepted: 1, error: 'file ends inside a quoted field at line 3 (truncated?)' });
});

test('records a run whose work throws as failed without its internals, and rethrows', async () => {
  let runId = '';
  await expect(
    recordRun(app.ctx, { orgId, sourceId, channel: 'rss' }, async (run) => {
      runId = run.runId;
      throw new Error('connection reset by peer');
    }),
  ).rejects.toThrow('connection reset by peer');
  expect(await runRow(runId)).toMatchObject({ status: 'failed', error: 'internal error while importing' });
});

test('inside a transaction, writes the run with its batch and rolls both back on a throw', async () => {
  const before = await mentionCount();
  let runId = '';
  await expect(
    app.ctx.db.transaction().execute((trx) =>
      recordRun({ db: trx, boss: app.ctx.boss }, { orgId, sourceId, channel: 'push' }, async (run) => {
        runId = run.runId;
        await run.ingest([{ kind: 'review', text: 'Never committed' }]);
        throw new Error('refused after the write');
      }),
    ),
  ).rejects.toThrow('refused after the write');
  expect(await runRow(runId)).toBeUndefined();
  expect(await mentionCount()).toBe(before);
});

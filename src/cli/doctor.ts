import { readConfig } from '../core/config.ts';
import { openDatabase } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { startQueue } from '../core/queue.ts';
import { checkReportRendering, RENDERING_NEEDS } from '../views/reports/index.ts';

/** Checks the store, the schema and the queue, printing one line per check; true when all pass. Never throws. */
export async function doctor(): Promise<boolean> {
  const config = readConfig();
  let ok = true;
  const report = (passed: boolean, line: string) => {
    ok &&= passed;
    console.log(`${passed ? 'ok  ' : 'FAIL'} ${line}`);
  };
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgliteSharedBuffers: config.pgliteSharedBuffers });
    report(true, `database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL server'}`);
  } catch (error) {
    report(false, `database: cannot connect (${(error as Error).message})`);
    return false;
  }
  try {
    const pending = await pendingMigrations(database.db);
    report(pending.length === 0, pending.length ? `migrations: ${pending.length} pending (${pending.join(', ')}); run verity migrate` : 'migrations: up to date');
    const boss = await startQueue(database, { schedule: false, onError: () => {} });
    const started = Date.now();
    await boss.createQueue('doctor');
    const id = await boss.send('doctor', { at: started });
    const [job] = id ? await boss.fetch('doctor') : [];
    if (job) await boss.complete('doctor', job.id);
    report(Boolean(job), `queue: pg-boss ${job ? `sent and fetched a job in ${Date.now() - started} ms` : 'could not round-trip a job'}`);
    await boss.stop({ graceful: false, close: !database.pglite });
  } catch (error) {
    report(false, `check failed: ${(error as Error).message}`);
  } finally {
    await database.close();
  }
  try {
    const render = await checkReportRendering();
    report(true, `reports: PDF rendering needs ${RENDERING_NEEDS}; a sample Chinese report with ${render.charts} charts rendered in ${render.ms} ms (${Math.round(render.pdfBytes / 1024)} KB PDF)`);
  } catch (error) {
    report(false, `reports: PDF rendering needs ${RENDERING_NEEDS}; the sample report failed (${(error as Error).message})`);
  }
  return ok;
}

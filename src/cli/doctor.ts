import { readConfig } from '../core/config.ts';
import { openDatabase } from '../db/database.ts';
import { inspectStoreLock, type StoreLockOwner } from '../db/store-lock.ts';
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
  if (!config.databaseUrl && config.dataDir) {
    // An embedded store another process owns is not opened (a second writer would corrupt it): the
    // facts come from its lock file, and from the server's health check when the owner is a server.
    const found = inspectStoreLock(config.dataDir);
    if (found.state === 'held') {
      report(true, `database: embedded PGlite in ${config.dataDir}, in use by ${describeOwner(found.owner)}; not opened (one process per data directory): its owner checks the schema and the queue`);
      if (found.owner.url) {
        const health = await checkHealth(found.owner.url);
        report(health === null, `server: ${found.owner.url}/api/health ${health === null ? 'answers ok' : `does not answer (${health})`}`);
      }
      await checkReports(report);
      return ok;
    }
    if (found.state === 'unreadable') {
      report(false, `database: the lock file of ${config.dataDir} cannot be read (${found.reason}); if no Verity process uses the directory, remove ${config.dataDir}/verity.lock`);
      return false;
    }
  }
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgliteSharedBuffers: config.pgliteSharedBuffers });
    report(true, `database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL server'}`);
    const stale = database.lock?.tookOverFrom;
    if (stale) report(true, `lock: the lock left by ${describeOwner(stale)}, which is no longer running, was taken over`);
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
  await checkReports(report);
  return ok;
}

function describeOwner(owner: StoreLockOwner): string {
  return `${owner.command} (pid ${owner.pid} on ${owner.host}, since ${owner.since}${owner.url ? `, at ${owner.url}` : ''})`;
}

/** null when the server answers its health check, else why not. */
async function checkHealth(url: string): Promise<string | null> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    return (error as Error).message;
  }
}

async function checkReports(report: (passed: boolean, line: string) => void): Promise<void> {
  try {
    const render = await checkReportRendering();
    report(true, `reports: PDF rendering needs ${RENDERING_NEEDS}; a sample Chinese report with ${render.charts} charts rendered in ${render.ms} ms (${Math.round(render.pdfBytes / 1024)} KB PDF)`);
  } catch (error) {
    report(false, `reports: PDF rendering needs ${RENDERING_NEEDS}; the sample report failed (${(error as Error).message})`);
  }
}

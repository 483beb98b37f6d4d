import { sql } from 'kysely';
import { fromPglite, PgBoss } from 'pg-boss';
import type { DatabaseHandle, Db } from '../db/database.ts';

/** The schema pg-boss keeps its tables in, beside ours. */
export const QUEUE_SCHEMA = 'pgboss';

/**
 * How often the supervisor expires jobs whose worker died mid-run (so that they are retried) and
 * runs maintenance; pg-boss's default is a minute.
 */
const SUPERVISE_INTERVAL_SECONDS = 20;

/** Starts pg-boss on the same database as everything else (its own `pgboss` schema). Throws when it cannot. */
export async function startQueue(handle: DatabaseHandle, options: { schedule: boolean; onError: (error: Error) => void }): Promise<PgBoss> {
  const supervise = { schedule: options.schedule, supervise: options.schedule, superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS };
  const boss = handle.pglite
    ? new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite', schema: QUEUE_SCHEMA, ...supervise })
    : new PgBoss({ connectionString: handle.databaseUrl!, schema: QUEUE_SCHEMA, max: 4, ...supervise });
  boss.on('error', options.onError);
  await boss.start();
  return boss;
}

/**
 * Fails the jobs a process that died left active, so that pg-boss retries them now (with their
 * retry options) instead of after their expiry: a killed delivery is attempted again, a killed
 * analysis job makes room for the next. Only for a store with one owner (the embedded one, at its
 * start): on a shared PostgreSQL server an active job may belong to a live process, and the
 * supervisor's expiry recovers it. Returns how many it failed.
 */
export async function failOrphanedJobs(boss: PgBoss, db: Db): Promise<number> {
  const active = await sql<{ name: string; id: string }>`SELECT name, id FROM ${sql.table(`${QUEUE_SCHEMA}.job`)} WHERE state = 'active'`.execute(db);
  const byQueue = new Map<string, string[]>();
  for (const job of active.rows) byQueue.set(job.name, [...(byQueue.get(job.name) ?? []), job.id]);
  for (const [name, ids] of byQueue) await boss.fail(name, ids, { reason: 'the process running this job stopped before it finished' });
  return active.rows.length;
}

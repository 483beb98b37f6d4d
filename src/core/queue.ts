import { fromPglite, PgBoss } from 'pg-boss';
import type { DatabaseHandle } from '../db/database.ts';

/** Starts pg-boss on the same database as everything else (its own `pgboss` schema). Throws when it cannot. */
/** The schema pg-boss keeps its tables in, beside ours. */
export const QUEUE_SCHEMA = 'pgboss';

export async function startQueue(handle: DatabaseHandle, options: { schedule: boolean; onError: (error: Error) => void }): Promise<PgBoss> {
  const boss = handle.pglite
    ? new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite', schema: QUEUE_SCHEMA, schedule: options.schedule, supervise: options.schedule })
    : new PgBoss({ connectionString: handle.databaseUrl!, schema: QUEUE_SCHEMA, max: 4, schedule: options.schedule, supervise: options.schedule });
  boss.on('error', options.onError);
  await boss.start();
  return boss;
}

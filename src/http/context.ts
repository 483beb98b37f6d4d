import type { PgBoss } from 'pg-boss';
import type { Config } from '../config.ts';
import type { Db, DatabaseHandle } from '../db/database.ts';

/** What every route and job handler needs; built once by `startVerity`. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  /** The job queue; null in processes that do not run jobs (e.g. `verity import`). */
  boss: PgBoss | null;
}

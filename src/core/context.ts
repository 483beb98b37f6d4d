import type { PgBoss } from 'pg-boss';
import type { Permission, Role } from './access.vocab.ts';
import type { Config } from './config.ts';
import type { Db, DatabaseHandle } from '../db/database.ts';

/** The composed permission table (src/permissions.ts), for the few places that ask it outside a route's own access check. */
export interface AccessTable {
  can(role: Role, permission: Permission): boolean;
  permissionsOf(role: Role): Permission[];
}

/** What every route and job handler needs; built once by `openContext`. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  /** The job queue; null in processes that do not run jobs (e.g. `verity import`). */
  boss: PgBoss | null;
  access: AccessTable;
}

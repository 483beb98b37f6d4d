import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { acquireStoreLock, type StoreLock } from './store-lock.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded instance, when there is one (pg-boss and COPY use it directly). */
  pglite: PGlite | null;
  /** The server's connection string, when there is one. */
  databaseUrl: string | null;
  /** The lock this process holds on the embedded data directory; null for PostgreSQL and in-memory stores. */
  lock: StoreLock | null;
  close(): Promise<void>;
}

// pg returns int8 and numeric as strings to keep precision; our counts and ratings fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Opens the store: a PostgreSQL server when `databaseUrl` is given, else PGlite in `dataDir`. Throws when it cannot connect. */
export async function openDatabase(options: { databaseUrl?: string | null; dataDir?: string | null; pgliteSharedBuffers?: string }): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    // No JIT: Verity's statements are short, and PostgreSQL compiling the dashboards' sums (estimated
    // high enough to trigger it) cost one to two seconds a statement that runs in milliseconds.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, options: '-c jit=off' });
    // An idle connection the server ends (a restart, a failover, an administrator, a dropped test
    // database) is an 'error' on the pool; unheard, it would end the process. The pool discards that
    // connection and opens a new one when it is next needed, so there is nothing more to do.
    pool.on('error', () => {});
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pglite: null, databaseUrl: options.databaseUrl, lock: null, close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? null;
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  // One process per data directory: a second PGlite on it would corrupt it (src/db/store-lock.ts).
  // Taken before PGlite reads a byte; a second process is refused here, naming the owner.
  const lock = dataDir ? acquireStoreLock(dataDir) : null;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir: dataDir ?? undefined,
      // PGlite runs inside this process: its shared buffers are this process's memory.
      postgresqlconf: [`shared_buffers = ${options.pgliteSharedBuffers ?? '32MB'}`],
      parsers: {
        20: (value: string) => Number(value),
        1700: (value: string) => Number(value),
      },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  let closed = false;
  return {
    db,
    kind: 'pglite',
    pglite,
    databaseUrl: null,
    lock,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

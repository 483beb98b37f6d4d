import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { freshPostgresDatabase } from './fresh-database.ts';

/*
 * A PostgreSQL server may end an idle connection at any time (a restart, a failover, an
 * administrator). That must cost the process nothing: the next query opens a new connection.
 */
const url = process.env.DATABASE_URL;
let handle: DatabaseHandle;
let pg: { url: string; drop(): Promise<void> } | null = null;

beforeAll(async () => {
  if (!url) return;
  pg = await freshPostgresDatabase(url);
  handle = await openDatabase({ databaseUrl: pg.url });
});
afterAll(async () => {
  await handle?.close();
  await pg?.drop();
});

test.skipIf(!url)('an idle connection the server terminates is replaced, and no error escapes', async () => {
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', record);
  try {
    const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(handle.db);
    const database = new URL(pg!.url).pathname.slice(1);
    const admin = await openDatabase({ databaseUrl: url! });
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${database} AND pid = ${rows[0]!.pid}`.execute(admin.db);
    await admin.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await sql<{ one: number }>`SELECT 1 AS one`.execute(handle.db);
    expect(after.rows[0]!.one).toBe(1);
    expect(uncaught).toEqual([]);
  } finally {
    process.off('uncaughtException', record);
  }
});

import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { freshPostgresDatabase } from '../db/fresh-database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ROLES } from '../core/access.vocab.ts';
import { LOCALES } from '../core/i18n.ts';

/*
 * Roles and languages against the CHECK constraints of the migrated database: a value added on
 * one side only fails here, not in production.
 */

let handle: DatabaseHandle;
let pg: { url: string; drop(): Promise<void> } | null = null;

beforeAll(async () => {
  pg = process.env.DATABASE_URL ? await freshPostgresDatabase(process.env.DATABASE_URL) : null;
  handle = await openDatabase({ databaseUrl: pg?.url ?? null, dataDir: null });
  await migrateToLatest(handle.db);
});
afterAll(async () => {
  await handle?.close();
  await pg?.drop();
});

/** The values a column's CHECK constraint allows, as PostgreSQL prints the constraint. */
async function allowed(table: string, column: string): Promise<string[]> {
  const rows = await sql<{ def: string }>`
    SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE t.relname = ${table} AND c.contype = 'c'`.execute(handle.db);
  const defs = rows.rows.map((r) => r.def).filter((def) => new RegExp(`\\b${column} = ANY`).test(def));
  expect(defs, `${table}.${column}`).toHaveLength(1);
  return [...defs[0]!.matchAll(/'([^']*)'::text/g)].map((m) => m[1]!).sort();
}

test.each([
  ['users', 'role', ROLES],
  ['users', 'locale', LOCALES],
  ['organisations', 'default_locale', LOCALES],
] as const)('%s.%s allows exactly the vocabulary', async (table, column, vocabulary) => {
  expect(await allowed(table, column)).toEqual([...vocabulary].sort());
});

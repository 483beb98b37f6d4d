import { type Kysely, sql } from 'kysely';

/**
 * Runs a script of DDL statements one by one: PGlite's extended protocol takes a single statement
 * per query. Statements are split on a semicolon at the end of a line, so bodies must not end a
 * line with one inside a string or function.
 */
export async function runStatements(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of script.split(/;\s*\n/)) {
    const text = statement.trim().replace(/;$/, '');
    if (text) await sql.raw(text).execute(db);
  }
}

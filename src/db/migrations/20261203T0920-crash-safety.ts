import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/** Crash safety: interrupted import runs, delivery priority (reserved by the lead; filled by its owner). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `SELECT 1;`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `SELECT 1;`);
}

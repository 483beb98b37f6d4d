import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/** Secrets encrypted at rest (reserved by the lead; filled by its owner). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `SELECT 1;`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `SELECT 1;`);
}

import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * The message codes of a notification ({ title?: {code, params}, text?: {code, params} }), so each
 * reader gets it in their own language; title and text stay filled in the organisation's default
 * language for readers of the rows that know nothing of codes. Null for words people wrote.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE notifications ADD COLUMN message jsonb;
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE notifications DROP COLUMN message;
  `,
  );
}

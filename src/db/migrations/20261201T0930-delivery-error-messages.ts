import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/** A delivery's last error as a message code and parameters when Verity worded it, so the dead-letter list reads in each reader's language. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `ALTER TABLE notification_deliveries ADD COLUMN last_error_message jsonb;`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `ALTER TABLE notification_deliveries DROP COLUMN last_error_message;`);
}

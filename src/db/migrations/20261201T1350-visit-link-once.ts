import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/** A visit has one live link per survey, also when two invitations for it are sent at the same moment. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `CREATE UNIQUE INDEX survey_links_visit_once_idx ON survey_links (survey_id, visit_id) WHERE scope = 'visit' AND disabled_at IS NULL;`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `DROP INDEX survey_links_visit_once_idx;`);
}

import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * The pain points' representative quotes read the latest mentions with a negative aspect
 * (`aspects @> ARRAY['process.waiting:negative']`): the (org_id, time) index serves a common aspect
 * (walking back from the period's end finds a dozen soon); this one serves a rare aspect in a
 * long period, which the walk would read the whole period for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `CREATE INDEX mentions_aspects_idx ON mentions USING gin (aspects);`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `DROP INDEX mentions_aspects_idx;`);
}

import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * The pain points' representative quotes read the latest mentions with a negative aspect
 * (`aspects @> ARRAY['process.waiting:negative']`): the (org_id, time) index serves a common aspect
 * (walking back from the period's end finds a dozen soon); this one serves a rare aspect in a
 * long period, which the walk would read the whole period for. The emerging terms look up a few
 * terms' rows (the department a rising term is concentrated in) by term. The term rollups get a
 * source level (`source_id` set, location and department NULL; NULL on every other level), so a
 * source filter reads rollups too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE INDEX mentions_aspects_idx ON mentions USING gin (aspects);
    CREATE INDEX mention_term_rollups_org_term_idx ON mention_term_rollups (org_id, term, day);
    ALTER TABLE mention_term_rollups ADD COLUMN source_id uuid;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE mention_term_rollups DROP COLUMN source_id;
    DROP INDEX mention_term_rollups_org_term_idx;
    DROP INDEX mentions_aspects_idx;
    `,
  );
}

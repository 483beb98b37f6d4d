import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * The public survey's guarantees in the store: a visit's link takes at most one submitted
 * response (two tabs, a resent form, a second device all end at the same one), a mention finds
 * the response it came from (the cases job reads whether a call back was asked), and the
 * fair-asking counts read responses by link.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE UNIQUE INDEX survey_responses_visit_once_idx ON survey_responses (link_id) WHERE status = 'submitted' AND visit_id IS NOT NULL;
    CREATE INDEX survey_responses_mention_idx ON survey_responses (mention_id) WHERE mention_id IS NOT NULL;
    CREATE INDEX survey_responses_link_idx ON survey_responses (link_id, status);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP INDEX survey_responses_link_idx;
    DROP INDEX survey_responses_mention_idx;
    DROP INDEX survey_responses_visit_once_idx;
  `,
  );
}

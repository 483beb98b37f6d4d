import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Mentions to review and import you can follow: a mention whose major-risk signal is too weak for a
 * Major case is flagged `to_review` with its evidence; "Not a risk" is recorded per mention and risk
 * (and read back by the analysis as a correction); each mention remembers the import run that
 * brought it; sources carry a default location and department; import and poll errors keep their
 * message code and parameters so they read in each reader's language.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE mentions ADD COLUMN to_review boolean NOT NULL DEFAULT false;
    ALTER TABLE mentions ADD COLUMN review jsonb;
    ALTER TABLE mentions ADD COLUMN import_run_id uuid REFERENCES import_runs(id) ON DELETE SET NULL;
    CREATE INDEX mentions_to_review_idx ON mentions (org_id) WHERE to_review;
    CREATE INDEX mentions_import_run_idx ON mentions (import_run_id) WHERE import_run_id IS NOT NULL;
    CREATE TABLE mention_risk_dismissals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      mention_id uuid NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
      risk text NOT NULL,
      cue text NOT NULL,
      confidence real,
      dismissed_by uuid REFERENCES users(id) ON DELETE SET NULL,
      dismissed_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (mention_id, risk)
    );
    CREATE INDEX mention_risk_dismissals_org_idx ON mention_risk_dismissals (org_id, risk, cue);
    ALTER TABLE sources ADD COLUMN default_location_id uuid REFERENCES locations(id) ON DELETE SET NULL;
    ALTER TABLE sources ADD COLUMN default_department_id uuid REFERENCES departments(id) ON DELETE SET NULL;
    ALTER TABLE sources ADD COLUMN last_poll_error_message jsonb;
    ALTER TABLE import_runs ADD COLUMN error_message jsonb;
    ALTER TABLE import_runs ADD COLUMN location_id uuid REFERENCES locations(id) ON DELETE SET NULL;
    ALTER TABLE import_runs ADD COLUMN department_id uuid REFERENCES departments(id) ON DELETE SET NULL;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE import_runs DROP COLUMN department_id;
    ALTER TABLE import_runs DROP COLUMN location_id;
    ALTER TABLE import_runs DROP COLUMN error_message;
    ALTER TABLE sources DROP COLUMN last_poll_error_message;
    ALTER TABLE sources DROP COLUMN default_department_id;
    ALTER TABLE sources DROP COLUMN default_location_id;
    DROP TABLE mention_risk_dismissals;
    ALTER TABLE mentions DROP COLUMN import_run_id;
    ALTER TABLE mentions DROP COLUMN review;
    ALTER TABLE mentions DROP COLUMN to_review;
    `,
  );
}

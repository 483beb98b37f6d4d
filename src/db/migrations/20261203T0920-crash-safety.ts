import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Crash safety: an import run whose process died is closed as `interrupted` at the next start
 * (it stayed `running` for ever); `progressed_at` is when its last batch committed, so the
 * closing can say when it stopped and, on a shared PostgreSQL server, tell a live run (recent
 * progress) from a dead one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE import_runs DROP CONSTRAINT IF EXISTS import_runs_status_check;
    ALTER TABLE import_runs ADD CONSTRAINT import_runs_status_check CHECK (status IN ('running','completed','failed','interrupted'));
    ALTER TABLE import_runs ADD COLUMN progressed_at timestamptz;
    CREATE INDEX import_runs_running_idx ON import_runs (started_at) WHERE status = 'running';
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP INDEX IF EXISTS import_runs_running_idx;
    ALTER TABLE import_runs DROP COLUMN IF EXISTS progressed_at;
    UPDATE import_runs SET status = 'failed' WHERE status = 'interrupted';
    ALTER TABLE import_runs DROP CONSTRAINT IF EXISTS import_runs_status_check;
    ALTER TABLE import_runs ADD CONSTRAINT import_runs_status_check CHECK (status IN ('running','completed','failed'));
  `,
  );
}

import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Secrets encrypted at rest (src/core/secrets.ts): the store remembers which key its secrets are
 * sealed with, as one sealed known value (`canary`), so a start with another key is refused before
 * anything is read or written with it. Existing plaintext secrets are sealed by a start-up step
 * (src/stored-secrets.ts), not here: the key comes from the environment, which migrations never see.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE secrets_key (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      canary text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `DROP TABLE secrets_key;`);
}

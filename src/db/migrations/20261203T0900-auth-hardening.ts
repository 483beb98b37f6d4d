import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Auth hardening: e-mails unique per organisation (a 409 no longer tells one clinic that another
 * has a user), audit entries named by a random id instead of the one global sequence (which told
 * every clinic how busy the others are), and login throttling by growing delays instead of a lock
 * (each key remembers its last failure and until when its next attempt waits), with the addresses
 * each user has signed in from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP INDEX users_email_idx;
    CREATE UNIQUE INDEX users_org_email_idx ON users (org_id, lower(email));
    CREATE INDEX users_email_idx ON users (lower(email));
    ALTER TABLE audit_log ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
    CREATE UNIQUE INDEX audit_log_public_id_idx ON audit_log (public_id);
    DELETE FROM login_attempts;
    ALTER TABLE login_attempts RENAME COLUMN window_start TO last_failure_at;
    ALTER TABLE login_attempts ADD COLUMN wait_until timestamptz NOT NULL DEFAULT now();
    CREATE TABLE known_login_addresses (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      ip text NOT NULL,
      last_login_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, ip)
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP TABLE known_login_addresses;
    ALTER TABLE login_attempts DROP COLUMN wait_until;
    ALTER TABLE login_attempts RENAME COLUMN last_failure_at TO window_start;
    DROP INDEX audit_log_public_id_idx;
    ALTER TABLE audit_log DROP COLUMN public_id;
    DROP INDEX users_email_idx;
    DROP INDEX users_org_email_idx;
    CREATE UNIQUE INDEX users_email_idx ON users (lower(email));
  `,
  );
}

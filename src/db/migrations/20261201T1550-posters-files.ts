import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * A made poster keeps what it was made with: its PNG and PDF exactly as rendered (so a download is
 * what was approved, whatever the brand becomes later), the warnings the law required it to carry
 * (rule ids of the use check) and the share link its QR code points to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE posters ADD COLUMN png bytea;
    ALTER TABLE posters ADD COLUMN pdf bytea;
    ALTER TABLE posters ADD COLUMN notices text[] NOT NULL DEFAULT '{}';
    ALTER TABLE posters ADD COLUMN share_link_id uuid REFERENCES share_links(id) ON DELETE SET NULL;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE posters DROP COLUMN share_link_id;
    ALTER TABLE posters DROP COLUMN notices;
    ALTER TABLE posters DROP COLUMN pdf;
    ALTER TABLE posters DROP COLUMN png;
    `,
  );
}

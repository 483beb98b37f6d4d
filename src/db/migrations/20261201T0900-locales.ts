import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/** The language each user reads Verity in (notifications and e-mails are rendered in it) and each organisation's default. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE organisations ADD COLUMN default_locale text NOT NULL DEFAULT 'en' CHECK (default_locale IN ('zh-CN','ru','en'));
    ALTER TABLE users ADD COLUMN locale text CHECK (locale IN ('zh-CN','ru','en'));
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE users DROP COLUMN locale;
    ALTER TABLE organisations DROP COLUMN default_locale;
  `,
  );
}

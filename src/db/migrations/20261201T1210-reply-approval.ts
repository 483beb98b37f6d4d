import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Replies that cannot go wrong: internal notes (kind `internal`), a `ready` status between draft and
 * approved, who last edited a reply and when (four-eyes counts the editor as an author), and the
 * replies feature's own settings (four-eyes approval, on by default).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE replies DROP CONSTRAINT replies_kind_check;
    ALTER TABLE replies ADD CONSTRAINT replies_kind_check CHECK (kind IN ('public','private','internal'));
    ALTER TABLE replies DROP CONSTRAINT replies_status_check;
    ALTER TABLE replies ADD CONSTRAINT replies_status_check CHECK (status IN ('draft','ready','approved','posted'));
    ALTER TABLE replies ADD COLUMN edited_by uuid REFERENCES users(id) ON DELETE SET NULL;
    ALTER TABLE replies ADD COLUMN edited_at timestamptz;
    DROP INDEX replies_draft_idx;
    CREATE INDEX replies_pending_idx ON replies (org_id) WHERE status IN ('draft','ready');
    CREATE TABLE reply_settings (
      org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
      four_eyes boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP TABLE reply_settings;
    DROP INDEX replies_pending_idx;
    CREATE INDEX replies_draft_idx ON replies (org_id) WHERE status = 'draft';
    ALTER TABLE replies DROP COLUMN edited_at;
    ALTER TABLE replies DROP COLUMN edited_by;
    UPDATE replies SET status = 'draft' WHERE status = 'ready';
    DELETE FROM replies WHERE kind = 'internal';
    ALTER TABLE replies DROP CONSTRAINT replies_status_check;
    ALTER TABLE replies ADD CONSTRAINT replies_status_check CHECK (status IN ('draft','approved','posted'));
    ALTER TABLE replies DROP CONSTRAINT replies_kind_check;
    ALTER TABLE replies ADD CONSTRAINT replies_kind_check CHECK (kind IN ('public','private'));
  `,
  );
}

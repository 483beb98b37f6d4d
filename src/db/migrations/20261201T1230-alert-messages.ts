import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Alerts keep their title and summary as message codes (rendered in each reader's language; rows
 * from before keep their English text), and e-mail has a local outbox: with no SMTP server
 * configured a message is kept here, per organisation, for an admin to read, instead of failing.
 * A dead delivery can be dismissed from the dead-letter list (kept, with who dismissed it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE alerts ADD COLUMN title_message jsonb, ADD COLUMN summary_message jsonb;
    ALTER TABLE notification_deliveries ADD COLUMN dismissed_at timestamptz, ADD COLUMN dismissed_by uuid REFERENCES users(id) ON DELETE SET NULL;
    CREATE TABLE mail_outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      delivery_id uuid REFERENCES notification_deliveries(id) ON DELETE SET NULL,
      recipients text[] NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      html_body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX mail_outbox_org_idx ON mail_outbox (org_id, created_at DESC, id DESC);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP TABLE mail_outbox;
    ALTER TABLE notification_deliveries DROP COLUMN dismissed_at, DROP COLUMN dismissed_by;
    ALTER TABLE alerts DROP COLUMN title_message, DROP COLUMN summary_message;
  `,
  );
}

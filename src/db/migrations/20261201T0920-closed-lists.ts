import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * The four enum-like columns that had no CHECK constraint get one, so every closed list is held by
 * the database as well as by the types (src/db/vocab-constraints.integration.test.ts compares them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE mentions ADD CONSTRAINT mentions_sentiment_check CHECK (sentiment IN ('negative','neutral','positive'));
    ALTER TABLE import_runs ADD CONSTRAINT import_runs_channel_check CHECK (channel IN ('file','push','webhook','rss','manual','demo'));
    ALTER TABLE notification_deliveries ADD CONSTRAINT notification_deliveries_kind_check CHECK (kind IN ('email','wecom','dingtalk','telegram','slack','webhook','in_app'));
    ALTER TABLE case_events ADD CONSTRAINT case_events_type_check CHECK (type IN ('opened','status','assigned','handling','action_added','action_status','closed','reopened','mention_added','escalated','reply_drafted','reply_approved','reply_posted'));
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE mentions DROP CONSTRAINT mentions_sentiment_check;
    ALTER TABLE import_runs DROP CONSTRAINT import_runs_channel_check;
    ALTER TABLE notification_deliveries DROP CONSTRAINT notification_deliveries_kind_check;
    ALTER TABLE case_events DROP CONSTRAINT case_events_type_check;
  `,
  );
}

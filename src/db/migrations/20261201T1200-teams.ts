import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Teams with members and a round-robin cursor; cases point at their team, carry their current
 * SLA due time as a stored column (so the list sorts by it from an index), and may close as a
 * duplicate of another case. Two new timeline entries: a mention unlinked, a case moved to another team.
 * Cases opened before teams existed join their tier's default team (seeded here for an organisation that has cases).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE teams (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      default_key text CHECK (default_key IN ('general','major','malicious')),
      name text,
      auto_assign boolean NOT NULL DEFAULT true,
      rr_last_user_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (name IS NOT NULL OR default_key IS NOT NULL)
    );
    CREATE UNIQUE INDEX teams_default_idx ON teams (org_id, default_key);
    CREATE INDEX teams_org_idx ON teams (org_id, created_at);
    CREATE TABLE team_members (
      team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      on_shift boolean NOT NULL DEFAULT true,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (team_id, user_id)
    );
    CREATE INDEX team_members_user_idx ON team_members (user_id);
    ALTER TABLE cases ADD COLUMN team_id uuid REFERENCES teams(id) ON DELETE SET NULL;
    ALTER TABLE cases ADD COLUMN outcome text CHECK (outcome IN ('resolved','duplicate'));
    ALTER TABLE cases ADD COLUMN duplicate_of_id uuid REFERENCES cases(id) ON DELETE SET NULL;
    ALTER TABLE cases ADD COLUMN due_at timestamptz GENERATED ALWAYS AS (CASE WHEN status = 'closed' THEN NULL WHEN responded_at IS NULL THEN first_response_due_at ELSE resolution_due_at END) STORED;
    CREATE INDEX cases_due_idx ON cases (org_id, due_at, number);
    CREATE INDEX cases_queue_idx ON cases (org_id, team_id, due_at) WHERE status <> 'closed' AND assignee_id IS NULL;
    CREATE INDEX cases_assignee_idx ON cases (org_id, assignee_id, due_at) WHERE status <> 'closed';
    CREATE INDEX cases_team_idx ON cases (team_id);
    CREATE INDEX cases_location_idx ON cases (org_id, location_id);
    ALTER TABLE case_events DROP CONSTRAINT case_events_type_check;
    ALTER TABLE case_events ADD CONSTRAINT case_events_type_check CHECK (type IN ('opened','status','assigned','handling','action_added','action_status','closed','reopened','mention_added','escalated','reply_drafted','reply_approved','reply_posted','mention_removed','team_changed'));
    INSERT INTO teams (org_id, default_key) SELECT o.id, k.key FROM organisations o CROSS JOIN (VALUES ('general'), ('major'), ('malicious')) AS k(key) WHERE EXISTS (SELECT 1 FROM cases c WHERE c.org_id = o.id);
    UPDATE cases c SET team_id = t.id FROM teams t WHERE t.org_id = c.org_id AND t.default_key = c.tier AND c.team_id IS NULL;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE case_events DROP CONSTRAINT case_events_type_check;
    ALTER TABLE case_events ADD CONSTRAINT case_events_type_check CHECK (type IN ('opened','status','assigned','handling','action_added','action_status','closed','reopened','mention_added','escalated','reply_drafted','reply_approved','reply_posted'));
    DROP INDEX cases_location_idx;
    DROP INDEX cases_team_idx;
    DROP INDEX cases_assignee_idx;
    DROP INDEX cases_queue_idx;
    DROP INDEX cases_due_idx;
    ALTER TABLE cases DROP COLUMN due_at;
    ALTER TABLE cases DROP COLUMN duplicate_of_id;
    ALTER TABLE cases DROP COLUMN outcome;
    ALTER TABLE cases DROP COLUMN team_id;
    DROP TABLE team_members, teams;
    `,
  );
}

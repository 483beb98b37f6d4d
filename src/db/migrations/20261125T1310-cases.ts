import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/** Cases with their mentions, timeline, handling and actions; root causes, case settings; reply templates, brand voice and replies. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE case_settings (
      org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
      tiers jsonb NOT NULL,
      locations jsonb NOT NULL DEFAULT '[]',
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE root_causes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      label text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, label)
    );
    CREATE TABLE case_counters (
      org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
      last_number integer NOT NULL
    );
    CREATE TABLE cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      number integer NOT NULL,
      title text NOT NULL,
      tier text NOT NULL CHECK (tier IN ('general','major','malicious')),
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','acknowledged','investigating','handling','responded','repairing','closed')),
      team text NOT NULL DEFAULT '',
      assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
      location_id uuid REFERENCES locations(id) ON DELETE SET NULL,
      department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
      origin_mention_id uuid REFERENCES mentions(id) ON DELETE SET NULL,
      auto_opened boolean NOT NULL DEFAULT false,
      first_response_due_at timestamptz NOT NULL,
      resolution_due_at timestamptz NOT NULL,
      responded_at timestamptz,
      escalation_level integer NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 2),
      escalated_at timestamptz,
      root_cause_id uuid REFERENCES root_causes(id),
      opened_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      UNIQUE (org_id, number)
    );
    CREATE INDEX cases_org_idx ON cases (org_id, opened_at DESC, id DESC);
    CREATE INDEX cases_open_idx ON cases (org_id) WHERE status <> 'closed';
    CREATE UNIQUE INDEX cases_auto_origin_idx ON cases (origin_mention_id) WHERE auto_opened;
    CREATE TABLE case_mentions (
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      mention_id uuid NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, mention_id)
    );
    CREATE INDEX case_mentions_mention_idx ON case_mentions (mention_id);
    CREATE TABLE case_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      actor_name text NOT NULL,
      type text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_events_case_idx ON case_events (case_id, id);
    CREATE TABLE case_handling (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      type text NOT NULL CHECK (type IN ('apology','compensation','rectification')),
      note text NOT NULL,
      amount numeric,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_handling_case_idx ON case_handling (case_id);
    CREATE TABLE case_actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('corrective','preventive')),
      description text NOT NULL,
      aspect text NOT NULL,
      owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),
      done_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_actions_case_idx ON case_actions (case_id);
    CREATE INDEX case_actions_owner_idx ON case_actions (owner_id) WHERE status = 'open';
    CREATE TABLE reply_templates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      name text NOT NULL,
      lang text NOT NULL,
      tier text CHECK (tier IS NULL OR tier IN ('general','major','malicious')),
      aspect text,
      text text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX reply_templates_org_idx ON reply_templates (org_id);
    CREATE TABLE brand_voice (
      org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
      rules jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE replies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('public','private')),
      lang text NOT NULL,
      text text NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','approved','posted')),
      privacy jsonb NOT NULL,
      brand_voice jsonb NOT NULL,
      template_id uuid REFERENCES reply_templates(id) ON DELETE SET NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      approved_by uuid REFERENCES users(id) ON DELETE SET NULL,
      approved_at timestamptz,
      posted_url text,
      posted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX replies_case_idx ON replies (case_id);
    CREATE INDEX replies_draft_idx ON replies (org_id) WHERE status = 'draft';
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP TABLE replies, brand_voice, reply_templates, case_actions, case_handling, case_events, case_mentions, cases,
      case_counters, root_causes, case_settings;
  `,
  );
}

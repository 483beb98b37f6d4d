import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/** Alert channels and rules, the alerts they open, notifications with their in-app recipients and per-channel deliveries. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE alert_channels (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('email','wecom','dingtalk','telegram','slack','webhook','in_app')),
      enabled boolean NOT NULL DEFAULT true,
      config jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX alert_channels_org_idx ON alert_channels (org_id);
    CREATE TABLE alert_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      name text NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      kind text NOT NULL CHECK (kind IN ('mention','volume')),
      scope jsonb NOT NULL,
      mention jsonb,
      volume jsonb,
      channel_ids uuid[] NOT NULL DEFAULT '{}',
      cooldown_minutes integer NOT NULL DEFAULT 60 CHECK (cooldown_minutes BETWEEN 0 AND 10080),
      quiet_hours jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX alert_rules_org_idx ON alert_rules (org_id);
    CREATE TABLE alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      rule_id uuid NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
      scope_key text NOT NULL,
      title text NOT NULL,
      summary text NOT NULL,
      count integer NOT NULL,
      notified_count integer NOT NULL DEFAULT 0,
      mention_ids uuid[] NOT NULL DEFAULT '{}',
      is_urgent boolean NOT NULL DEFAULT false,
      first_at timestamptz NOT NULL DEFAULT now(),
      last_at timestamptz NOT NULL DEFAULT now(),
      last_notified_at timestamptz,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','acknowledged')),
      acknowledged_at timestamptz,
      acknowledged_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX alerts_org_idx ON alerts (org_id, created_at DESC, id DESC);
    CREATE INDEX alerts_open_idx ON alerts (rule_id, scope_key) WHERE status = 'open';
    CREATE TABLE alert_mentions (
      rule_id uuid NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
      mention_id uuid NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
      alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
      PRIMARY KEY (rule_id, mention_id)
    );
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      title text NOT NULL,
      text text NOT NULL,
      url text,
      is_urgent boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE notification_recipients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (notification_id, user_id)
    );
    CREATE INDEX notification_recipients_user_idx ON notification_recipients (user_id, created_at DESC);
    CREATE TABLE notification_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
      channel_id uuid REFERENCES alert_channels(id) ON DELETE SET NULL,
      user_id uuid REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL,
      label text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','dead')),
      attempts integer NOT NULL DEFAULT 0,
      attempt_limit integer NOT NULL,
      last_error text,
      not_before timestamptz,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX notification_deliveries_org_idx ON notification_deliveries (org_id, status, created_at DESC);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP TABLE notification_deliveries, notification_recipients, notifications, alert_mentions, alerts, alert_rules, alert_channels;
  `,
  );
}

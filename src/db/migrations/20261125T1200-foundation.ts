import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/** Organisations, people, sources, mentions with their versions, import runs and the audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE organisations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      name text NOT NULL,
      timezone text NOT NULL DEFAULT 'UTC',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE locations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      code text NOT NULL,
      name text NOT NULL,
      address text NOT NULL DEFAULT '',
      timezone text NOT NULL DEFAULT 'UTC',
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, code)
    );
    CREATE TABLE departments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      location_id uuid REFERENCES locations(id) ON DELETE SET NULL,
      code text NOT NULL,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, code)
    );
    CREATE TABLE staff (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
      name text NOT NULL,
      title text NOT NULL DEFAULT '',
      aliases text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX staff_org_idx ON staff (org_id);
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      email text NOT NULL,
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin','leadership','pr','marketing','service','department_head','staff','viewer')),
      password_hash text NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_login_at timestamptz
    );
    CREATE UNIQUE INDEX users_email_idx ON users (lower(email));
    CREATE TABLE user_departments (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      department_id uuid NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
      PRIMARY KEY (user_id, department_id)
    );
    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      ip text,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id);
    CREATE TABLE login_attempts (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      attempts integer NOT NULL
    );
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      org_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
      user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      actor text NOT NULL,
      action text NOT NULL,
      target_type text,
      target_id text,
      ip text,
      details jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX audit_log_org_idx ON audit_log (org_id, id DESC);
    CREATE TABLE sources (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('file','push','webhook','rss','manual')),
      platform text NOT NULL DEFAULT '',
      url text,
      poll_minutes integer CHECK (poll_minutes IS NULL OR poll_minutes BETWEEN 5 AND 10080),
      token_hash text UNIQUE,
      webhook_secret text,
      feed_etag text,
      feed_last_modified text,
      feed_cursor timestamptz,
      last_polled_at timestamptz,
      last_poll_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, name)
    );
    CREATE TABLE mentions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      source_id uuid NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('review','comment','post','news','offline_complaint','hotline_note','survey_text')),
      external_key text NOT NULL,
      external_id text,
      url text,
      author_handle text,
      rating_raw numeric,
      rating_scale numeric,
      rating numeric(2,1) CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
      title text,
      text text NOT NULL,
      lang text,
      published_at timestamptz,
      received_at timestamptz NOT NULL DEFAULT now(),
      location_id uuid REFERENCES locations(id) ON DELETE SET NULL,
      department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','triaged','in_case','resolved','dismissed')),
      version integer NOT NULL DEFAULT 1,
      content_hash text NOT NULL,
      search tsvector,
      analysis jsonb,
      analysis_version text,
      analysed_at timestamptz,
      sentiment text,
      aspects text[],
      risks text[],
      staff_ids uuid[],
      UNIQUE (source_id, external_key)
    );
    CREATE INDEX mentions_org_time_idx ON mentions (org_id, (coalesce(published_at, received_at)) DESC, id DESC);
    CREATE INDEX mentions_search_idx ON mentions USING gin (search);
    CREATE INDEX mentions_unanalysed_idx ON mentions (org_id) WHERE analysed_at IS NULL;
    CREATE TABLE mention_versions (
      mention_id uuid NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
      version integer NOT NULL,
      title text,
      text text NOT NULL,
      rating_raw numeric,
      rating numeric(2,1),
      content_hash text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (mention_id, version)
    );
    CREATE TABLE import_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      source_id uuid NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      channel text NOT NULL,
      file_name text,
      format text,
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('running','completed','failed')),
      accepted integer NOT NULL DEFAULT 0,
      duplicates integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      rejected_count integer NOT NULL DEFAULT 0,
      rejected jsonb NOT NULL DEFAULT '[]',
      error text,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE INDEX import_runs_org_idx ON import_runs (org_id, started_at DESC);
    CREATE TABLE webhook_deliveries (
      source_id uuid NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      signature text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (source_id, signature)
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP TABLE webhook_deliveries, import_runs, mention_versions, mentions, sources, audit_log,
      login_attempts, sessions, user_departments, users, staff, departments, locations, organisations;
  `,
  );
}

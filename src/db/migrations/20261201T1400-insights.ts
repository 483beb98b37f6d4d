import { sql, type Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/** plpgsql bodies hold semicolons, so each function is one statement of its own (runStatements splits on them). */
const FUNCTIONS = [
  `
    CREATE FUNCTION rollup_mark_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO rollup_dirty_days (org_id, day)
      SELECT DISTINCT n.org_id, (coalesce(n.published_at, n.received_at) AT TIME ZONE o.timezone)::date
      FROM rollup_new n JOIN organisations o ON o.id = n.org_id
      ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $fn$
  `,
  `
    CREATE FUNCTION rollup_mark_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO rollup_dirty_days (org_id, day)
      SELECT DISTINCT d.org_id, (coalesce(d.published_at, d.received_at) AT TIME ZONE o.timezone)::date
      FROM rollup_old d JOIN organisations o ON o.id = d.org_id
      ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $fn$
  `,
  `
    -- An update marks the old and the new day of each row whose figures the dashboards read changed.
    CREATE FUNCTION rollup_mark_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO rollup_dirty_days (org_id, day)
      SELECT DISTINCT x.org_id, (x.at AT TIME ZONE o.timezone)::date
      FROM (
        SELECT n.org_id, coalesce(n.published_at, n.received_at) AS at, coalesce(d.published_at, d.received_at) AS old_at
        FROM rollup_new n JOIN rollup_old d ON d.id = n.id
        WHERE (n.published_at, n.received_at, n.source_id, n.location_id, n.department_id, n.status, n.rating, n.sentiment, n.aspects, n.risks, n.staff_ids, n.analysed_at, n.analysis_version, n.text)
          IS DISTINCT FROM (d.published_at, d.received_at, d.source_id, d.location_id, d.department_id, d.status, d.rating, d.sentiment, d.aspects, d.risks, d.staff_ids, d.analysed_at, d.analysis_version, d.text)
      ) c
      CROSS JOIN LATERAL (VALUES (c.org_id, c.at), (c.org_id, c.old_at)) AS x(org_id, at)
      JOIN organisations o ON o.id = x.org_id
      ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $fn$
  `,
  `
    CREATE FUNCTION rollup_mark_timezone() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF NEW.timezone IS DISTINCT FROM OLD.timezone THEN
        DELETE FROM mention_rollups WHERE org_id = NEW.id;
        DELETE FROM mention_aspect_rollups WHERE org_id = NEW.id;
        DELETE FROM mention_term_rollups WHERE org_id = NEW.id;
        INSERT INTO rollup_dirty_days (org_id, day)
        SELECT DISTINCT NEW.id, (coalesce(m.published_at, m.received_at) AT TIME ZONE NEW.timezone)::date FROM mentions m WHERE m.org_id = NEW.id
        ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $fn$
  `,
];

const TRIGGERS = `
    CREATE TRIGGER mentions_rollup_insert AFTER INSERT ON mentions REFERENCING NEW TABLE AS rollup_new FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_inserted();
    CREATE TRIGGER mentions_rollup_update AFTER UPDATE ON mentions REFERENCING OLD TABLE AS rollup_old NEW TABLE AS rollup_new FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_updated();
    CREATE TRIGGER mentions_rollup_delete AFTER DELETE ON mentions REFERENCING OLD TABLE AS rollup_old FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_deleted();
    CREATE TRIGGER organisations_rollup_timezone AFTER UPDATE OF timezone ON organisations FOR EACH ROW EXECUTE FUNCTION rollup_mark_timezone();
`;

/**
 * Dashboards, scorecards and reports (issue 10).
 *
 * - Daily rollups of mentions (`mention_rollups`, `mention_aspect_rollups`, `mention_term_rollups`)
 *   kept current from `rollup_dirty_days`: statement-level triggers on `mentions` mark the
 *   organisation-local days a statement touched (one INSERT … SELECT DISTINCT per statement, not per
 *   row), and the dashboards' refresh job recomputes exactly those days. A day is the mention's
 *   `coalesce(published_at, received_at)` in the organisation's time zone; changing the time zone
 *   marks every day of the organisation.
 * - `sources.competitor`: the named competitor whose mentions a source brings (null: our own).
 * - `users.staff_id`: the roster entry a user is (a doctor's own scorecard).
 * - Quality and safety indicators per period (imported from CSV), scorecard weights.
 * - Report schedules and the archive of reports made.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE sources ADD COLUMN competitor text CHECK (competitor IS NULL OR length(competitor) BETWEEN 1 AND 200);
    ALTER TABLE users ADD COLUMN staff_id uuid REFERENCES staff(id) ON DELETE SET NULL;
    CREATE UNIQUE INDEX users_staff_once_idx ON users (staff_id) WHERE staff_id IS NOT NULL;

    CREATE TABLE rollup_dirty_days (
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      day date NOT NULL,
      marked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, day)
    );

    CREATE TABLE mention_rollups (
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      day date NOT NULL,
      location_id uuid,
      department_id uuid,
      source_id uuid NOT NULL,
      total integer NOT NULL,
      positive integer NOT NULL,
      neutral integer NOT NULL,
      negative integer NOT NULL,
      unanalysed integer NOT NULL,
      risky integer NOT NULL,
      rating_sum double precision NOT NULL,
      rating_count integer NOT NULL
    );
    CREATE INDEX mention_rollups_org_day_idx ON mention_rollups (org_id, day);

    CREATE TABLE mention_aspect_rollups (
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      day date NOT NULL,
      location_id uuid,
      department_id uuid,
      source_id uuid NOT NULL,
      aspect text NOT NULL,
      total integer NOT NULL,
      positive integer NOT NULL,
      neutral integer NOT NULL,
      negative integer NOT NULL
    );
    CREATE INDEX mention_aspect_rollups_org_day_idx ON mention_aspect_rollups (org_id, day);

    CREATE TABLE mention_term_rollups (
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      day date NOT NULL,
      location_id uuid,
      department_id uuid,
      term text NOT NULL,
      mentions integer NOT NULL,
      negative integer NOT NULL
    );
    CREATE INDEX mention_term_rollups_org_day_idx ON mention_term_rollups (org_id, day);

    -- Every day of the mentions already stored is dirty: the first refresh builds the rollups.
    INSERT INTO rollup_dirty_days (org_id, day)
    SELECT DISTINCT m.org_id, (coalesce(m.published_at, m.received_at) AT TIME ZONE o.timezone)::date
    FROM mentions m JOIN organisations o ON o.id = m.org_id
    ON CONFLICT DO NOTHING;

    CREATE TABLE quality_indicators (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      period_start date NOT NULL,
      period_end date NOT NULL CHECK (period_end >= period_start),
      department_id uuid REFERENCES departments(id) ON DELETE CASCADE,
      staff_id uuid REFERENCES staff(id) ON DELETE CASCADE,
      indicator text NOT NULL CHECK (indicator IN ('complication_rate','readmission_rate','incident_rate','infection_rate')),
      events integer NOT NULL CHECK (events >= 0),
      exposures integer NOT NULL CHECK (exposures > 0 AND events <= exposures),
      imported_by uuid REFERENCES users(id) ON DELETE SET NULL,
      imported_at timestamptz NOT NULL DEFAULT now(),
      CHECK (department_id IS NOT NULL OR staff_id IS NOT NULL)
    );
    CREATE UNIQUE INDEX quality_indicators_once_idx ON quality_indicators (org_id, period_start, period_end, indicator, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(staff_id, '00000000-0000-0000-0000-000000000000'::uuid));

    CREATE TABLE scorecard_settings (
      org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
      weights jsonb NOT NULL,
      min_sample integer NOT NULL DEFAULT 30 CHECK (min_sample BETWEEN 1 AND 10000),
      updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE report_schedules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      location_id uuid REFERENCES locations(id) ON DELETE CASCADE,
      cadence text NOT NULL CHECK (cadence IN ('weekly','monthly')),
      recipients text[] NOT NULL,
      locale text NOT NULL CHECK (locale IN ('zh-CN','ru','en')),
      send_hour integer NOT NULL DEFAULT 8 CHECK (send_hour BETWEEN 0 AND 23),
      enabled boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX report_schedules_org_idx ON report_schedules (org_id);

    CREATE TABLE reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      schedule_id uuid REFERENCES report_schedules(id) ON DELETE SET NULL,
      location_id uuid REFERENCES locations(id) ON DELETE SET NULL,
      cadence text NOT NULL CHECK (cadence IN ('weekly','monthly')),
      period_start date NOT NULL,
      period_end date NOT NULL,
      locale text NOT NULL CHECK (locale IN ('zh-CN','ru','en')),
      status text NOT NULL DEFAULT 'made' CHECK (status IN ('made','sent','failed')),
      recipients text[] NOT NULL DEFAULT '{}',
      html text NOT NULL,
      pdf bytea NOT NULL,
      error text,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    );
    CREATE UNIQUE INDEX reports_schedule_period_once_idx ON reports (schedule_id, period_start) WHERE schedule_id IS NOT NULL;
    CREATE INDEX reports_org_idx ON reports (org_id, created_at DESC);
    `,
  );
  for (const fn of FUNCTIONS) await sql.raw(fn).execute(db);
  await runStatements(db, TRIGGERS);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP TABLE reports, report_schedules, scorecard_settings, quality_indicators, mention_term_rollups, mention_aspect_rollups, mention_rollups, rollup_dirty_days;
    DROP TRIGGER organisations_rollup_timezone ON organisations;
    DROP TRIGGER mentions_rollup_insert ON mentions;
    DROP TRIGGER mentions_rollup_update ON mentions;
    DROP TRIGGER mentions_rollup_delete ON mentions;
    DROP FUNCTION rollup_mark_timezone(), rollup_mark_inserted(), rollup_mark_updated(), rollup_mark_deleted();
    DROP INDEX users_staff_once_idx;
    ALTER TABLE users DROP COLUMN staff_id;
    ALTER TABLE sources DROP COLUMN competitor;
    `,
  );
}

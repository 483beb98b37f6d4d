import { sql, type Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Coarser grains of the dashboards' rollups (issue 10): the same figures per organisation-local
 * ISO week (`day` its Monday) and calendar month (`day` its first), summed from the daily rows by
 * the refresh in the same transaction. A long period reads its whole months (and whole weeks at
 * its edges) from here and only its remaining days from the daily tables: a year is some 40 units
 * instead of 365 days.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE mention_rollups_coarse (
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      grain text NOT NULL CHECK (grain IN ('week','month')),
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
    CREATE INDEX mention_rollups_coarse_idx ON mention_rollups_coarse (org_id, grain, day);

    CREATE TABLE mention_aspect_rollups_coarse (
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      grain text NOT NULL CHECK (grain IN ('week','month')),
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
    CREATE INDEX mention_aspect_rollups_coarse_idx ON mention_aspect_rollups_coarse (org_id, grain, day);
    `,
  );
  // A new time zone moves every day: the coarse rows go with the daily ones (every day is marked dirty again).
  await sql
    .raw(
      `
    CREATE OR REPLACE FUNCTION rollup_mark_timezone() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF NEW.timezone IS DISTINCT FROM OLD.timezone THEN
        DELETE FROM mention_rollups WHERE org_id = NEW.id;
        DELETE FROM mention_aspect_rollups WHERE org_id = NEW.id;
        DELETE FROM mention_term_rollups WHERE org_id = NEW.id;
        DELETE FROM mention_rollups_coarse WHERE org_id = NEW.id;
        DELETE FROM mention_aspect_rollups_coarse WHERE org_id = NEW.id;
        INSERT INTO rollup_dirty_days (org_id, day)
        SELECT DISTINCT NEW.id, (coalesce(m.published_at, m.received_at) AT TIME ZONE NEW.timezone)::date FROM mentions m WHERE m.org_id = NEW.id
        ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $fn$
  `,
    )
    .execute(db);
  // Mentions already rolled up by day get their weeks and months at the next refresh.
  await sql.raw(`INSERT INTO rollup_dirty_days (org_id, day) SELECT DISTINCT org_id, day FROM mention_rollups ON CONFLICT DO NOTHING`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE OR REPLACE FUNCTION rollup_mark_timezone() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
    )
    .execute(db);
  await runStatements(db, `DROP TABLE mention_aspect_rollups_coarse, mention_rollups_coarse;`);
}

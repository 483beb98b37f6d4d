import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Follow-up plans after discharge: plans with versions (a copy or an edit is a new version; an
 * enrolment keeps the version it was scheduled from), the consent texts shown to patients (with
 * their hash), enrolments with what was agreed, check-ins, staff tasks, readings, photos and
 * questions, and the per-organisation secret that signs portal links.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE followup_secrets (
      org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
      secret text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE followup_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      name text NOT NULL,
      condition text NOT NULL CHECK (condition IN ('diabetes','hypertension','cancer','post_surgery','pregnancy','custom')),
      risk text NOT NULL CHECK (risk IN ('low','medium','high')),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','archived')),
      current_version integer NOT NULL DEFAULT 1,
      department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
      team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
      enrol_token text NOT NULL UNIQUE,
      copied_from uuid REFERENCES followup_plans(id) ON DELETE SET NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX followup_plans_org_idx ON followup_plans (org_id, created_at);
    CREATE TABLE followup_plan_versions (
      plan_id uuid NOT NULL REFERENCES followup_plans(id) ON DELETE CASCADE,
      version integer NOT NULL,
      definition jsonb NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (plan_id, version)
    );
    CREATE TABLE followup_consent_texts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version integer NOT NULL,
      locale text NOT NULL CHECK (locale IN ('zh-CN','ru','en')),
      text text NOT NULL,
      sha256 text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE followup_enrolments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      plan_id uuid NOT NULL REFERENCES followup_plans(id) ON DELETE CASCADE,
      plan_version integer NOT NULL,
      patient_id uuid NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
      department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
      source text NOT NULL CHECK (source IN ('staff','qr')),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','withdrawn','completed')),
      anchor_at timestamptz NOT NULL,
      enrolled_by uuid REFERENCES users(id) ON DELETE SET NULL,
      consent_text_id uuid REFERENCES followup_consent_texts(id),
      consent_version integer,
      consent_sha256 text,
      consent_locale text CHECK (consent_locale IN ('zh-CN','ru','en')),
      consent_agreed jsonb,
      consented_at timestamptz,
      portal_generation integer NOT NULL DEFAULT 1,
      portal_expires_at timestamptz NOT NULL,
      withdrawn_at timestamptz,
      withdrawn_by uuid REFERENCES users(id) ON DELETE SET NULL,
      withdrawn_via text CHECK (withdrawn_via IN ('staff','patient')),
      withdraw_reason text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX followup_enrolments_org_idx ON followup_enrolments (org_id, created_at DESC);
    CREATE INDEX followup_enrolments_patient_idx ON followup_enrolments (patient_id);
    CREATE TABLE followup_checkins (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      enrolment_id uuid NOT NULL REFERENCES followup_enrolments(id) ON DELETE CASCADE,
      seq integer NOT NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','done','missed','cancelled')),
      done_at timestamptz,
      UNIQUE (enrolment_id, seq)
    );
    CREATE TABLE followup_tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      enrolment_id uuid NOT NULL REFERENCES followup_enrolments(id) ON DELETE CASCADE,
      checkin_id uuid REFERENCES followup_checkins(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('call','review','urgent_reading','question')),
      priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal','urgent')),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
      performer text NOT NULL CHECK (performer IN ('nurse','doctor','service')),
      due_at timestamptz NOT NULL,
      assigned_to uuid REFERENCES users(id) ON DELETE SET NULL,
      reading_id uuid,
      question_id uuid,
      overdue_notified_at timestamptz,
      completed_at timestamptz,
      completed_by uuid REFERENCES users(id) ON DELETE SET NULL,
      note text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX followup_tasks_open_idx ON followup_tasks (org_id, due_at) WHERE status = 'open';
    CREATE INDEX followup_tasks_enrolment_idx ON followup_tasks (enrolment_id);
    CREATE TABLE followup_readings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      enrolment_id uuid NOT NULL REFERENCES followup_enrolments(id) ON DELETE CASCADE,
      checkin_id uuid REFERENCES followup_checkins(id) ON DELETE SET NULL,
      metric text NOT NULL,
      value double precision NOT NULL,
      unit text NOT NULL,
      normal_low double precision,
      normal_high double precision,
      out_of_range boolean NOT NULL,
      source text NOT NULL CHECK (source IN ('patient','staff')),
      recorded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX followup_readings_enrolment_idx ON followup_readings (enrolment_id, recorded_at);
    CREATE TABLE followup_photos (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      enrolment_id uuid NOT NULL REFERENCES followup_enrolments(id) ON DELETE CASCADE,
      checkin_id uuid REFERENCES followup_checkins(id) ON DELETE SET NULL,
      mime text NOT NULL CHECK (mime IN ('image/jpeg','image/png','image/webp')),
      bytes bytea,
      path text,
      size integer NOT NULL,
      width integer,
      height integer,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX followup_photos_enrolment_idx ON followup_photos (enrolment_id, created_at);
    CREATE TABLE followup_questions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      enrolment_id uuid NOT NULL REFERENCES followup_enrolments(id) ON DELETE CASCADE,
      text text NOT NULL,
      asked_at timestamptz NOT NULL DEFAULT now(),
      answer text,
      answered_by uuid REFERENCES users(id) ON DELETE SET NULL,
      answered_at timestamptz
    );
    CREATE INDEX followup_questions_enrolment_idx ON followup_questions (enrolment_id, asked_at);
    CREATE TABLE followup_answers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      enrolment_id uuid NOT NULL REFERENCES followup_enrolments(id) ON DELETE CASCADE,
      checkin_id uuid REFERENCES followup_checkins(id) ON DELETE SET NULL,
      question text NOT NULL,
      answer text NOT NULL,
      answered_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX followup_answers_enrolment_idx ON followup_answers (enrolment_id, answered_at);
    `,
  );
}

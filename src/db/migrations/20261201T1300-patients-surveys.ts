import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * The patient-facing side's shared tables: patients and their visits (outreach), surveys with
 * their versions, links (QR codes), responses and invitations (surveys, outreach). A mention can
 * ask for a case (`case_request`: a low survey score asks for a general one), which the cases job
 * opens after analysis unless a major risk opened a major one; survey answers arrive through a
 * source of kind `survey`. Survey settings hold the public review links every respondent is offered. Follow-up plans have their own
 * migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE patients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      external_id text,
      name text NOT NULL DEFAULT '',
      phone text,
      email text,
      locale text CHECK (locale IN ('zh-CN','ru','en')),
      opted_out_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, external_id)
    );
    CREATE INDEX patients_org_phone_idx ON patients (org_id, phone) WHERE phone IS NOT NULL;
    CREATE INDEX patients_org_email_idx ON patients (org_id, lower(email)) WHERE email IS NOT NULL;
    CREATE TABLE visits (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      patient_id uuid NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
      external_id text,
      kind text NOT NULL DEFAULT 'outpatient' CHECK (kind IN ('outpatient','inpatient','emergency','day_case','telehealth')),
      source text NOT NULL CHECK (source IN ('csv','fhir','hl7','manual')),
      location_id uuid REFERENCES locations(id) ON DELETE SET NULL,
      department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
      staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      started_at timestamptz,
      ended_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, external_id)
    );
    CREATE INDEX visits_patient_idx ON visits (patient_id, coalesce(ended_at, started_at) DESC);
    CREATE TABLE surveys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      name text NOT NULL,
      template text CHECK (template IN ('nps_why','fft','outpatient','inpatient_discharge')),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','active','archived')),
      current_version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX surveys_org_idx ON surveys (org_id, created_at DESC);
    CREATE TABLE survey_versions (
      survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
      version integer NOT NULL,
      definition jsonb NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (survey_id, version)
    );
    CREATE TABLE survey_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
      token text NOT NULL UNIQUE,
      scope text NOT NULL CHECK (scope IN ('organisation','location','department','staff','visit')),
      location_id uuid REFERENCES locations(id) ON DELETE CASCADE,
      department_id uuid REFERENCES departments(id) ON DELETE CASCADE,
      staff_id uuid REFERENCES staff(id) ON DELETE CASCADE,
      visit_id uuid REFERENCES visits(id) ON DELETE CASCADE,
      label text NOT NULL DEFAULT '',
      locale text CHECK (locale IN ('zh-CN','ru','en')),
      disabled_at timestamptz,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX survey_links_survey_idx ON survey_links (survey_id);
    CREATE TABLE survey_invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      patient_id uuid NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
      visit_id uuid REFERENCES visits(id) ON DELETE SET NULL,
      survey_id uuid REFERENCES surveys(id) ON DELETE SET NULL,
      link_id uuid REFERENCES survey_links(id) ON DELETE SET NULL,
      kind text NOT NULL DEFAULT 'survey' CHECK (kind IN ('survey','review_request')),
      channel text NOT NULL CHECK (channel IN ('email','sms')),
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','sent','skipped','failed')),
      skip_reason text,
      error text,
      attempts integer NOT NULL DEFAULT 0,
      scheduled_for timestamptz NOT NULL,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX survey_invitations_due_idx ON survey_invitations (scheduled_for) WHERE status = 'scheduled';
    CREATE INDEX survey_invitations_patient_idx ON survey_invitations (patient_id, created_at DESC);
    CREATE INDEX survey_invitations_org_idx ON survey_invitations (org_id, created_at DESC);
    CREATE TABLE survey_responses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
      version integer NOT NULL,
      link_id uuid REFERENCES survey_links(id) ON DELETE SET NULL,
      invitation_id uuid REFERENCES survey_invitations(id) ON DELETE SET NULL,
      patient_id uuid REFERENCES patients(id) ON DELETE SET NULL,
      visit_id uuid REFERENCES visits(id) ON DELETE SET NULL,
      location_id uuid REFERENCES locations(id) ON DELETE SET NULL,
      department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
      staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      token text NOT NULL UNIQUE,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted')),
      locale text NOT NULL CHECK (locale IN ('zh-CN','ru','en')),
      answers jsonb NOT NULL DEFAULT '{}',
      nps smallint CHECK (nps IS NULL OR nps BETWEEN 0 AND 10),
      csat smallint CHECK (csat IS NULL OR csat BETWEEN 1 AND 5),
      fft smallint CHECK (fft IS NULL OR fft BETWEEN 1 AND 5),
      score_band text NOT NULL DEFAULT 'none' CHECK (score_band IN ('low','neutral','high','none')),
      contact_ok boolean NOT NULL DEFAULT false,
      contact_name text,
      contact_phone text,
      contact_email text,
      review_links_shown integer NOT NULL DEFAULT 0,
      mention_id uuid REFERENCES mentions(id) ON DELETE SET NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz,
      FOREIGN KEY (survey_id, version) REFERENCES survey_versions(survey_id, version)
    );
    CREATE INDEX survey_responses_org_idx ON survey_responses (org_id, submitted_at DESC) WHERE status = 'submitted';
    CREATE INDEX survey_responses_survey_idx ON survey_responses (survey_id, submitted_at);
    CREATE INDEX survey_responses_patient_idx ON survey_responses (patient_id) WHERE patient_id IS NOT NULL;
    ALTER TABLE survey_invitations ADD COLUMN response_id uuid REFERENCES survey_responses(id) ON DELETE SET NULL;
    ALTER TABLE mentions ADD COLUMN case_request text CHECK (case_request = ANY (ARRAY['general']));
    CREATE TABLE survey_settings (
      org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
      review_links jsonb NOT NULL DEFAULT '[]',
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    ALTER TABLE sources DROP CONSTRAINT sources_kind_check;
    ALTER TABLE sources ADD CONSTRAINT sources_kind_check CHECK (kind IN ('file','push','webhook','rss','manual','survey'));
    ALTER TABLE import_runs DROP CONSTRAINT import_runs_channel_check;
    ALTER TABLE import_runs ADD CONSTRAINT import_runs_channel_check CHECK (channel IN ('file','push','webhook','rss','manual','demo','survey'));
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE import_runs DROP CONSTRAINT import_runs_channel_check;
    ALTER TABLE import_runs ADD CONSTRAINT import_runs_channel_check CHECK (channel IN ('file','push','webhook','rss','manual','demo'));
    ALTER TABLE sources DROP CONSTRAINT sources_kind_check;
    ALTER TABLE sources ADD CONSTRAINT sources_kind_check CHECK (kind IN ('file','push','webhook','rss','manual'));
    DROP TABLE survey_settings;
    ALTER TABLE mentions DROP COLUMN case_request;
    ALTER TABLE survey_invitations DROP COLUMN response_id;
    DROP TABLE survey_responses;
    DROP TABLE survey_invitations;
    DROP TABLE survey_links;
    DROP TABLE survey_versions;
    DROP TABLE surveys;
    DROP TABLE visits;
    DROP TABLE patients;
  `,
  );
}

import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Outreach: each organisation's invitation settings (delays and surveys per visit kind, the
 * contact window, exclusion windows, the market and its CAHPS rule, the SMS provider and its
 * credentials), a patient's "do not contact until", the opt-out links put in every message, and
 * the SMS outbox the development `log` provider writes instead of sending.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE outreach_settings (
      org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
      enabled boolean NOT NULL DEFAULT true,
      market text NOT NULL DEFAULT 'cn' CHECK (market IN ('cn','ru','us','eu')),
      cahps_rule boolean,
      contact_window_days integer NOT NULL DEFAULT 30 CHECK (contact_window_days BETWEEN 0 AND 3650),
      delay_hours jsonb NOT NULL DEFAULT '{}',
      survey_ids jsonb NOT NULL DEFAULT '{}',
      default_survey_id uuid REFERENCES surveys(id) ON DELETE SET NULL,
      channel_preference text NOT NULL DEFAULT 'sms' CHECK (channel_preference IN ('email','sms')),
      review_request_hours integer CHECK (review_request_hours IS NULL OR review_request_hours BETWEEN 0 AND 8760),
      exclusion_windows jsonb NOT NULL DEFAULT '[]',
      sms_provider text NOT NULL DEFAULT 'log' CHECK (sms_provider IN ('log','aliyun','smsru','twilio')),
      sms_config jsonb NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE patient_contact_holds (
      patient_id uuid PRIMARY KEY REFERENCES patients(id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      until timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE outreach_opt_out_links (
      token text PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      patient_id uuid NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
      invitation_id uuid REFERENCES survey_invitations(id) ON DELETE SET NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX outreach_opt_out_links_patient_idx ON outreach_opt_out_links (patient_id);
    CREATE TABLE sms_outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      invitation_id uuid REFERENCES survey_invitations(id) ON DELETE SET NULL,
      recipient text NOT NULL,
      text_body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sms_outbox_org_idx ON sms_outbox (org_id, created_at DESC);
    CREATE INDEX survey_invitations_visit_idx ON survey_invitations (visit_id) WHERE visit_id IS NOT NULL;
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP INDEX survey_invitations_visit_idx;
    DROP TABLE sms_outbox;
    DROP TABLE outreach_opt_out_links;
    DROP TABLE patient_contact_holds;
    DROP TABLE outreach_settings;
  `,
  );
}

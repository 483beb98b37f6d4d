import type { Locale } from '../core/i18n.ts';
import type { InvitationChannel, InvitationKind, InvitationStatus, VisitKind, VisitSource } from '../outreach/outreach.vocab.ts';
import type { LinkScope, ResponseStatus, ScoreBand, SurveyStatus, SurveyTemplate } from '../surveys/surveys.vocab.ts';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Kysely types of patients, visits and surveys (migration 20261201T1300-patients-surveys is the source of truth). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

export interface PatientsTable {
  id: Generated<string>;
  org_id: string;
  /** The hospital system's patient id (MRN), unique per organisation. */
  external_id: string | null;
  name: Generated<string>;
  phone: string | null;
  email: string | null;
  locale: Locale | null;
  /** Set when the patient asked not to be contacted: nothing is sent to them any more. */
  opted_out_at: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Covered by a public scheme that restricts gifts (a referral programme's market rules may exclude or cap them). */
  public_scheme: Generated<boolean>;
}

export interface VisitsTable {
  id: Generated<string>;
  org_id: string;
  patient_id: string;
  external_id: string | null;
  kind: Generated<VisitKind>;
  source: VisitSource;
  location_id: string | null;
  department_id: string | null;
  staff_id: string | null;
  started_at: NullableTimestamp;
  /** Discharge or end of the visit; post-visit invitations count their delay from it. */
  ended_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface SurveysTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  template: SurveyTemplate | null;
  status: Generated<SurveyStatus>;
  current_version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SurveyVersionsTable {
  survey_id: string;
  version: number;
  /** The questions and their texts in each language (src/surveys/survey-definition.ts). */
  definition: Json<object>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface SurveyLinksTable {
  id: Generated<string>;
  org_id: string;
  survey_id: string;
  token: string;
  scope: LinkScope;
  location_id: string | null;
  department_id: string | null;
  staff_id: string | null;
  visit_id: string | null;
  label: Generated<string>;
  locale: Locale | null;
  disabled_at: NullableTimestamp;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface SurveyInvitationsTable {
  id: Generated<string>;
  org_id: string;
  patient_id: string;
  visit_id: string | null;
  survey_id: string | null;
  link_id: string | null;
  kind: Generated<InvitationKind>;
  channel: InvitationChannel;
  status: Generated<InvitationStatus>;
  /** A code (outreach.messages.ts) saying which contact rule held it back. */
  skip_reason: string | null;
  error: string | null;
  attempts: Generated<number>;
  scheduled_for: Timestamp;
  sent_at: NullableTimestamp;
  response_id: string | null;
  created_at: Generated<Date>;
}

export interface SurveyResponsesTable {
  id: Generated<string>;
  org_id: string;
  survey_id: string;
  /** The version answered; never changes after the response starts. */
  version: number;
  link_id: string | null;
  invitation_id: string | null;
  patient_id: string | null;
  visit_id: string | null;
  location_id: string | null;
  department_id: string | null;
  staff_id: string | null;
  /** The respondent's secret: resumes a draft and makes a second submission the same one. */
  token: string;
  status: Generated<ResponseStatus>;
  locale: Locale;
  answers: ColumnType<Record<string, unknown>, string | undefined, string>;
  nps: number | null;
  csat: number | null;
  fft: number | null;
  score_band: Generated<ScoreBand>;
  contact_ok: Generated<boolean>;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  /** How many public review links the thank-you page showed (the same for every band). */
  review_links_shown: Generated<number>;
  mention_id: string | null;
  started_at: Generated<Date>;
  submitted_at: NullableTimestamp;
}

export interface SurveySettingsTable {
  org_id: string;
  /** The organisation's public review pages, offered to every respondent alike: [{ label, url }]. */
  review_links: Json<{ label: string; url: string }[]>;
  updated_at: Generated<Date>;
}

export interface PatientsTables {
  patients: PatientsTable;
  visits: VisitsTable;
  surveys: SurveysTable;
  survey_versions: SurveyVersionsTable;
  survey_links: SurveyLinksTable;
  survey_invitations: SurveyInvitationsTable;
  survey_responses: SurveyResponsesTable;
  survey_settings: SurveySettingsTable;
}

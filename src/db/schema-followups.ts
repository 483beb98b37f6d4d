import type { Locale } from '../core/i18n.ts';
import type {
  CheckinStatus,
  EnrolmentSource,
  EnrolmentStatus,
  FollowupCondition,
  Performer,
  PlanDefinition,
  PlanStatus,
  PhotoMime,
  ReadingSource,
  RiskLevel,
  TaskKind,
  TaskPriority,
  TaskStatus,
  WithdrawalVia,
} from '../followups/followups.vocab.ts';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Kysely types of the follow-up tables (migration 20261201T1340-followups is the source of truth). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

export interface FollowupSecretsTable {
  org_id: string;
  /** Signs portal links (HMAC-SHA256); made at random per organisation on first use. */
  secret: string;
  created_at: Generated<Date>;
}

export interface FollowupPlansTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  condition: FollowupCondition;
  risk: RiskLevel;
  status: Generated<PlanStatus>;
  current_version: Generated<number>;
  department_id: string | null;
  /** The care team told of urgent readings and overdue tasks (with the performer's role). */
  team_id: string | null;
  /** The token of the plan's enrolment link and QR code (`/f/:token`). */
  enrol_token: string;
  copied_from: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface FollowupPlanVersionsTable {
  plan_id: string;
  version: number;
  definition: Json<PlanDefinition>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface FollowupConsentTextsTable {
  id: Generated<string>;
  version: number;
  locale: Locale;
  text: string;
  sha256: string;
  created_at: Generated<Date>;
}

export interface FollowupEnrolmentsTable {
  id: Generated<string>;
  org_id: string;
  plan_id: string;
  /** The plan version the schedule was made from; editing the plan never changes it. */
  plan_version: number;
  patient_id: string;
  department_id: string | null;
  source: EnrolmentSource;
  status: Generated<EnrolmentStatus>;
  /** Discharge (or enrolment) time the schedule counts from. */
  anchor_at: Timestamp;
  enrolled_by: string | null;
  consent_text_id: string | null;
  consent_version: number | null;
  consent_sha256: string | null;
  consent_locale: Locale | null;
  consent_agreed: ColumnType<Record<string, boolean> | null, string | null | undefined, string | null>;
  consented_at: NullableTimestamp;
  /** Renewing the portal link raises it, so every older link stops working. */
  portal_generation: Generated<number>;
  portal_expires_at: Timestamp;
  withdrawn_at: NullableTimestamp;
  withdrawn_by: string | null;
  withdrawn_via: WithdrawalVia | null;
  withdraw_reason: string | null;
  created_at: Generated<Date>;
}

export interface FollowupCheckinsTable {
  id: Generated<string>;
  org_id: string;
  enrolment_id: string;
  seq: number;
  due_at: Timestamp;
  status: Generated<CheckinStatus>;
  done_at: NullableTimestamp;
}

export interface FollowupTasksTable {
  id: Generated<string>;
  org_id: string;
  enrolment_id: string;
  checkin_id: string | null;
  kind: TaskKind;
  priority: Generated<TaskPriority>;
  status: Generated<TaskStatus>;
  performer: Performer;
  due_at: Timestamp;
  /** Who took the task; null: anyone of its performer's roles in the care team. */
  assigned_to: string | null;
  reading_id: string | null;
  question_id: string | null;
  overdue_notified_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  completed_by: string | null;
  note: string | null;
  created_at: Generated<Date>;
}

export interface FollowupReadingsTable {
  id: Generated<string>;
  org_id: string;
  enrolment_id: string;
  checkin_id: string | null;
  metric: string;
  value: number;
  unit: string;
  normal_low: number | null;
  normal_high: number | null;
  out_of_range: boolean;
  source: ReadingSource;
  recorded_at: Generated<Date>;
}

export interface FollowupPhotosTable {
  id: Generated<string>;
  org_id: string;
  enrolment_id: string;
  checkin_id: string | null;
  mime: PhotoMime;
  /** The re-encoded image (no metadata), unless it lives in VERITY_UPLOAD_DIR (`path`). */
  bytes: Buffer | null;
  path: string | null;
  size: number;
  width: number | null;
  height: number | null;
  created_at: Generated<Date>;
}

export interface FollowupQuestionsTable {
  id: Generated<string>;
  org_id: string;
  enrolment_id: string;
  text: string;
  asked_at: Generated<Date>;
  answer: string | null;
  answered_by: string | null;
  answered_at: NullableTimestamp;
}

/** A patient's answer to one question of the plan's check-in questionnaire (the question as it was shown). */
export interface FollowupAnswersTable {
  id: Generated<string>;
  org_id: string;
  enrolment_id: string;
  checkin_id: string | null;
  question: string;
  answer: string;
  answered_at: Generated<Date>;
}

export interface FollowupsTables {
  followup_answers: FollowupAnswersTable;
  followup_secrets: FollowupSecretsTable;
  followup_plans: FollowupPlansTable;
  followup_plan_versions: FollowupPlanVersionsTable;
  followup_consent_texts: FollowupConsentTextsTable;
  followup_enrolments: FollowupEnrolmentsTable;
  followup_checkins: FollowupCheckinsTable;
  followup_tasks: FollowupTasksTable;
  followup_readings: FollowupReadingsTable;
  followup_photos: FollowupPhotosTable;
  followup_questions: FollowupQuestionsTable;
}

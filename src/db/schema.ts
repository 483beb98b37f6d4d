import type { SentimentLabel } from '../analysis/analysis.vocab.ts';
import type { AuditAction } from '../audit/audit.vocab.ts';
import type { Role } from '../core/access.vocab.ts';
import type { ImportChannel, ImportRunStatus, SourceKind } from '../ingest/ingest.vocab.ts';
import type { CorrectionKind, MentionKind, MentionStatus } from '../mentions/mentions.vocab.ts';
import type { Locale } from '../core/i18n.ts';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { AlertsTables } from './schema-alerts.ts';
import type { CasesTables } from './schema-cases.ts';
import type { PatientsTables } from './schema-patients.ts';
import type { FollowupsTables } from './schema-followups.ts';
import type { InsightsTables } from './schema-insights.ts';
import type { OutreachTables } from './schema-outreach.ts';
import type { GrowthTables } from './schema-growth.ts';
import type { CaseRequest } from '../surveys/surveys.vocab.ts';

/** Kysely's view of the tables; the migrations in ./migrations are the source of truth. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** numeric columns come back from pg as strings; we cast to float8 in selects that need numbers. */
type Numeric = ColumnType<number | null, number | null | undefined, number | null>;

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  timezone: Generated<string>;
  default_locale: Generated<Locale>;
  created_at: Generated<Date>;
}

export interface LocationsTable {
  id: Generated<string>;
  org_id: string;
  code: string;
  name: string;
  address: Generated<string>;
  timezone: Generated<string>;
  created_at: Generated<Date>;
}

export interface DepartmentsTable {
  id: Generated<string>;
  org_id: string;
  location_id: string | null;
  code: string;
  name: string;
  created_at: Generated<Date>;
}

export interface StaffTable {
  id: Generated<string>;
  org_id: string;
  department_id: string | null;
  name: string;
  title: Generated<string>;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  org_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  last_login_at: NullableTimestamp;
  /** null: the organisation's default_locale */
  locale: Locale | null;
  /** The roster entry this user is (a doctor sees their own scorecard). */
  staff_id: Generated<string | null>;
}

export interface UserDepartmentsTable {
  user_id: string;
  department_id: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  /** Internal order only; never shown (it is one sequence across organisations). */
  id: Generated<string>;
  /** The entry's id as the API names it: random, so it tells nothing of other organisations. */
  public_id: Generated<string>;
  org_id: string | null;
  user_id: string | null;
  actor: string;
  action: AuditAction;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  at: Generated<Date>;
}

export interface LoginAttemptsTable {
  key: string;
  last_failure_at: Timestamp;
  attempts: number;
  /** The next attempt under this key is refused before this time. */
  wait_until: Timestamp;
}

export interface KnownLoginAddressesTable {
  user_id: string;
  ip: string;
  last_login_at: Timestamp;
}

export interface SourcesTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  kind: SourceKind;
  platform: Generated<string>;
  url: string | null;
  poll_minutes: number | null;
  token_hash: string | null;
  webhook_secret: string | null;
  feed_etag: string | null;
  feed_last_modified: string | null;
  feed_cursor: NullableTimestamp;
  last_polled_at: NullableTimestamp;
  last_poll_error: string | null;
  created_at: Generated<Date>;
  default_location_id: Generated<string | null>;
  default_department_id: Generated<string | null>;
  /** The last poll error as a message code and parameters (Text), when Verity worded it. */
  last_poll_error_message: ColumnType<unknown | null, string | null | undefined, string | null>;
  /** The named competitor whose mentions this source brings (the benchmark); null: our own. */
  competitor: Generated<string | null>;
}

export interface MentionsTable {
  id: Generated<string>;
  org_id: string;
  source_id: string;
  kind: MentionKind;
  external_key: string;
  external_id: string | null;
  url: string | null;
  author_handle: string | null;
  rating_raw: Numeric;
  rating_scale: Numeric;
  rating: Numeric;
  title: string | null;
  text: string;
  lang: string | null;
  published_at: NullableTimestamp;
  received_at: Generated<Date>;
  location_id: string | null;
  department_id: string | null;
  status: Generated<MentionStatus>;
  version: Generated<number>;
  content_hash: string;
  search: unknown;
  analysis: ColumnType<unknown | null, string | null | undefined, string | null>;
  analysis_version: string | null;
  analysed_at: NullableTimestamp;
  sentiment: SentimentLabel | null;
  aspects: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  risks: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  staff_ids: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  /** A major-risk signal too weak for a Major case: someone should look (see review for the evidence). */
  to_review: Generated<boolean>;
  review: ColumnType<unknown | null, string | null | undefined, string | null>;
  import_run_id: string | null;
  /** The source asks for a case (a low survey score: a general one); the cases job opens it after analysis. */
  case_request: CaseRequest | null;
  /** Likes, shares and comments together, when the source reports them (the KOC score weighs them). */
  engagement: Generated<number | null>;
}

export interface MentionRiskDismissalsTable {
  id: Generated<string>;
  org_id: string;
  mention_id: string;
  risk: string;
  cue: string;
  confidence: number | null;
  dismissed_by: string | null;
  dismissed_at: Generated<Date>;
}

/** A person's correction of one mention's analysis (see migration 20261202T0900-understanding). */
export interface MentionCorrectionsTable {
  id: Generated<string>;
  org_id: string;
  mention_id: string;
  kind: CorrectionKind;
  /** sentiment: the label; staff_add/staff_remove: the staff id; risk_add: the risk. */
  value: string;
  previous: unknown;
  corrected_by: string | null;
  corrected_at: Generated<Date>;
}

export interface MentionVersionsTable {
  mention_id: string;
  version: number;
  title: string | null;
  text: string;
  rating_raw: Numeric;
  rating: Numeric;
  content_hash: string;
  received_at: Generated<Date>;
}

export interface ImportRunsTable {
  id: Generated<string>;
  org_id: string;
  source_id: string;
  user_id: string | null;
  channel: ImportChannel;
  file_name: string | null;
  format: string | null;
  status: Generated<ImportRunStatus>;
  accepted: Generated<number>;
  duplicates: Generated<number>;
  updated: Generated<number>;
  rejected_count: Generated<number>;
  rejected: ColumnType<{ row: number; reason: string }[], string | undefined, string>;
  error: string | null;
  started_at: Generated<Date>;
  finished_at: NullableTimestamp;
  /** The error as a message code and parameters (Text), rendered per reader. */
  error_message: ColumnType<unknown | null, string | null | undefined, string | null>;
  /** The file's default location and department, applied to rows that name none. */
  location_id: Generated<string | null>;
  department_id: Generated<string | null>;
  /** When the run's last batch committed (null before the first). */
  progressed_at: NullableTimestamp;
}

export interface WebhookDeliveriesTable {
  source_id: string;
  signature: string;
  received_at: Generated<Date>;
}

/** The key the store's secrets are sealed with, as one sealed known value (src/stored-secrets.ts). */
export interface SecretsKeyTable {
  singleton: Generated<boolean>;
  canary: string;
  updated_at: Generated<Date>;
}

export interface Database extends AlertsTables, CasesTables, PatientsTables, OutreachTables, FollowupsTables, InsightsTables, GrowthTables {
  organisations: OrganisationsTable;
  locations: LocationsTable;
  departments: DepartmentsTable;
  staff: StaffTable;
  users: UsersTable;
  user_departments: UserDepartmentsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  login_attempts: LoginAttemptsTable;
  known_login_addresses: KnownLoginAddressesTable;
  sources: SourcesTable;
  mentions: MentionsTable;
  mention_versions: MentionVersionsTable;
  mention_risk_dismissals: MentionRiskDismissalsTable;
  mention_corrections: MentionCorrectionsTable;
  import_runs: ImportRunsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  secrets_key: SecretsKeyTable;
}

import type { ActionKind, ActionStatus, CaseEventType, CaseOutcome, CaseStatus, DefaultTeam, HandlingType, Tier } from '../cases/cases.vocab.ts';
import type { ReplyKind, ReplyStatus } from '../replies/replies.vocab.ts';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Kysely types of the cases and replies tables (their migration is the source of truth). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

export interface CaseSettingsTable {
  org_id: string;
  tiers: Json<object>;
  locations: ColumnType<unknown, string | undefined, string>;
  updated_at: Generated<Date>;
}

export interface RootCausesTable {
  id: Generated<string>;
  org_id: string;
  label: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface CaseCountersTable {
  org_id: string;
  last_number: number;
}

export interface CasesTable {
  id: Generated<string>;
  org_id: string;
  number: number;
  title: string;
  tier: Tier;
  status: Generated<CaseStatus>;
  team: Generated<string>;
  assignee_id: string | null;
  location_id: string | null;
  department_id: string | null;
  origin_mention_id: string | null;
  auto_opened: Generated<boolean>;
  first_response_due_at: Timestamp;
  resolution_due_at: Timestamp;
  responded_at: NullableTimestamp;
  escalation_level: Generated<number>;
  escalated_at: NullableTimestamp;
  root_cause_id: string | null;
  opened_at: Generated<Date>;
  closed_at: NullableTimestamp;
  team_id: string | null;
  outcome: CaseOutcome | null;
  duplicate_of_id: string | null;
  /** The current SLA due time (first response until answered, then resolution; null once closed), computed by the database. */
  due_at: ColumnType<Date | null, never, never>;
}

export interface TeamsTable {
  id: Generated<string>;
  org_id: string;
  /** The tier of a default team, named in the reader's language while `name` is null. */
  default_key: DefaultTeam | null;
  name: string | null;
  auto_assign: Generated<boolean>;
  rr_last_user_id: string | null;
  created_at: Generated<Date>;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  on_shift: Generated<boolean>;
  added_at: Generated<Date>;
}

export interface CaseMentionsTable {
  case_id: string;
  mention_id: string;
  added_at: Generated<Date>;
}

export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  actor_id: string | null;
  actor_name: string;
  type: CaseEventType;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  at: Generated<Date>;
}

export interface CaseHandlingTable {
  id: Generated<string>;
  case_id: string;
  type: HandlingType;
  note: string;
  amount: ColumnType<number | null, number | null | undefined, number | null>;
  created_by: string | null;
  at: Generated<Date>;
}

export interface CaseActionsTable {
  id: Generated<string>;
  case_id: string;
  kind: ActionKind;
  description: string;
  aspect: string;
  owner_id: string | null;
  due_at: Timestamp;
  status: Generated<ActionStatus>;
  done_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface ReplyTemplatesTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  lang: string;
  tier: Tier | null;
  aspect: string | null;
  text: string;
  created_at: Generated<Date>;
}

export interface BrandVoiceTable {
  org_id: string;
  rules: Json<object>;
  updated_at: Generated<Date>;
}

export interface RepliesTable {
  id: Generated<string>;
  org_id: string;
  case_id: string;
  kind: ReplyKind;
  lang: string;
  text: string;
  status: Generated<ReplyStatus>;
  privacy: Json<object>;
  brand_voice: Json<object>;
  template_id: string | null;
  created_by: string | null;
  approved_by: string | null;
  approved_at: NullableTimestamp;
  edited_by: string | null;
  edited_at: NullableTimestamp;
  posted_url: string | null;
  posted_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface ReplySettingsTable {
  org_id: string;
  four_eyes: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface CasesTables {
  case_settings: CaseSettingsTable;
  root_causes: RootCausesTable;
  case_counters: CaseCountersTable;
  cases: CasesTable;
  case_mentions: CaseMentionsTable;
  case_events: CaseEventsTable;
  case_handling: CaseHandlingTable;
  case_actions: CaseActionsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  reply_templates: ReplyTemplatesTable;
  brand_voice: BrandVoiceTable;
  replies: RepliesTable;
  reply_settings: ReplySettingsTable;
}

import type { InvitationChannel, Market, SmsProviderKind, VisitKind } from '../outreach/outreach.vocab.ts';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Kysely types of outreach's own tables (migration 20261201T1330-outreach is the source of truth). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

/** A time when nothing is sent: every day between two local times, or between two moments (a holiday). */
export type ExclusionWindow = { kind: 'daily'; from: string; to: string; label?: string } | { kind: 'dates'; from: string; to: string; label?: string };

export interface OutreachSettingsTable {
  org_id: string;
  enabled: Generated<boolean>;
  market: Generated<Market>;
  /** null: the market's default (on for us). */
  cahps_rule: boolean | null;
  contact_window_days: Generated<number>;
  delay_hours: Json<Partial<Record<VisitKind, number>>>;
  survey_ids: Json<Partial<Record<VisitKind, string>>>;
  default_survey_id: string | null;
  channel_preference: Generated<InvitationChannel>;
  /** Hours after a visit's end to ask for a public review; null: never. */
  review_request_hours: number | null;
  exclusion_windows: Json<ExclusionWindow[]>;
  sms_provider: Generated<SmsProviderKind>;
  /** The provider's credentials; secrets are masked in every API answer. */
  sms_config: Json<Record<string, string>>;
  updated_at: Generated<Date>;
}

export interface PatientContactHoldsTable {
  patient_id: string;
  org_id: string;
  until: Timestamp;
  created_at: Generated<Date>;
}

export interface OutreachOptOutLinksTable {
  token: string;
  org_id: string;
  patient_id: string;
  invitation_id: string | null;
  used_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface SmsOutboxTable {
  id: Generated<string>;
  org_id: string;
  invitation_id: string | null;
  recipient: string;
  text_body: string;
  created_at: Generated<Date>;
}

export interface OutreachTables {
  outreach_settings: OutreachSettingsTable;
  patient_contact_holds: PatientContactHoldsTable;
  outreach_opt_out_links: OutreachOptOutLinksTable;
  sms_outbox: SmsOutboxTable;
}

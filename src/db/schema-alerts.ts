import type { AlertStatus, RuleKind } from '../alerts/alerts.vocab.ts';
import type { ChannelKind, DeliveryStatus } from '../notifications/notifications.vocab.ts';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Kysely types of the notifications and alerts tables (their migration is the source of truth). */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type UuidArray = ColumnType<string[], string[] | undefined, string[]>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

import type { Text } from '../core/i18n.ts';

export interface AlertChannelsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  kind: ChannelKind;
  enabled: Generated<boolean>;
  config: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: Generated<Date>;
}

export interface AlertRulesTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  enabled: Generated<boolean>;
  kind: RuleKind;
  scope: JSONColumnType<{ locationIds: string[]; departmentIds: string[]; sourceIds: string[] }, string, string>;
  mention: NullableJson<Record<string, unknown>>;
  volume: NullableJson<Record<string, unknown>>;
  channel_ids: UuidArray;
  cooldown_minutes: Generated<number>;
  quiet_hours: NullableJson<{ start: string; end: string; timezone: string }>;
  created_at: Generated<Date>;
}

export interface AlertsTable {
  id: Generated<string>;
  org_id: string;
  rule_id: string;
  scope_key: string;
  title: string;
  summary: string;
  /** The title and summary as message codes, rendered in each reader's language; null on rows from before (their English text stands). */
  title_message: NullableJson<Text>;
  summary_message: NullableJson<Text>;
  count: number;
  notified_count: Generated<number>;
  mention_ids: UuidArray;
  is_urgent: Generated<boolean>;
  first_at: Generated<Date>;
  last_at: Generated<Date>;
  last_notified_at: NullableTimestamp;
  status: Generated<AlertStatus>;
  acknowledged_at: NullableTimestamp;
  acknowledged_by: string | null;
  created_at: Generated<Date>;
}

export interface AlertMentionsTable {
  rule_id: string;
  mention_id: string;
  alert_id: string;
}

export interface NotificationsTable {
  id: Generated<string>;
  org_id: string;
  title: string;
  text: string;
  /** The codes of a title or body given as codes, rendered in each reader's language; null for words people wrote. */
  message: NullableJson<{ title?: Text; text?: Text }>;
  url: string | null;
  is_urgent: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface NotificationRecipientsTable {
  id: Generated<string>;
  notification_id: string;
  user_id: string;
  read_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface NotificationDeliveriesTable {
  id: Generated<string>;
  org_id: string;
  notification_id: string;
  channel_id: string | null;
  user_id: string | null;
  kind: ChannelKind;
  label: string;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  attempt_limit: number;
  last_error: string | null;
  /** last_error's message code and parameters, when Verity worded it (not a remote server's own text) */
  last_error_message: NullableJson<Text>;
  not_before: NullableTimestamp;
  sent_at: NullableTimestamp;
  /** A dead delivery taken off the dead-letter list by an admin. */
  dismissed_at: NullableTimestamp;
  dismissed_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** E-mail kept locally when no SMTP server is configured, for an admin to read. */
export interface MailOutboxTable {
  id: Generated<string>;
  org_id: string;
  delivery_id: string | null;
  recipients: ColumnType<string[], string[], string[]>;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: Generated<Date>;
}

export interface AlertsTables {
  alert_channels: AlertChannelsTable;
  alert_rules: AlertRulesTable;
  alerts: AlertsTable;
  alert_mentions: AlertMentionsTable;
  notifications: NotificationsTable;
  notification_recipients: NotificationRecipientsTable;
  notification_deliveries: NotificationDeliveriesTable;
  mail_outbox: MailOutboxTable;
}

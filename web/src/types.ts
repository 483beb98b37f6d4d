// The closed vocabularies come from the server's own pure modules, so the two cannot drift apart.
import { ASPECTS, RISKS } from '../../src/analysis/taxonomy.ts';
import { ROLES, type Permission } from '../../src/auth/permissions.ts';
import { MENTION_FIELDS } from '../../src/ingest/map-record.ts';
import { MENTION_KINDS, MENTION_STATUSES } from '../../src/mentions/mention-input.ts';

// Shapes of the Verity HTTP API as the web app uses them.

export type { Permission };

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  org: { id: string; slug: string; name: string };
  departmentIds: string[];
  permissions: Permission[];
}

export const roles = ROLES;
export type Role = (typeof roles)[number];

export const mentionStatuses = MENTION_STATUSES;
export type MentionStatus = (typeof mentionStatuses)[number];

export const mentionKinds = MENTION_KINDS;
export type MentionKind = (typeof mentionKinds)[number];

export const sentiments = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof sentiments)[number];

export const aspectIds = ASPECTS;

export const riskIds = RISKS;

export const mentionLanguages = ['zh', 'ru', 'en'] as const;

export type Span = [number, number];

export interface Analysis {
  sentiment: { label: Sentiment; score: number; confidence: number };
  aspects: { aspect: string; polarity: Sentiment; span: Span }[];
  risks: { risk: string; span: Span }[];
  staff: { id: string; name: string; span: Span; confidence: number }[];
  ratingConflict: boolean;
  authenticity: { score: number; signals: string[] };
  modelVersion: string;
}

export interface Mention {
  id: string;
  sourceId: string;
  sourceName: string;
  kind: MentionKind;
  externalId: string | null;
  url: string | null;
  authorHandle: string | null;
  ratingRaw: number | null;
  ratingScale: number | null;
  rating: number | null;
  title: string | null;
  text: string;
  lang: string | null;
  publishedAt: string | null;
  receivedAt: string;
  locationId: string | null;
  locationName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  status: MentionStatus;
  version: number;
  analysis: Analysis | null;
}

export interface MentionVersion {
  version: number;
  title: string | null;
  text: string;
  ratingRaw: number | null;
  rating: number | null;
  receivedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ImportRunStatus = 'running' | 'completed' | 'failed';

export interface ImportRun {
  id: string;
  sourceId: string | null;
  sourceName: string | null;
  /** How the run arrived: file, push, webhook, rss, demo… */
  channel?: string;
  fileName: string | null;
  format: string | null;
  status: ImportRunStatus;
  accepted: number;
  duplicates: number;
  updated: number;
  rejectedCount: number;
  rejected: { row: number; reason: string }[];
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export const mappingFields = MENTION_FIELDS;
export type MappingField = (typeof mappingFields)[number];

export interface ImportPreview {
  format: string;
  columns: string[];
  mapping: Partial<Record<MappingField, string>>;
  sample: { row: number; fields: Record<string, unknown> }[];
  /** Rows among the first few that could not be read at all. */
  rejected?: { row: number; reason: string }[];
}

export const sourceKinds = ['push', 'webhook', 'rss', 'file', 'manual'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export interface Source {
  id: string;
  name: string;
  kind: SourceKind;
  platform: string | null;
  url: string | null;
  pollMinutes: number | null;
  createdAt: string;
  lastPolledAt?: string | null;
  lastPollError?: string | null;
  mentionCount: number;
  lastRun: ImportRun | null;
}

export interface Location {
  id: string;
  code: string;
  name: string;
  address: string | null;
  timezone: string | null;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  locationId: string | null;
}

export interface StaffMember {
  id: string;
  name: string;
  title: string | null;
  departmentId: string | null;
  aliases: string[];
}

export interface OrgData {
  org: { id: string; slug: string; name: string; timezone: string };
  locations: Location[];
  departments: Department[];
  staff: StaffMember[];
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentIds: string[];
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  userEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: unknown;
}

// ---------- alerts and notifications ----------

export const channelKinds = ['email', 'wecom', 'dingtalk', 'telegram', 'slack', 'webhook', 'in_app'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export interface ChannelConfig {
  to?: string[];
  url?: string;
  secret?: string;
  botToken?: string;
  chatId?: string;
  apiBase?: string;
  userIds?: string[];
  roles?: string[];
}

export interface AlertChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  enabled: boolean;
  config: ChannelConfig;
}

export const volumeMetrics = ['negative_count', 'negative_share', 'spike'] as const;
export type VolumeMetric = (typeof volumeMetrics)[number];

export interface AlertRule {
  id: string;
  name: string;
  enabled: boolean;
  kind: 'mention' | 'volume';
  scope: { locationIds: string[]; departmentIds: string[]; sourceIds: string[] };
  mention: {
    ratingAtMost?: number | null;
    sentimentNegative?: boolean;
    anyRisk?: boolean;
    risks?: string[];
    staffIds?: string[];
    keywords?: string[];
  } | null;
  volume: { metric: VolumeMetric; windowMinutes: number; threshold: number; minCount: number } | null;
  channelIds: string[];
  cooldownMinutes: number;
  quietHours: { start: string; end: string; timezone: string } | null;
  createdAt: string;
}

export interface Alert {
  id: string;
  ruleId: string;
  ruleName: string;
  title: string;
  summary: string;
  count: number;
  mentionIds: string[];
  firstAt: string;
  lastAt: string;
  status: 'open' | 'acknowledged';
  createdAt: string;
}

export interface AppNotification {
  id: string;
  title: string;
  body: string;
  url: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface Delivery {
  id: string;
  channelId: string | null;
  channelName: string | null;
  channelKind: string | null;
  status: 'dead' | 'pending' | 'sent';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  title: string;
}

// ---------- cases and replies ----------

export const caseTiers = ['general', 'major', 'malicious'] as const;
export type CaseTier = (typeof caseTiers)[number];

export const caseStatuses = ['new', 'acknowledged', 'investigating', 'handling', 'responded', 'repairing', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export type SlaState = 'ok' | 'due_soon' | 'breached';

export interface Case {
  id: string;
  number: number | string;
  title: string;
  tier: CaseTier;
  status: CaseStatus;
  team: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  mentionIds: string[];
  locationId: string | null;
  departmentId: string | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  respondedAt: string | null;
  slaState: SlaState;
  escalationLevel: number;
  rootCause: string | null;
  openedAt: string;
  closedAt: string | null;
}

export interface TimelineEntry {
  id: string;
  at: string;
  actorName: string | null;
  type: string;
  data: unknown;
}

export const handlingTypes = ['apology', 'compensation', 'rectification'] as const;
export type HandlingType = (typeof handlingTypes)[number];

export interface HandlingRecord {
  id: string;
  type: HandlingType;
  note: string;
  amount: number | null;
  at: string;
}

export interface CaseAction {
  id: string;
  kind: 'corrective' | 'preventive';
  description: string;
  aspect: string | null;
  ownerId: string | null;
  ownerName: string | null;
  dueAt: string | null;
  status: 'open' | 'done';
  doneAt: string | null;
  effect: {
    aspect: string;
    days: number;
    before: { negativeShare: number; n: number };
    after: { negativeShare: number; n: number };
  } | null;
}

export interface CheckFinding {
  span: Span;
  term: string;
  reason: string;
}

export interface ReplyCheck {
  privacy: { ok: boolean; findings: CheckFinding[] };
  brandVoice: { ok: boolean; findings: CheckFinding[] };
}

export type ReplyLang = (typeof mentionLanguages)[number];

export interface Reply {
  id: string;
  caseId: string;
  kind: 'public' | 'private';
  lang: string;
  text: string;
  status: 'draft' | 'approved' | 'posted';
  privacy: ReplyCheck['privacy'] | null;
  brandVoice: ReplyCheck['brandVoice'] | null;
  createdBy: string | null;
  approvedBy: string | null;
  postedUrl: string | null;
  createdAt: string;
}

export interface CaseDetail {
  case: Case;
  timeline: TimelineEntry[];
  handling: HandlingRecord[];
  actions: CaseAction[];
  replies: Reply[];
  mentions: Mention[];
}

export interface RootCause {
  id: string;
  label: string;
  active: boolean;
}

export interface ReplyTemplate {
  id: string;
  name: string;
  lang: string;
  tier: string | null;
  aspect: string | null;
  text: string;
}

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export interface CaseSettings {
  tiers: Record<CaseTier, { firstResponseHours: number; resolutionHours: number; team: string }>;
  locations: { locationId: string; weeklyHours: Record<Weekday, { start: string; end: string } | null>; holidays: string[] }[];
}

export interface BrandVoice {
  requiredPhrases: Record<ReplyLang, string[]>;
  bannedWords: string[];
  maxLength?: number | null;
  noExclamation?: boolean;
}

export interface MyWork {
  cases: Case[];
  actions: (CaseAction & { caseId?: string; caseNumber?: number | string; caseTitle?: string })[];
  approvals: (Reply & { caseNumber?: number | string; caseTitle?: string })[];
}

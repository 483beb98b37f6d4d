// Shapes of the Verity HTTP API as the web app uses them.

export type Permission =
  | 'mentions.read'
  | 'mentions.write'
  | 'mentions.triage'
  | 'imports.run'
  | 'sources.manage'
  | 'org.manage'
  | 'users.manage'
  | 'audit.read';

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  org: { id: string; slug: string; name: string };
  departmentIds: string[];
  permissions: Permission[];
}

export const roles = ['admin', 'leadership', 'pr', 'marketing', 'service', 'department_head', 'staff', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const mentionStatuses = ['new', 'triaged', 'in_case', 'resolved', 'dismissed'] as const;
export type MentionStatus = (typeof mentionStatuses)[number];

export const mentionKinds = ['review', 'comment', 'post', 'news', 'offline_complaint', 'hotline_note', 'survey_text'] as const;
export type MentionKind = (typeof mentionKinds)[number];

export const sentiments = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof sentiments)[number];

export const aspectIds = [
  'outcome.efficacy',
  'outcome.diagnosis',
  'outcome.safety',
  'process.waiting',
  'process.registration',
  'process.communication.listening',
  'process.communication.clarity',
  'process.communication.shared_decisions',
  'process.communication.privacy',
  'process.attitude',
  'process.environment',
  'process.facilities',
  'relationship.followup',
  'brand.price',
  'brand.overtreatment',
  'brand.trust',
] as const;

export const riskIds = [
  'medical_error',
  'safety_incident',
  'death',
  'legal_threat',
  'media',
  'privacy_breach',
  'corruption',
  'violence_threat',
  'discrimination',
  'infection',
] as const;

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

export const mappingFields = [
  'externalId',
  'kind',
  'url',
  'authorHandle',
  'ratingRaw',
  'ratingScale',
  'title',
  'text',
  'lang',
  'publishedAt',
  'location',
  'department',
] as const;
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

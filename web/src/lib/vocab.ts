/**
 * The closed vocabularies the web shows and sends. THE ONLY web module that imports from the
 * server (its pure <feature>.vocab.ts and <feature>.messages.ts modules: no zod, no database), so
 * the two cannot drift apart. A list not yet in such a module is written here and checked both ways
 * against the generated API types: a value added or removed on either side fails the typecheck.
 */
import { analysisMessages } from '../../../src/analysis/analysis.messages.ts';
import { ANALYSIS_LANGUAGES, ASPECTS, RISKS, SENTIMENT_LABELS } from '../../../src/analysis/analysis.vocab.ts';
import { ROLES } from '../../../src/core/access.vocab.ts';
import type { Messages } from '../../../src/core/i18n.ts';
import { MENTION_FIELDS, SOURCE_KINDS } from '../../../src/ingest/ingest.vocab.ts';
import { MENTION_KINDS, MENTION_STATUSES } from '../../../src/mentions/mentions.vocab.ts';
import type { ApiBody, ApiItem, ApiResponse } from './api-types.ts';

/** The names of aspects, risks and sentiments in each language: the server's own catalogue. */
export { analysisMessages };
export type AnalysisMessageKey = typeof analysisMessages extends Messages<infer K> ? K : never;

export const roles = ROLES;
export type Role = (typeof roles)[number];
/** The permissions of the signed-in user, as /api/auth/me lists them. */
export type Permission = ApiResponse<'/api/auth/me'>['user']['permissions'][number];

export const mentionStatuses = MENTION_STATUSES;
export type MentionStatus = (typeof mentionStatuses)[number];

export const mentionKinds = MENTION_KINDS;
export type MentionKind = (typeof mentionKinds)[number];

export const mappingFields = MENTION_FIELDS;
export type MappingField = (typeof mappingFields)[number];

export const aspectIds = ASPECTS;
export type AspectId = (typeof aspectIds)[number];
export const riskIds = RISKS;
export type RiskId = (typeof riskIds)[number];

type Analysis = NonNullable<ApiItem<'/api/mentions'>['analysis']>;
export const sentiments = SENTIMENT_LABELS;
export type Sentiment = (typeof sentiments)[number];

/** The languages a mention is analysed in and a reply is written in (not the UI languages). */
export const mentionLanguages = ANALYSIS_LANGUAGES;
export type MentionLanguage = (typeof mentionLanguages)[number];

export const sourceKinds = SOURCE_KINDS;
export type SourceKind = (typeof sourceKinds)[number];

export const channelKinds = ['email', 'wecom', 'dingtalk', 'telegram', 'slack', 'webhook', 'in_app'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export const volumeMetrics = ['negative_count', 'negative_share', 'spike'] as const;
export type VolumeMetric = (typeof volumeMetrics)[number];

export const alertStatuses = ['open', 'acknowledged'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

type ApiCase = ApiItem<'/api/cases'>;
export const caseTiers = ['general', 'major', 'malicious'] as const;
export type CaseTier = (typeof caseTiers)[number];

export const caseStatuses = ['new', 'acknowledged', 'investigating', 'handling', 'responded', 'repairing', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export type SlaState = ApiCase['slaState'];

export const handlingTypes = ['apology', 'compensation', 'rectification'] as const;
export type HandlingType = (typeof handlingTypes)[number];

export const actionKinds = ['corrective', 'preventive'] as const;
export type ActionKind = (typeof actionKinds)[number];

/** Working days in the order the settings show them (the server stores them by name). */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** True when A and B are the same union. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/** Compiles only while every list kept here equals the union the API declares for it. */
export type VocabularyChecks = [
  Assert<Same<Role, ApiResponse<'/api/auth/me'>['user']['role']>>,
  Assert<Same<MentionStatus, ApiItem<'/api/mentions'>['status']>>,
  Assert<Same<MentionKind, ApiItem<'/api/mentions'>['kind']>>,
  Assert<Same<Sentiment, Analysis['sentiment']['label']>>,
  Assert<Same<MentionLanguage, keyof ApiResponse<'/api/brand-voice'>['requiredPhrases']>>,
  Assert<Same<SourceKind, ApiItem<'/api/sources'>['kind']>>,
  Assert<Same<ChannelKind, ApiItem<'/api/alert-channels'>['kind']>>,
  Assert<Same<VolumeMetric, NonNullable<ApiItem<'/api/alert-rules'>['volume']>['metric']>>,
  Assert<Same<AlertStatus, ApiItem<'/api/alerts'>['status']>>,
  Assert<Same<CaseTier, ApiCase['tier']>>,
  Assert<Same<CaseStatus, ApiCase['status']>>,
  Assert<Same<HandlingType, ApiBody<'/api/cases/{id}/handling', 'post'>['type']>>,
  Assert<Same<ActionKind, ApiBody<'/api/cases/{id}/actions', 'post'>['kind']>>,
  Assert<Same<Weekday, keyof ApiResponse<'/api/case-settings'>['locations'][number]['weeklyHours']>>,
];

/**
 * The closed vocabularies the web shows and sends, and the pure rules over them. THE ONLY web
 * module that imports from the server: its pure <feature>.vocab.ts and <feature>.messages.ts
 * modules (no zod, no database), so the two cannot drift apart. Each list is also checked both ways
 * against the generated API types (VocabularyChecks, at the end): a route schema that stops
 * agreeing with its vocabulary fails the typecheck.
 */
import { ALERT_STATUSES, RULE_KINDS, VOLUME_METRICS } from '../../../src/alerts/alerts.vocab.ts';
import { analysisMessages } from '../../../src/analysis/analysis.messages.ts';
import { ANALYSIS_LANGUAGES, ASPECTS, RISKS, SENTIMENT_LABELS } from '../../../src/analysis/analysis.vocab.ts';
import { ACTION_KINDS, CASE_STATUSES, HANDLING_TYPES, TIERS, TRANSITIONS, closableFrom, isDueSoon, type Weekday as ServerWeekday } from '../../../src/cases/cases.vocab.ts';
import { ROLES } from '../../../src/core/access.vocab.ts';
import type { Messages } from '../../../src/core/i18n.ts';
import { CREATABLE_SOURCE_KINDS, MENTION_FIELDS, SOURCE_KINDS } from '../../../src/ingest/ingest.vocab.ts';
import { mentionsMessages } from '../../../src/mentions/mentions.messages.ts';
import { MENTION_KINDS, MENTION_SORTS, MENTION_STATUSES } from '../../../src/mentions/mentions.vocab.ts';
import { CHANNEL_KINDS } from '../../../src/notifications/notifications.vocab.ts';
import { REPLY_KINDS, REPLY_STATUSES, awaitsApproval, fourEyesBlocks, isOutward } from '../../../src/replies/replies.vocab.ts';
import { INVITATION_CHANNELS, INVITATION_STATUSES, MARKETS, SKIP_REASONS, SMS_PROVIDERS, VISIT_KINDS, IMPORT_FORMATS } from '../../../src/outreach/outreach.vocab.ts';
import { COMMUNICATION_DIMENSIONS, LINK_SCOPES, QUESTION_TYPES, SURVEY_STATUSES, SURVEY_TEMPLATES } from '../../../src/surveys/surveys.vocab.ts';
import { DEFAULT_MIN_SAMPLE, DEFAULT_WEIGHTS, NOT_RANKED_REASONS, QUALITY_INDICATORS, SCORE_COMPONENTS, SCORECARD_SUBJECTS } from '../../../src/views/scorecards/scorecards.vocab.ts';
import { REPORT_CADENCES, REPORT_STATUSES } from '../../../src/views/reports/reports.vocab.ts';
import { ADVOCATE_INVITE_CHANNELS, ADVOCATE_INVITE_STATUSES, KOC_SIGNALS, KOC_WEIGHTS, PROMOTER_MIN_NPS } from '../../../src/advocates/advocates.vocab.ts';
import { CONSENT_DURATIONS, CONSENT_STATES, CONSENT_USES, MATERIAL_CONNECTIONS, PUBLICATION_CHANNELS, STORY_STATUSES, STORY_USE_KINDS, USE_CHANNELS } from '../../../src/stories/stories.vocab.ts';
import { CONVERSION_KINDS, SHARE_CHANNELS, SHARE_TARGET_KINDS } from '../../../src/sharing/sharing.vocab.ts';
import { POST_STATUSES, POSTER_SIZES, POSTER_TEMPLATES } from '../../../src/content/content.vocab.ts';
import { referralsMessages } from '../../../src/referrals/referrals.messages.ts';
import {
  HOLD_REASONS,
  PROGRAMME_STATUSES,
  REFERRAL_STATUSES,
  REWARD_KINDS,
  REWARD_STATUSES,
  REWARD_TRIGGERS,
  REWARD_ACTIONS,
  type RewardAction,
  type RewardStatus,
} from '../../../src/referrals/referrals.vocab.ts';
import type { Catalogue } from '../i18n/catalogue.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ApiBody, ApiItem, ApiResponse } from './api-types.ts';

type KeyOf<M> = M extends Messages<infer K> ? K : never;

/**
 * Words the web shows exactly as the server writes them, taken from the server's own catalogue
 * (the keys of `messages` that start with one of `prefixes`), so there is one set of them.
 */
function serverWords<M extends Messages<string>, P extends string>(messages: M, prefixes: readonly P[]): Catalogue<Extract<KeyOf<M>, `${P}${string}`>> {
  type K = Extract<KeyOf<M>, `${P}${string}`>;
  const keys = messages.codes.map((code) => code.slice(messages.namespace.length + 1)).filter((key): key is K => prefixes.some((p) => key.startsWith(p)));
  const inLocale = (locale: Locale) => Object.fromEntries(keys.map((key) => [key, messages.render(locale, key)])) as Record<K, string>;
  return { en: inLocale('en'), ru: inLocale('ru'), 'zh-CN': inLocale('zh-CN') };
}

/** The names of sentiments, aspects and risks (analysis.messages.ts). */
export const analysisWords = serverWords(analysisMessages, ['sentiment.', 'aspect.', 'risk.']);
/** The names of mention kinds and statuses (mentions.messages.ts). */
export const mentionWords = serverWords(mentionsMessages, ['kind.', 'status.']);

export const roles = ROLES;
export { isDepartmentScoped } from '../../../src/core/access.vocab.ts';
export { csvCell, toCsv, type SheetCell } from '../../../src/core/spreadsheet-cell.ts';
export type Role = (typeof roles)[number];
/** The permissions of the signed-in user, as /api/auth/me lists them. */
export type Permission = ApiResponse<'/api/auth/me'>['user']['permissions'][number];

export const mentionStatuses = MENTION_STATUSES;
export type MentionStatus = (typeof mentionStatuses)[number];
export const mentionKinds = MENTION_KINDS;
export const mentionSorts = MENTION_SORTS;
export type MentionKind = (typeof mentionKinds)[number];
export const mappingFields = MENTION_FIELDS;
export type MappingField = (typeof mappingFields)[number];
export const sourceKinds = SOURCE_KINDS;
export const creatableSourceKinds = CREATABLE_SOURCE_KINDS;
export type SourceKind = (typeof sourceKinds)[number];

export const aspectIds = ASPECTS;
export type AspectId = (typeof aspectIds)[number];
export const riskIds = RISKS;
export type RiskId = (typeof riskIds)[number];
export const sentiments = SENTIMENT_LABELS;
export type Sentiment = (typeof sentiments)[number];
/** The languages a mention is analysed in and a reply is written in (not the UI languages). */
export const mentionLanguages = ANALYSIS_LANGUAGES;
export type MentionLanguage = (typeof mentionLanguages)[number];

export const channelKinds = CHANNEL_KINDS;
export type ChannelKind = (typeof channelKinds)[number];
export const ruleKinds = RULE_KINDS;
export type RuleKind = (typeof ruleKinds)[number];
export const volumeMetrics = VOLUME_METRICS;
export type VolumeMetric = (typeof volumeMetrics)[number];
export const alertStatuses = ALERT_STATUSES;
export type AlertStatus = (typeof alertStatuses)[number];

export const caseTiers = TIERS;
export type CaseTier = (typeof caseTiers)[number];
export const caseStatuses = CASE_STATUSES;
export type CaseStatus = (typeof caseStatuses)[number];
export type SlaState = ApiItem<'/api/cases'>['slaState'];
export const handlingTypes = HANDLING_TYPES;
export type HandlingType = (typeof handlingTypes)[number];
export const actionKinds = ACTION_KINDS;
export type ActionKind = (typeof actionKinds)[number];
/** Where each status may go next (the server has the last word and says why it refuses). */
export const caseTransitions = TRANSITIONS;
/** The statuses a case of a tier may be closed from. */
export const closableStatuses = closableFrom;
/** The server's "due soon": the last fifth of a clock's window, and at least its last quarter hour. */
export const dueSoon = isDueSoon;

/** Working days in the order the settings show them (the server keeps them Sunday first). */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const satisfies readonly ServerWeekday[];
export type Weekday = (typeof weekdays)[number];

export const replyKinds = REPLY_KINDS;
export type ReplyKind = (typeof replyKinds)[number];
export const replyStatuses = REPLY_STATUSES;
export type ReplyStatus = (typeof replyStatuses)[number];
/** The approval rules of replies: outward kinds, what waits for approval, whom four-eyes keeps from approving. */
export const replyRules = { awaitsApproval, fourEyesBlocks, isOutward };

/** Surveys: question types, states, templates, what a link is for, the four communication dimensions. */
export const questionTypes = QUESTION_TYPES;
export type QuestionType = (typeof questionTypes)[number];
export const surveyStatuses = SURVEY_STATUSES;
export type SurveyStatus = (typeof surveyStatuses)[number];
export const surveyTemplates = SURVEY_TEMPLATES;
export type SurveyTemplate = (typeof surveyTemplates)[number];
export const linkScopes = LINK_SCOPES;
export type LinkScope = (typeof linkScopes)[number];
export const communicationDimensions = COMMUNICATION_DIMENSIONS;
export const visitKinds = VISIT_KINDS;
export type VisitKind = (typeof visitKinds)[number];
export const invitationStatuses = INVITATION_STATUSES;
export const invitationChannels = INVITATION_CHANNELS;
export const markets = MARKETS;
export const smsProviders = SMS_PROVIDERS;
export type SmsProviderKind = (typeof smsProviders)[number];
export const skipReasons = SKIP_REASONS;
export const importFormats = IMPORT_FORMATS;
export const scoreComponents = SCORE_COMPONENTS;
export type ScoreComponent = (typeof scoreComponents)[number];
export const qualityIndicators = QUALITY_INDICATORS;
export type QualityIndicator = (typeof qualityIndicators)[number];
export const scorecardSubjects = SCORECARD_SUBJECTS;
export const notRankedReasons = NOT_RANKED_REASONS;
export const defaultScoreWeights = DEFAULT_WEIGHTS;
export const defaultMinSample = DEFAULT_MIN_SAMPLE;

/** True when A and B are the same union. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type ApiCase = ApiItem<'/api/cases'>;

/** Compiles only while every vocabulary equals the union the API's schemas declare for it. */
export type VocabularyChecks = [
  Assert<Same<Role, ApiResponse<'/api/auth/me'>['user']['role']>>,
  Assert<Same<MentionStatus, ApiItem<'/api/mentions'>['status']>>,
  Assert<Same<MentionKind, ApiItem<'/api/mentions'>['kind']>>,
  Assert<Same<Sentiment, NonNullable<ApiItem<'/api/mentions'>['analysis']>['sentiment']['label']>>,
  Assert<Same<MentionLanguage, keyof ApiResponse<'/api/brand-voice'>['requiredPhrases']>>,
  Assert<Same<SourceKind, ApiItem<'/api/sources'>['kind']>>,
  Assert<Same<ChannelKind, ApiItem<'/api/alert-channels'>['kind']>>,
  Assert<Same<RuleKind, ApiItem<'/api/alert-rules'>['kind']>>,
  Assert<Same<VolumeMetric, NonNullable<ApiItem<'/api/alert-rules'>['volume']>['metric']>>,
  Assert<Same<AlertStatus, ApiItem<'/api/alerts'>['status']>>,
  Assert<Same<CaseTier, ApiCase['tier']>>,
  Assert<Same<CaseStatus, ApiCase['status']>>,
  Assert<Same<HandlingType, ApiBody<'/api/cases/{id}/handling', 'post'>['type']>>,
  Assert<Same<ActionKind, ApiBody<'/api/cases/{id}/actions', 'post'>['kind']>>,
  Assert<Same<Weekday, ServerWeekday>>,
  Assert<Same<Weekday, keyof ApiResponse<'/api/case-settings'>['locations'][number]['weeklyHours']>>,
  Assert<Same<ReplyKind, ApiBody<'/api/cases/{id}/replies', 'post'>['kind']>>,
  Assert<Same<ScoreComponent, keyof ApiResponse<'/api/scorecards/settings'>['settings']['weights']>>,
  Assert<Same<QualityIndicator, ApiResponse<'/api/scorecards/leaderboard'>['entries'][number]['counts']['indicators'][number]['indicator']>>,
];

export const reportCadences = REPORT_CADENCES;
export type ReportCadence = (typeof reportCadences)[number];
export const reportStatuses = REPORT_STATUSES;
export type ReportStatus = (typeof reportStatuses)[number];

export const advocateInviteStatuses = ADVOCATE_INVITE_STATUSES;
export type AdvocateInviteStatus = (typeof advocateInviteStatuses)[number];
export const advocateInviteChannels = ADVOCATE_INVITE_CHANNELS;
export type AdvocateInviteChannel = (typeof advocateInviteChannels)[number];
export const kocSignals = KOC_SIGNALS;
export type KocSignal = (typeof kocSignals)[number];
export const kocWeights = KOC_WEIGHTS;
export const promoterMinNps = PROMOTER_MIN_NPS;

export const storyStatuses = STORY_STATUSES;
export type StoryStatus = (typeof storyStatuses)[number];
export const consentUses = CONSENT_USES;
export type ConsentUse = (typeof consentUses)[number];
export const consentDurations = CONSENT_DURATIONS;
export type ConsentDuration = (typeof consentDurations)[number];
export const consentStates = CONSENT_STATES;
export const materialConnections = MATERIAL_CONNECTIONS;
export type MaterialConnection = (typeof materialConnections)[number];
export const publicationChannels = PUBLICATION_CHANNELS;
export type PublicationChannel = (typeof publicationChannels)[number];
export const useChannels = USE_CHANNELS;
export const storyUseKinds = STORY_USE_KINDS;

export const shareChannels = SHARE_CHANNELS;
export type ShareChannel = (typeof shareChannels)[number];
export const shareTargetKinds = SHARE_TARGET_KINDS;
export type ShareTargetKind = (typeof shareTargetKinds)[number];
export const conversionKinds = CONVERSION_KINDS;
export type ConversionKind = (typeof conversionKinds)[number];

/** Referrals: the reasons a reward is held, withheld or capped, as the server words them (referrals.messages.ts). */
export const referralReasonWords = serverWords(referralsMessages, ['reason.']);
export const programmeStatuses = PROGRAMME_STATUSES;
export const referralStatuses = REFERRAL_STATUSES;
export const rewardKinds = REWARD_KINDS;
export type RewardKind = (typeof rewardKinds)[number];
export const rewardStatuses = REWARD_STATUSES;
export const rewardTriggers = REWARD_TRIGGERS;
export const holdReasons = HOLD_REASONS;
export type HoldReason = (typeof holdReasons)[number];
export type { RewardAction, RewardStatus };
/** The staff actions a reward in `status` allows. */
export const rewardActionsFrom = (status: RewardStatus): RewardAction[] =>
  (Object.keys(REWARD_ACTIONS) as RewardAction[]).filter((a) => a !== 'expire' && (REWARD_ACTIONS[a].from as readonly RewardStatus[]).includes(status));

/** Content: a post's status, a poster's size and look. */
export const postStatuses = POST_STATUSES;
export type PostStatus = (typeof postStatuses)[number];
export const posterSizes = POSTER_SIZES;
export type PosterSize = (typeof posterSizes)[number];
export const posterTemplates = POSTER_TEMPLATES;
export type PosterTemplate = (typeof posterTemplates)[number];

/*
 * The vocabulary of alerts as plain values (no zod, no database): the server's schemas and the
 * web's forms read the same lists and limits. Adding a rule kind or a metric is a line here, its
 * evaluation, and a migration where a CHECK constraint lists them.
 */

/** A mention rule looks at each analysed mention; a volume rule at counts over a window. */
export const RULE_KINDS = ['mention', 'volume'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** What a volume rule measures: negatives counted, their share, or a spike against the seasonal baseline. */
export const VOLUME_METRICS = ['negative_count', 'negative_share', 'spike'] as const;
export type VolumeMetric = (typeof VOLUME_METRICS)[number];

/** An alert stays open, absorbing matches, until someone acknowledges it. */
export const ALERT_STATUSES = ['open', 'acknowledged'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The conditions of a mention rule; it needs at least one, or it can never fire. */
export const MENTION_CONDITIONS = ['ratingAtMost', 'sentimentNegative', 'anyRisk', 'risks', 'staffIds', 'keywords'] as const;
export type MentionCondition = (typeof MENTION_CONDITIONS)[number];

/** How an occurrence changes an open alert's count: mention matches add up, a volume rule's count is its peak. */
export const COUNT_MODES = ['add', 'peak'] as const;
export type CountMode = (typeof COUNT_MODES)[number];

/** Quiet hours: local times HH:MM in an IANA time zone; an end before the start runs over midnight. */
export const QUIET_HOURS_FIELDS = ['start', 'end', 'timezone'] as const;
export interface QuietHours {
  start: string;
  end: string;
  timezone: string;
}
/** A quiet-hours time: 00:00 to 23:59. */
export const QUIET_HOURS_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Ratings run from 1 to 5. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** The largest window a volume rule may look at: a week (the spike baseline compares weeks). */
export const MAX_WINDOW_MINUTES = 7 * 24 * 60;
/** The longest cooldown: a week. */
export const MAX_COOLDOWN_MINUTES = 7 * 24 * 60;
export const DEFAULT_COOLDOWN_MINUTES = 60;
/** Below this count a volume rule does not fire, however quiet the baseline. */
export const DEFAULT_MIN_COUNT = 5;

/** How many mention ids an alert keeps (the API shows up to 50). */
export const ALERT_MENTION_IDS = 50;
/** Alerts per page of GET /api/alerts. */
export const ALERTS_PAGE_SIZE = 50;

/**
 * The closed vocabularies of the mentions inbox. Pure (no zod, no database): the web imports it too.
 */

/** What a mention is, whichever way it arrived. */
export const MENTION_KINDS = ['review', 'comment', 'post', 'news', 'offline_complaint', 'hotline_note', 'survey_text'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

/** Where a mention stands in triage. */
export const MENTION_STATUSES = ['new', 'triaged', 'in_case', 'resolved', 'dismissed'] as const;
export type MentionStatus = (typeof MENTION_STATUSES)[number];

/** The inbox's sort orders: newest or oldest first, most negative first, lowest or highest rating first. */
export const MENTION_SORTS = ['newest', 'oldest', 'negative', 'rating', 'rating_high'] as const;
export type MentionSortName = (typeof MENTION_SORTS)[number];

/** What a person can correct in a mention's analysis ("Not a risk" is its own table, mention_risk_dismissals). */
export const CORRECTION_KINDS = ['sentiment', 'staff_add', 'staff_remove', 'risk_add'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

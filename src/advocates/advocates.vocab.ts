/**
 * The vocabulary of key-opinion patients (KOC): who can be one, the invitation to the programme and
 * its answer, and the parts of the score. Pure: the web imports it too.
 */

/** A known patient, or a public author known only by their handle on a platform. */
export const ADVOCATE_KINDS = ['patient', 'author'] as const;
export type AdvocateKind = (typeof ADVOCATE_KINDS)[number];

/** invited → accepted | declined | expired; withdrawn (by the patient after accepting, or by staff). */
export const ADVOCATE_INVITE_STATUSES = ['invited', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type AdvocateInviteStatus = (typeof ADVOCATE_INVITE_STATUSES)[number];

/** How the invitation reached the person. */
export const ADVOCATE_INVITE_CHANNELS = ['email', 'sms', 'in_person'] as const;
export type AdvocateInviteChannel = (typeof ADVOCATE_INVITE_CHANNELS)[number];

/** The evidence a KOC score is made of; each part is shown beside the score. */
export const KOC_SIGNALS = ['referrals_converted', 'shares', 'share_reach', 'positive_mentions', 'mention_engagement', 'promoter'] as const;
export type KocSignal = (typeof KOC_SIGNALS)[number];

/** Days an invitation link stays open. */
export const INVITE_LINK_DAYS = 30;

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

/**
 * The KOC score, transparent: each part is `weight × log2(1 + count)` (promoter: the weight when
 * the latest NPS answer is 9 or 10), so a tenth referral adds less than the second and one huge
 * figure (a post with 50 000 likes) cannot bury everything else. The weights are the points of
 * the first unit of each part; the score is their sum, rounded to one decimal.
 */
export const KOC_WEIGHTS: Record<KocSignal, number> = {
  referrals_converted: 30,
  shares: 5,
  share_reach: 10,
  positive_mentions: 12,
  mention_engagement: 4,
  promoter: 15,
};

/** The NPS answer from which a patient counts as a promoter. */
export const PROMOTER_MIN_NPS = 9;

/** The counts behind a score; `promoter` is 1 or 0. */
export type KocCounts = Record<KocSignal, number>;

/** Each part's points and the total. */
export function kocScore(counts: KocCounts): { score: number; parts: Record<KocSignal, number> } {
  const parts = {} as Record<KocSignal, number>;
  let score = 0;
  for (const signal of KOC_SIGNALS) {
    const n = Math.max(0, counts[signal]);
    const points = signal === 'promoter' ? (n > 0 ? KOC_WEIGHTS.promoter : 0) : KOC_WEIGHTS[signal] * Math.log2(1 + n);
    parts[signal] = Math.round(points * 10) / 10;
    score += points;
  }
  return { score: Math.round(score * 10) / 10, parts };
}

/** Whether any signal is there (people without one are not listed). */
export const hasKocSignal = (counts: KocCounts): boolean => KOC_SIGNALS.some((s) => counts[s] > 0);

/** Rows per page of the ranked list. */
export const KOC_PAGE_SIZE = 50;

/** The version of the consent words a person answers on the join page (`consent.<version>` in advocates.messages.ts). */
export const ADVOCATE_CONSENT_VERSION = 'v1';

/**
 * The vocabulary of referral programmes ("old brings new"): rewards for the referrer and the new
 * patient, the states a reward moves through, the ledger's accounts and the fraud checks that hold
 * a reward for review. Pure (no zod, no database, no Node APIs): the web imports it too.
 *
 * A reward is never conditioned on a review or its content: no programme field, rule or option
 * refers to reviews, ratings or mentions, and the programme schema refuses unknown fields.
 */

export const PROGRAMME_STATUSES = ['draft', 'active', 'paused', 'ended'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** What a reward is. */
export const REWARD_KINDS = ['points', 'free_checkup', 'discount_percent', 'discount_amount', 'gift'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

/** Whose reward: the patient who referred, or the new patient. */
export const REWARD_ROLES = ['referrer', 'referee'] as const;
export type RewardRole = (typeof REWARD_ROLES)[number];

/** When a programme's rewards are earned: on booking, or only when the new patient visits. */
export const REWARD_TRIGGERS = ['booked', 'visited'] as const;
export type RewardTrigger = (typeof REWARD_TRIGGERS)[number];

/**
 * earned → issued → redeemed | expired; held (a fraud check fired) → earned (approved) | reversed
 * (refused); issued → reversed (a staff correction).
 */
export const REWARD_STATUSES = ['earned', 'held', 'issued', 'redeemed', 'expired', 'reversed'] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

/** A referral: the new patient booked, visited, or the booking was cancelled. */
export const REFERRAL_STATUSES = ['booked', 'visited', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** How a new patient was attributed to a referral link. */
export const ATTRIBUTION_VIAS = ['booking_form', 'visit_import', 'fhir', 'staff'] as const;
export type AttributionVia = (typeof ATTRIBUTION_VIAS)[number];

/** Why a reward is held for review instead of paid. */
export const HOLD_REASONS = ['self_referral', 'same_contact', 'existing_patient', 'velocity', 'shared_device'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/**
 * The double-entry ledger's accounts. Every transaction's entries sum to zero (a deferred
 * constraint trigger refuses a commit that does not balance); `funding` is the programme's side,
 * the others are the reward's states, so an account's balance is the value in that state.
 */
export const LEDGER_ACCOUNTS = ['funding', 'earned', 'held', 'issued', 'redeemed', 'expired', 'reversed'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

/** Referrals by one referrer within a day above which the velocity check holds the rewards. */
export const DEFAULT_VELOCITY_PER_DAY = 5;

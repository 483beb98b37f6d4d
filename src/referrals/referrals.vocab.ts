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

/** The fraud checks: any of them holds BOTH rewards of a referral for review instead of paying them. */
export const FRAUD_REASONS = ['self_referral', 'same_contact', 'existing_patient', 'velocity', 'shared_device'] as const;
export type FraudReason = (typeof FRAUD_REASONS)[number];

/**
 * The programme's limits: a reward they stop is withheld (status reversed, nothing to pay, the
 * reason shown); a nominal-value limit that only lowers it caps the amount (the reason shown).
 */
export const LIMIT_REASONS = ['public_scheme', 'referrer_not_eligible', 'cap_referrer', 'cap_referrer_year', 'cap_programme_year', 'nominal_item', 'nominal_year'] as const;
export type LimitReason = (typeof LIMIT_REASONS)[number];

/** Why a reward is held for review, withheld or capped (rewards.hold_reasons / referrals.hold_reasons). */
export const HOLD_REASONS = [...FRAUD_REASONS, ...LIMIT_REASONS] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** What staff may do to a reward, and the status each moves it from and to. */
export const REWARD_ACTIONS = {
  approve: { from: ['held'], to: 'earned' },
  refuse: { from: ['held'], to: 'reversed' },
  issue: { from: ['earned'], to: 'issued' },
  redeem: { from: ['issued'], to: 'redeemed' },
  expire: { from: ['issued'], to: 'expired' },
  reverse: { from: ['earned', 'issued'], to: 'reversed' },
} as const satisfies Record<string, { from: readonly RewardStatus[]; to: RewardStatus }>;
export type RewardAction = keyof typeof REWARD_ACTIONS;
export const REWARD_ACTION_NAMES = Object.keys(REWARD_ACTIONS) as RewardAction[];

/** The ledger account that holds a reward's value in each status. */
export const STATUS_ACCOUNT: Record<RewardStatus, LedgerAccount> = { earned: 'earned', held: 'held', issued: 'issued', redeemed: 'redeemed', expired: 'expired', reversed: 'reversed' };

/**
 * The double-entry ledger's accounts. Every transaction's entries sum to zero (a deferred
 * constraint trigger refuses a commit that does not balance); `funding` is the programme's side,
 * the others are the reward's states, so an account's balance is the value in that state.
 */
export const LEDGER_ACCOUNTS = ['funding', 'earned', 'held', 'issued', 'redeemed', 'expired', 'reversed'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

/** Referrals by one referrer within a day above which the velocity check holds the rewards. */
export const DEFAULT_VELOCITY_PER_DAY = 5;

/**
 * Proposed market rules for a new programme (the editor starts from them; every value can be
 * changed). US: the OIG's nominal-value rule on gifts to beneficiaries (15 USD an item, 75 USD a
 * year in all) and no rewards for patients in a federal health-care programme. Russia: no rewards
 * for patients treated under OMS (compulsory insurance). China and the EU: none by default.
 */
export const MARKET_RULE_DEFAULTS: Record<
  'cn' | 'ru' | 'us' | 'eu',
  { excludePublicScheme: boolean; nominalValue?: { perItem: number; perYear: number; currency: string }; unitValues?: Partial<Record<RewardKind, number>> }
> = {
  cn: { excludePublicScheme: false },
  ru: { excludePublicScheme: true },
  us: { excludePublicScheme: true, nominalValue: { perItem: 15, perYear: 75, currency: 'USD' }, unitValues: { points: 0.01, free_checkup: 15, discount_amount: 1, gift: 1 } },
  eu: { excludePublicScheme: false },
};

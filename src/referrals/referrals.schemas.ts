import { z } from 'zod';
import {
  ATTRIBUTION_VIAS,
  HOLD_REASONS,
  LEDGER_ACCOUNTS,
  PROGRAMME_STATUSES,
  REFERRAL_STATUSES,
  REWARD_ACTION_NAMES,
  REWARD_KINDS,
  REWARD_ROLES,
  REWARD_STATUSES,
  REWARD_TRIGGERS,
} from './referrals.vocab.ts';

/*
 * Every programme schema is `.strict()`: an unknown field is refused with 400. There is no field
 * that conditions a reward on a review, a rating or a mention, so a programme cannot be made to
 * pay for one (the test sends `requiresReview` and gets 400).
 */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date is YYYY-MM-DD' });

export const RewardTermsSchema = z
  .object({
    kind: z.enum(REWARD_KINDS),
    amount: z.number().min(0).max(1_000_000),
    unit: z.string().max(20).optional(),
    label: z.string().max(200).optional(),
  })
  .strict();

export const EligibilitySchema = z.object({ referrerMustHaveVisited: z.boolean().optional(), refereeMustBeNew: z.boolean().optional() }).strict();

export const MarketRulesSchema = z
  .object({
    excludePublicScheme: z.boolean().optional(),
    nominalValue: z
      .object({ perItem: z.number().min(0), perYear: z.number().min(0), currency: z.string().min(1).max(8) })
      .strict()
      .optional(),
    unitValues: z.partialRecord(z.enum(REWARD_KINDS), z.number().min(0)).optional(),
  })
  .strict();

const Cap = z.number().int().positive().nullable();

export const ProgrammeBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    status: z.enum(PROGRAMME_STATUSES).optional(),
    referrerReward: RewardTermsSchema,
    refereeReward: RewardTermsSchema,
    trigger: z.enum(REWARD_TRIGGERS).optional(),
    eligibility: EligibilitySchema.optional(),
    capPerReferrer: Cap.optional(),
    capPerReferrerYear: Cap.optional(),
    capPerYear: Cap.optional(),
    rewardValidDays: z.number().int().positive().max(3650).optional(),
    startsOn: Day.nullable().optional(),
    endsOn: Day.nullable().optional(),
    marketRules: MarketRulesSchema.optional(),
  })
  .strict();
export type ProgrammeInput = z.infer<typeof ProgrammeBody>;

export const ProgrammePatch = ProgrammeBody.partial().strict();
export type ProgrammePatchInput = z.infer<typeof ProgrammePatch>;

export const ProgrammeView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(PROGRAMME_STATUSES),
  referrerReward: RewardTermsSchema,
  refereeReward: RewardTermsSchema,
  trigger: z.enum(REWARD_TRIGGERS),
  eligibility: EligibilitySchema,
  capPerReferrer: z.number().nullable(),
  capPerReferrerYear: z.number().nullable(),
  capPerYear: z.number().nullable(),
  rewardValidDays: z.number(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  marketRules: MarketRulesSchema,
  referrals: z.number(),
  createdAt: z.string(),
});
export type ProgrammeViewT = z.infer<typeof ProgrammeView>;

export const LinkView = z.object({ id: z.string(), code: z.string(), url: z.string(), programmeId: z.string(), programmeName: z.string(), clicks: z.number(), referrals: z.number() });

export const ReferralView = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  code: z.string().nullable(),
  referrer: z.object({ id: z.string(), name: z.string() }).nullable(),
  referee: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(REFERRAL_STATUSES),
  via: z.enum(ATTRIBUTION_VIAS),
  requestedFor: z.string().nullable(),
  visitedAt: z.string().nullable(),
  holdReasons: z.array(z.enum(HOLD_REASONS)),
  note: z.string(),
  createdAt: z.string(),
});

export const RewardView = z.object({
  id: z.string(),
  referralId: z.string(),
  programmeName: z.string(),
  patient: z.object({ id: z.string(), name: z.string() }).nullable(),
  role: z.enum(REWARD_ROLES),
  kind: z.enum(REWARD_KINDS),
  amount: z.number(),
  unit: z.string(),
  label: z.string(),
  status: z.enum(REWARD_STATUSES),
  holdReasons: z.array(z.enum(HOLD_REASONS)),
  expiresAt: z.string().nullable(),
  reviewNote: z.string(),
  createdAt: z.string(),
});

export const LedgerEntryView = z.object({
  id: z.string(),
  txnId: z.string(),
  rewardId: z.string().nullable(),
  account: z.enum(LEDGER_ACCOUNTS),
  amount: z.number(),
  kind: z.enum(REWARD_KINDS).nullable(),
  unit: z.string(),
  memo: z.string(),
  at: z.string(),
});

export const BalanceView = z.object({ account: z.enum(LEDGER_ACCOUNTS), kind: z.enum(REWARD_KINDS), unit: z.string(), balance: z.number() });

export const ReferralFilters = z.object({
  programmeId: z.uuid().optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  held: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
});

export const RewardFilters = z.object({ status: z.enum(REWARD_STATUSES).optional(), patientId: z.uuid().optional() });

export const RewardActionBody = z.object({ action: z.enum(REWARD_ACTION_NAMES as [string, ...string[]]), note: z.string().max(1000).optional() }).strict();

export const AttributeBody = z.object({ patientId: z.uuid(), code: z.string().min(1).max(40), note: z.string().max(1000).optional(), visited: z.boolean().optional() }).strict();

export const NoteBody = z.object({ note: z.string().max(1000).optional() }).strict();

export const LinkBody = z.object({ programmeId: z.uuid().optional() }).strict();

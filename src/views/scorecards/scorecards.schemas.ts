import { z } from 'zod';
import { COMMUNICATION_DIMENSIONS } from '../../surveys/surveys.vocab.ts';
import { NOT_RANKED_REASONS, QUALITY_INDICATORS, SCORE_COMPONENTS, SCORECARD_SUBJECTS } from './scorecards.vocab.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const PeriodQuery = z.object({ from: day.optional(), to: day.optional() });
export const LeaderboardQuery = PeriodQuery.extend({ subject: z.enum(SCORECARD_SUBJECTS).default('staff') });

const IntervalView = z.object({ low: z.number(), high: z.number() });
const ScoreView = z.object({ score: z.number(), interval: IntervalView });
const RateView = z.object({ per100: z.number(), interval: IntervalView }).nullable();

const ComponentsView = z.object(Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, ScoreView.nullable()])) as Record<(typeof SCORE_COMPONENTS)[number], z.ZodNullable<typeof ScoreView>>);
const WeightsView = z.object(Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, z.number()])) as Record<(typeof SCORE_COMPONENTS)[number], z.ZodNumber>);

export const ScorecardEntry = z.object({
  id: z.string(),
  name: z.string(),
  /** A staff member's title, or a department's code. */
  detail: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** Submitted survey responses in the period (the sample the minimum applies to). */
  responses: z.number(),
  /** The place (shared by everyone in a group whose intervals overlap), null when not ranked. */
  place: z.number().nullable(),
  /** The group of overlapping intervals (1 = the top); null when not ranked. */
  group: z.number().nullable(),
  /** In the top group, and that group is separated from at least one other: a word-of-mouth star. */
  star: z.boolean(),
  notRanked: z.object({ reason: z.enum(NOT_RANKED_REASONS), message: z.string() }).nullable(),
  /** The composite 0–100 and its 95 % interval, null when no weighted component has data. */
  score: ScoreView.nullable(),
  /** The weights used: those of the components with data, renormalised to sum 1. */
  weightsUsed: z.record(z.string(), z.number()),
  /** Components without data in the period, whose weight went to the others. */
  dropped: z.array(z.enum(SCORE_COMPONENTS)),
  components: ComponentsView,
  counts: z.object({
    praise: z.number(),
    complaints: z.number(),
    mentions: z.number(),
    visits: z.number(),
    praisePer100Visits: RateView,
    complaintsPer100Visits: RateView,
    nps: z.object({ n: z.number(), promoters: z.number(), passives: z.number(), detractors: z.number(), nps: z.number().nullable(), interval: IntervalView.nullable() }),
    communication: z.object({
      n: z.number(),
      means: z.object(Object.fromEntries(COMMUNICATION_DIMENSIONS.map((d) => [d, z.number().nullable()])) as Record<(typeof COMMUNICATION_DIMENSIONS)[number], z.ZodNullable<z.ZodNumber>>),
    }),
    cases: z.object({ total: z.number(), open: z.number(), resolved: z.number(), duplicates: z.number(), inTime: z.number(), overdue: z.number(), openNotDue: z.number() }),
    indicators: z.array(z.object({ indicator: z.enum(QUALITY_INDICATORS), events: z.number(), exposures: z.number(), ratePct: z.number(), interval: IntervalView })),
  }),
  /** A few praise quotes of the period, patient names masked. */
  quotes: z.array(z.object({ mentionId: z.string(), text: z.string(), at: z.date() })),
});
export type ScorecardEntryView = z.infer<typeof ScorecardEntry>;

const PeriodView = z.object({ from: z.string(), to: z.string(), timezone: z.string() });

export const LeaderboardView = z.object({
  period: PeriodView,
  subject: z.enum(SCORECARD_SUBJECTS),
  minSample: z.number(),
  weights: WeightsView,
  /** The organisation's rates the rate components are scored against (the reference scores 50). */
  reference: z.record(z.string(), z.number().nullable()),
  /** How many separated groups the ranked entries fall into (1: nobody is clearly apart). */
  groups: z.number(),
  /** Ranked entries by place then score, then the entries not ranked. */
  entries: z.array(ScorecardEntry),
});
export type LeaderboardViewType = z.infer<typeof LeaderboardView>;

export const ScorecardView = z.object({
  period: PeriodView,
  subject: z.enum(SCORECARD_SUBJECTS),
  minSample: z.number(),
  weights: WeightsView,
  entry: ScorecardEntry,
  /** The composite per calendar month, the last six up to the period's end. */
  trend: z.array(z.object({ month: z.string(), from: z.string(), to: z.string(), responses: z.number(), score: ScoreView.nullable(), place: z.number().nullable() })),
});
export type ScorecardViewType = z.infer<typeof ScorecardView>;

export const SettingsView = z.object({ weights: WeightsView, minSample: z.number(), defaults: z.boolean() });
export const SettingsBody = z.object({ weights: WeightsView, minSample: z.number().int().min(1).max(10000) });

export const IndicatorImportView = z.object({
  accepted: z.number(),
  rejected: z.array(z.object({ row: z.number(), column: z.string().nullable(), reason: z.string(), code: z.string() })),
});

export const IndicatorListView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
      departmentId: z.string().nullable(),
      departmentName: z.string().nullable(),
      staffId: z.string().nullable(),
      staffName: z.string().nullable(),
      indicator: z.enum(QUALITY_INDICATORS),
      events: z.number(),
      exposures: z.number(),
    }),
  ),
});

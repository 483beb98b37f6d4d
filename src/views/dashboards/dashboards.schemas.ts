import { z } from 'zod';
import { CASE_STATUSES, TIERS } from '../../cases/cases.vocab.ts';

/*
 * The dashboards' API contract (issue 10): the overview, the heat map, the pain points and the
 * competitor benchmark. Every figure that is a share carries its interval (Wilson, 95 %); a tile
 * whose capability has no data in scope is null ("no data yet"), never a zero.
 */

/** A calendar day (2026-13-01 and 2026-02-30 are refused, not cast by the database). */
const Day = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
const Id = (name: string) => z.uuid({ message: `${name} must be a UUID` });

/** The filters every dashboard takes, all in the URL: a period of whole days in the organisation's time zone (default: the last 90 days), a location, a department, a source. */
export const DashboardQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  location: Id('location').optional(),
  department: Id('department').optional(),
  source: Id('source').optional(),
  /** The chart bucket; default: day up to 31 days, week up to 184, month beyond. */
  bucket: z.enum(['day', 'week', 'month']).optional(),
});
export type DashboardFilters = z.infer<typeof DashboardQuery>;

export const HeatmapQuery = DashboardQuery.extend({
  /** Rows: departments (default) or locations. */
  by: z.enum(['department', 'location']).default('department'),
  /** Cells with fewer mentions than this are greyed (sparse) and carry no colour. */
  minMentions: z.coerce.number().int().min(1).max(1000).default(5),
});
export type HeatmapFilters = z.infer<typeof HeatmapQuery>;

const Interval = z.object({ low: z.number(), high: z.number() });
const PeriodView = z.object({ from: z.string(), to: z.string(), timezone: z.string(), bucket: z.enum(['day', 'week', 'month']) });

const MentionTrendPoint = z.object({
  /** The first day of the bucket (YYYY-MM-DD). */
  start: z.string(),
  total: z.number(),
  positive: z.number(),
  neutral: z.number(),
  negative: z.number(),
  /** The average star rating (1–5) of the mentions with one; null without. */
  ratingAvg: z.number().nullable(),
  ratingCount: z.number(),
});

export const OverviewView = z.object({
  period: PeriodView,
  mentions: z
    .object({
      total: z.number(),
      negative: z.number(),
      negativeShare: z.number(),
      negativeInterval: Interval,
      ratingAvg: z.number().nullable(),
      ratingCount: z.number(),
      /** Mentions with a risk flag. */
      risky: z.number(),
      bySource: z.array(z.object({ sourceId: z.string(), name: z.string(), platform: z.string(), total: z.number(), negative: z.number() })),
      trend: z.array(MentionTrendPoint),
    })
    .nullable(),
  nps: z
    .object({
      n: z.number(),
      nps: z.number().nullable(),
      interval: Interval.nullable(),
      trend: z.array(z.object({ start: z.string(), n: z.number(), nps: z.number().nullable(), interval: Interval.nullable() })),
    })
    .nullable(),
  sla: z
    .object({
      /** Cases whose first response was due in the period (answered or not). */
      due: z.number(),
      /** …answered before the first-response deadline. */
      met: z.number(),
      share: z.number(),
      interval: Interval,
      /** Open cases past their current deadline now. */
      overdueNow: z.number(),
    })
    .nullable(),
  cases: z
    .object({
      open: z.number(),
      byTier: z.array(z.object({ tier: z.enum(TIERS), open: z.number(), opened: z.number() })),
      byStatus: z.array(z.object({ status: z.enum(CASE_STATUSES), count: z.number() })),
    })
    .nullable(),
  alerts: z.object({ raised: z.number(), open: z.number(), urgent: z.number() }).nullable(),
  followups: z
    .object({
      /** Check-ins due in the period. */
      due: z.number(),
      done: z.number(),
      missed: z.number(),
      adherence: z.number(),
      interval: Interval,
      openTasks: z.number(),
      overdueTasks: z.number(),
    })
    .nullable(),
  /** Issue 11 (referrals) fills this; null until a referral programme has data. */
  referrals: z.object({ shared: z.number(), clicked: z.number(), came: z.number(), referredNext: z.number() }).nullable(),
});
export type Overview = z.infer<typeof OverviewView>;

export const HeatmapView = z.object({
  period: PeriodView,
  by: z.enum(['department', 'location']),
  minMentions: z.number(),
  /** The rows in display order; id null: mentions with no department (or location). */
  rows: z.array(z.object({ id: z.string().nullable(), name: z.string().nullable(), total: z.number() })),
  /** The aspect keys (the analysis taxonomy) in display order: most negative mentions first. */
  aspects: z.array(z.string()),
  cells: z.array(
    z.object({
      rowId: z.string().nullable(),
      aspect: z.string(),
      total: z.number(),
      positive: z.number(),
      negative: z.number(),
      /** negative / total; null when sparse. */
      negativeShare: z.number().nullable(),
      /** (positive − negative) / total in [−1, 1]; null when sparse. */
      net: z.number().nullable(),
      interval: Interval.nullable(),
      /** Fewer than minMentions: greyed, no colour. */
      sparse: z.boolean(),
    }),
  ),
});
export type Heatmap = z.infer<typeof HeatmapView>;

const Quote = z.object({
  mentionId: z.string(),
  /** The shortest clear span about the aspect, with names of patients and staff masked. */
  text: z.string(),
  sourceName: z.string(),
  publishedAt: z.date().nullable(),
  departmentName: z.string().nullable(),
});

export const PainPointsView = z.object({
  period: PeriodView,
  /** The same length of time just before the period: what "rose" is measured against. */
  previous: z.object({ from: z.string(), to: z.string() }),
  aspects: z.array(
    z.object({
      aspect: z.string(),
      negative: z.number(),
      total: z.number(),
      negativeShare: z.number(),
      interval: Interval,
      previousNegative: z.number(),
      previousTotal: z.number(),
      quotes: z.array(Quote),
      /** Negative mentions of this aspect per bucket, over the period and the previous one. */
      trend: z.array(z.object({ start: z.string(), total: z.number(), negative: z.number() })),
      /** Corrective actions of cases on this aspect, drawn on the trend at their due or done day. */
      actions: z.array(
        z.object({
          caseId: z.string(),
          caseNumber: z.number(),
          description: z.string(),
          status: z.string(),
          dueAt: z.date(),
          doneAt: z.date().nullable(),
        }),
      ),
    }),
  ),
  /** Terms in negative mentions that rose significantly against the previous period. */
  emerging: z.array(
    z.object({
      term: z.string(),
      current: z.number(),
      previous: z.number(),
      /** The rate ratio current/previous (per negative mention), smoothed. */
      ratio: z.number(),
      /** The adjusted p-value of the rise (Benjamini–Hochberg over the terms tested). */
      q: z.number(),
      departmentId: z.string().nullable(),
      departmentName: z.string().nullable(),
    }),
  ),
  /** Per department: its top negative aspects. */
  departments: z.array(
    z.object({ id: z.string().nullable(), name: z.string().nullable(), negative: z.number(), total: z.number(), topAspects: z.array(z.object({ aspect: z.string(), negative: z.number() })) }),
  ),
});
export type PainPoints = z.infer<typeof PainPointsView>;

export const BenchmarkView = z.object({
  period: PeriodView,
  /** Our own mentions first, then each named competitor (sources with `competitor` set). */
  entities: z.array(
    z.object({
      /** null: our own organisation. */
      competitor: z.string().nullable(),
      mentions: z.number(),
      ratingAvg: z.number().nullable(),
      ratingCount: z.number(),
      positiveShare: z.number().nullable(),
      negativeShare: z.number().nullable(),
      negativeInterval: Interval.nullable(),
      aspects: z.array(z.object({ aspect: z.string(), total: z.number(), negative: z.number(), negativeShare: z.number().nullable() })),
      trend: z.array(z.object({ start: z.string(), total: z.number(), ratingAvg: z.number().nullable() })),
    }),
  ),
});
export type Benchmark = z.infer<typeof BenchmarkView>;

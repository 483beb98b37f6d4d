/**
 * The balanced score's arithmetic, pure (no database). Every component is a 0–100 figure with a
 * 95 % interval; the composite is their weighted mean with an interval; places are groups of
 * entries whose composite intervals overlap, so nobody is placed above someone they are not
 * clearly better than.
 */
import { wilson } from '../survey-reports/index.ts';
import type { ScoreComponent } from './scorecards.vocab.ts';

export interface Interval {
  low: number;
  high: number;
}

export interface ComponentScore {
  /** 0–100, higher is better. */
  score: number;
  interval: Interval;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo = 0, hi = 100) => Math.min(hi, Math.max(lo, x));

/** A share k/n as a score 0–100 with its Wilson interval; null when n is 0. */
export function shareScore(k: number, n: number): ComponentScore | null {
  if (n <= 0) return null;
  return { score: round1((100 * k) / n), interval: wilson(k, n) };
}

/**
 * A rate of events per exposure, scored against a reference rate (the organisation's in the
 * period): the reference scores 50, no events 100, twice the reference or more 0. `lowerIsBetter`
 * for complaints and the quality and safety indicators, not for praise. The interval is the
 * Wilson interval of events/exposures mapped the same way (the mapping is monotone, so its ends
 * map to the score's ends). Null without exposures or when the reference is 0 (nobody had an
 * event: the rate tells nobody apart).
 */
export function rateScore(events: number, exposures: number, reference: number, lowerIsBetter: boolean, kind: 'share' | 'count' = 'share'): ComponentScore | null {
  if (exposures <= 0 || !(reference > 0)) return null;
  const map = (ratePct: number) => {
    const relative = clamp((50 * ratePct) / 100 / reference, 0, 100);
    return lowerIsBetter ? 100 - relative : relative;
  };
  const w = kind === 'share' ? wilson(events, exposures) : poissonInterval(events, exposures);
  const a = map(w.low);
  const b = map(w.high);
  return { score: round1(map((100 * events) / exposures)), interval: { low: round1(Math.min(a, b)), high: round1(Math.max(a, b)) } };
}

/**
 * The 95 % score interval of a count rate k per n exposures (mentions per visit, which may exceed
 * one), in percent (per 100): (k + z²/2 ± z·√(k + z²/4)) / n. Like Wilson's for shares it is
 * honest at small counts and never below 0.
 */
export function poissonInterval(k: number, n: number): Interval {
  if (n <= 0) return { low: 0, high: 0 };
  const z = 1.959964;
  const half = z * Math.sqrt(k + (z * z) / 4);
  return { low: round1((100 * Math.max(0, k + (z * z) / 2 - half)) / n), high: round1((100 * (k + (z * z) / 2 + half)) / n) };
}

/** An NPS (−100…100) and its interval as a score 0–100: (NPS + 100) / 2. */
export function npsScore(nps: number, interval: Interval): ComponentScore {
  return { score: round1((nps + 100) / 2), interval: { low: round1((interval.low + 100) / 2), high: round1((interval.high + 100) / 2) } };
}

/**
 * The four communication dimensions (answers 1–4) as a score 0–100: the mean of the dimensions'
 * means mapped by (mean − 1) / 3. The interval is a Wilson interval on that share with n the
 * responses: for a value bounded in 0…1 with mean m the variance is at most m(1 − m), so this
 * interval is conservative (at least as wide as the exact one). Null without a dimension mean.
 */
export function communicationScore(means: (number | null)[], responses: number): ComponentScore | null {
  const present = means.filter((m): m is number => m !== null);
  if (present.length === 0 || responses <= 0) return null;
  const share = clamp(present.reduce((a, m) => a + (m - 1) / 3, 0) / present.length, 0, 1);
  return { score: round1(100 * share), interval: wilson(share * responses, responses) };
}

/** Several component scores of one kind (the indicators of quality) as one: the mean of scores and of bounds. */
export function meanScore(scores: ComponentScore[]): ComponentScore | null {
  if (scores.length === 0) return null;
  const mean = (f: (s: ComponentScore) => number) => round1(scores.reduce((a, s) => a + f(s), 0) / scores.length);
  return { score: mean((s) => s.score), interval: { low: mean((s) => s.interval.low), high: mean((s) => s.interval.high) } };
}

export interface Composite {
  score: number;
  interval: Interval;
  /** The weights actually used: those of the components with data, renormalised to sum 1. */
  weights: Partial<Record<ScoreComponent, number>>;
  /** Components without data in the period; their weight went to the others. */
  dropped: ScoreComponent[];
}

/**
 * The weighted mean of the components that have data (the weights renormalised over them). The
 * interval treats the components as independent: each side's distance from the score is the root
 * of the sum of squares of the weighted distances of the components' own bounds. Null when no
 * component with a positive weight has data.
 */
export function composite(components: Partial<Record<ScoreComponent, ComponentScore | null>>, weights: Record<ScoreComponent, number>): Composite | null {
  const entries = (Object.keys(weights) as ScoreComponent[]).filter((c) => weights[c] > 0);
  const present = entries.filter((c) => components[c]);
  const dropped = entries.filter((c) => !components[c]);
  const total = present.reduce((a, c) => a + weights[c], 0);
  if (total <= 0) return null;
  let score = 0;
  let down = 0;
  let up = 0;
  const used: Partial<Record<ScoreComponent, number>> = {};
  for (const c of present) {
    const w = weights[c] / total;
    const s = components[c]!;
    used[c] = Math.round(w * 1000) / 1000;
    score += w * s.score;
    down += (w * (s.score - s.interval.low)) ** 2;
    up += (w * (s.interval.high - s.score)) ** 2;
  }
  return { score: round1(score), interval: { low: round1(clamp(score - Math.sqrt(down))), high: round1(clamp(score + Math.sqrt(up))) }, weights: used, dropped };
}

/**
 * Places by separation: entries sorted by score fall into groups whose intervals overlap in a
 * chain; two entries in different groups have intervals that do not overlap, so the upper is
 * clearly better. Everyone in a group shares a place, numbered like a competition (1, 1, 3…).
 * Returns the place of each id.
 */
export function placesBySeparation(entries: { id: string; score: number; interval: Interval }[]): Map<string, { place: number; group: number }> {
  const sorted = [...entries].sort((a, b) => b.interval.high - a.interval.high || b.score - a.score || a.id.localeCompare(b.id));
  const out = new Map<string, { place: number; group: number }>();
  let group = 0;
  let place = 1;
  let floor = Infinity;
  let members = 0;
  for (const e of sorted) {
    if (e.interval.high < floor && members > 0) {
      group++;
      place += members;
      members = 0;
    }
    out.set(e.id, { place, group: group + 1 });
    floor = members === 0 ? e.interval.low : Math.min(floor, e.interval.low);
    members++;
  }
  return out;
}

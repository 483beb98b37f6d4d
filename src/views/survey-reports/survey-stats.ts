/**
 * The statistics of the survey reports, pure (no database): NPS with its confidence interval and
 * Wilson intervals for proportions. Every figure is reported with its sample size; under
 * MIN_ANSWERS answers a figure is not reported at all ("not enough answers"), because an NPS of
 * three answers says nothing and a ranking of doctors on it would be unfair.
 */

/** Fewer answers than this and a report shows "not enough answers" instead of a figure. */
export const MIN_ANSWERS = 10;

/** The two-sided 95 % normal quantile. */
const Z = 1.959964;

export interface Interval {
  low: number;
  high: number;
}

export interface NpsFigure {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** %promoters − %detractors (−100…100), null under MIN_ANSWERS. */
  nps: number | null;
  /** 95 % interval in NPS points, null under MIN_ANSWERS. */
  interval: Interval | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * NPS and its 95 % confidence interval. Each answer scores +1 (promoter, 9–10), 0 (passive, 7–8)
 * or −1 (detractor, 0–6); NPS is 100 × their mean. With p₊ and p₋ the shares of promoters and
 * detractors, the variance of one answer's score is (p₊ + p₋) − (p₊ − p₋)², so the standard error
 * of NPS is 100 × √(((p₊ + p₋) − (p₊ − p₋)²) / n) and the interval is NPS ± 1.96 × SE, clamped
 * to −100…100. Example: 10 promoters, 5 passives, 5 detractors: NPS 25, variance 0.75 − 0.0625 =
 * 0.6875, SE = 100 × √(0.6875 / 20) = 18.54, interval 25 ± 36.3 = −11.3…61.3.
 */
export function npsFigure(promoters: number, passives: number, detractors: number): NpsFigure {
  const n = promoters + passives + detractors;
  const base = { n, promoters, passives, detractors };
  if (n < MIN_ANSWERS) return { ...base, nps: null, interval: null };
  const pp = promoters / n;
  const pd = detractors / n;
  const nps = pp - pd;
  const variance = pp + pd - nps * nps;
  const half = Z * Math.sqrt(variance / n);
  return { ...base, nps: round1(100 * nps), interval: { low: round1(100 * clamp(nps - half, -1, 1)), high: round1(100 * clamp(nps + half, -1, 1)) } };
}

/**
 * The Wilson score interval of a proportion k/n at 95 %, in percent: centre (p̂ + z²/2n)/(1 + z²/n),
 * half-width z·√(p̂(1 − p̂)/n + z²/4n²)/(1 + z²/n). Unlike p̂ ± z·SE it stays inside 0…100 and is
 * honest for shares near 0 or 100 %.
 */
export function wilson(k: number, n: number): Interval {
  if (n === 0) return { low: 0, high: 100 };
  const p = k / n;
  const z2 = Z * Z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: round1(100 * Math.max(0, centre - half)), high: round1(100 * Math.min(1, centre + half)) };
}

export interface ShareFigure {
  n: number;
  /** How many answers count as positive (CSAT 4–5, FFT good or very good). */
  positive: number;
  /** Percent positive, null under MIN_ANSWERS. */
  share: number | null;
  interval: Interval | null;
}

export function shareFigure(positive: number, n: number): ShareFigure {
  if (n < MIN_ANSWERS) return { n, positive, share: null, interval: null };
  return { n, positive, share: round1((100 * positive) / n), interval: wilson(positive, n) };
}

/** A mean of n answers, two decimals, null under MIN_ANSWERS. */
export function meanFigure(sum: number, n: number): number | null {
  return n < MIN_ANSWERS ? null : Math.round((sum / n) * 100) / 100;
}

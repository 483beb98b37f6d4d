/*
 * The statistics of emerging terms: did a term's rate among negative mentions rise against the
 * previous period? Conditional on the term's total count k = x1 + x0, its current count x1 is
 * Binomial(k, p) under "no change", with p = n1 / (n1 + n0) the current period's share of the
 * negative mentions; the one-sided exact p-value is P(X ≥ x1). Benjamini–Hochberg adjusts over
 * the terms tested, and only a rise with q < ALPHA and at least MIN_CURRENT current mentions is
 * reported, so three mentions never shout.
 */

/** The false discovery rate of the emerging terms. */
export const ALPHA = 0.05;
/** The fewest current mentions a reported term has; also the fewest in both periods for a term to be tested at all. */
export const MIN_CURRENT = 5;

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/** P(X ≥ x) for X ~ Binomial(n, p), summed exactly in log space from the first term. */
export function binomialUpperTail(x: number, n: number, p: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logRatio = Math.log(p) - Math.log1p(-p);
  let logTerm = logChoose(n, x) + x * Math.log(p) + (n - x) * Math.log1p(-p);
  const first = logTerm;
  let sum = 0;
  for (let i = x; i <= n; i++) {
    sum += Math.exp(logTerm - first);
    logTerm += Math.log(n - i) - Math.log(i + 1) + logRatio;
    if (i > n * p && Math.exp(logTerm - first) < 1e-17 * sum) break;
  }
  return Math.min(1, Math.exp(first) * sum);
}

/** Benjamini–Hochberg adjusted p-values (q-values), in the order given. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1]!;
    running = Math.min(running, (p * m) / rank);
    q[i] = running;
  }
  return q;
}

/** The rate ratio per negative mention, current over previous, with half a mention added to each count (and one to each total) so that a term new in the period has a finite ratio. */
export function smoothedRatio(x1: number, n1: number, x0: number, n0: number): number {
  return (x1 + 0.5) / (n1 + 1) / ((x0 + 0.5) / (n0 + 1));
}

export interface TermCounts {
  term: string;
  /** Negative mentions with the term in the period, and in the previous one. */
  current: number;
  previous: number;
}

export interface EmergingTerm extends TermCounts {
  p: number;
  q: number;
  ratio: number;
}

/**
 * The terms whose rise is significant: every term seen at least MIN_CURRENT times in both periods
 * together is tested (its total is independent of the test under "no change", so the filter keeps
 * BH honest), and those with q < alpha and current ≥ minCurrent are returned, most significant first.
 * n1, n0: the negative mentions of the period and of the previous one. No previous mention: nothing to rise against.
 */
export function emergingTerms(terms: readonly TermCounts[], n1: number, n0: number, options: { alpha?: number; minCurrent?: number } = {}): EmergingTerm[] {
  const alpha = options.alpha ?? ALPHA;
  const minCurrent = options.minCurrent ?? MIN_CURRENT;
  if (n1 === 0 || n0 === 0) return [];
  const p = n1 / (n1 + n0);
  const tested = terms.filter((t) => t.current + t.previous >= minCurrent);
  const pValues = tested.map((t) => binomialUpperTail(t.current, t.current + t.previous, p));
  const qValues = benjaminiHochberg(pValues);
  return tested
    .map((t, i) => ({ ...t, p: pValues[i]!, q: qValues[i]!, ratio: smoothedRatio(t.current, n1, t.previous, n0) }))
    .filter((t) => t.q < alpha && t.current >= minCurrent && t.ratio > 1)
    .sort((a, b) => a.q - b.q || b.ratio - a.ratio || a.term.localeCompare(b.term));
}

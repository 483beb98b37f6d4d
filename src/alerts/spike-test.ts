/** P(X ≥ k) for X ~ Poisson(lambda), summed in log space so large counts do not overflow. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  // P(X ≥ k) = 1 − Σ_{i<k} e^−λ λ^i / i!; for k far above λ the complement loses precision, so sum the upper terms instead.
  let logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
  let tail = 0;
  for (let i = k; i < k + 10_000; i++) {
    const term = Math.exp(logTerm);
    tail += term;
    if (i > lambda && term < tail * 1e-12) break;
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  return Math.min(1, tail);
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i++) sum += Math.log(i);
  return sum;
}

export interface SpikeInput {
  /** Negatives in the current window. */
  count: number;
  /** Negatives in the same window of the same weekday and hour, one per earlier week. */
  baseline: number[];
  /** How many times the baseline the count must reach. */
  threshold: number;
  /** Below this count nothing fires, however quiet the baseline. */
  minCount: number;
  /** Significance of the Poisson test. */
  alpha?: number;
}

export interface SpikeResult {
  isSpike: boolean;
  expected: number;
  pValue: number;
}

/**
 * Whether the window's count is a spike against its seasonal baseline: at least minCount, at least
 * threshold × the expected count, and unlikely under a Poisson with the baseline's mean (p < alpha).
 * The expected count gets half a mention of prior so a silent baseline does not make every count a spike.
 * Needs at least one baseline week; never throws.
 */
export function testSpike(input: SpikeInput): SpikeResult {
  const weeks = input.baseline.length;
  if (weeks === 0) return { isSpike: false, expected: 0, pValue: 1 };
  const expected = (input.baseline.reduce((a, b) => a + b, 0) + 0.5) / weeks;
  const pValue = poissonUpperTail(input.count, expected);
  const isSpike = input.count >= input.minCount && input.count >= input.threshold * expected && pValue < (input.alpha ?? 0.01);
  return { isSpike, expected, pValue };
}

import { expect, test } from 'vitest';
import { poissonUpperTail, testSpike } from './spike-test.ts';

test('computes the Poisson upper tail', () => {
  // P(X ≥ 1 | λ = 1) = 1 − e^−1
  expect(poissonUpperTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 10);
  // P(X ≥ 3 | λ = 2) = 1 − e^−2 (1 + 2 + 2)
  expect(poissonUpperTail(3, 2)).toBeCloseTo(1 - Math.exp(-2) * 5, 10);
  expect(poissonUpperTail(0, 5)).toBe(1);
  expect(poissonUpperTail(200, 3)).toBeLessThan(1e-100);
});

test('does not call a tiny count a spike over a silent baseline', () => {
  expect(testSpike({ count: 3, baseline: [0, 0, 0, 0, 0, 0], threshold: 2, minCount: 5 }).isSpike).toBe(false);
});

test('does not call an ordinary count a spike', () => {
  expect(testSpike({ count: 12, baseline: [10, 9, 12, 11, 8, 10], threshold: 2, minCount: 5 }).isSpike).toBe(false);
});

test('calls a count far above its seasonal baseline a spike', () => {
  const result = testSpike({ count: 15, baseline: [1, 2, 1, 0, 1, 2], threshold: 2, minCount: 5 });
  expect(result.isSpike).toBe(true);
  expect(result.pValue).toBeLessThan(0.001);
});

test('needs a baseline week before it calls anything a spike', () => {
  expect(testSpike({ count: 50, baseline: [], threshold: 2, minCount: 5 }).isSpike).toBe(false);
});

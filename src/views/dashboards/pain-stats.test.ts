import { describe, expect, test } from 'vitest';
import { benjaminiHochberg, binomialUpperTail, emergingTerms, logGamma, smoothedRatio } from './pain-stats.ts';

describe('the exact binomial tail', () => {
  test('matches known values', () => {
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
    // R: pbinom(9, 20, 0.3, lower.tail = FALSE), pbinom(59, 100, 0.5, lower.tail = FALSE), pbinom(4, 1000, 0.001, lower.tail = FALSE) (checked by exact sums in Python)
    expect(binomialUpperTail(10, 20, 0.3)).toBeCloseTo(0.04796189, 7);
    expect(binomialUpperTail(60, 100, 0.5)).toBeCloseTo(0.02844397, 7);
    expect(binomialUpperTail(5, 1000, 0.001)).toBeCloseTo(0.0036368780295, 10);
    expect(binomialUpperTail(0, 10, 0.2)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.2)).toBe(0);
    expect(binomialUpperTail(3, 3, 0.5)).toBeCloseTo(0.125, 12);
  });

  test('ln Γ agrees with factorials', () => {
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });
});

test('Benjamini–Hochberg matches R’s p.adjust', () => {
  // p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH")
  const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
  expect(q.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0.02, 0.04, 0.04, 0.02]);
  expect(benjaminiHochberg([])).toEqual([]);
  expect(benjaminiHochberg([0.9, 0.8])).toEqual([0.9, 0.9]);
});

test('the smoothed ratio is finite for a new term and 1 for an unchanged one', () => {
  expect(smoothedRatio(10, 99, 0, 99)).toBeCloseTo(21, 10);
  expect(smoothedRatio(5, 199, 5, 199)).toBe(1);
});

describe('emerging terms', () => {
  test('three mentions never shout, even when new against a large previous period', () => {
    expect(emergingTerms([{ term: 'парковка', current: 3, previous: 0 }], 10, 1000)).toEqual([]);
    expect(emergingTerms([{ term: 'parking', current: 4, previous: 0 }], 100, 100)).toEqual([]);
  });

  test('a clear rise is found and a steady term is not; BH counts every term tested', () => {
    const terms = [
      { term: '急诊', current: 30, previous: 2 },
      { term: '挂号', current: 20, previous: 21 },
      { term: '态度', current: 9, previous: 6 },
      ...Array.from({ length: 40 }, (_, i) => ({ term: `noise${i}`, current: 3 + (i % 3), previous: 3 + ((i + 1) % 3) })),
    ];
    const found = emergingTerms(terms, 400, 400);
    expect(found.map((t) => t.term)).toEqual(['急诊']);
    expect(found[0]!.q).toBeLessThan(1e-5);
    expect(found[0]!.ratio).toBeCloseTo(30.5 / 2.5, 6);
  });

  test('a rise in counts that only follows a rise in negative mentions is not a rise', () => {
    expect(emergingTerms([{ term: 'wait', current: 40, previous: 10 }], 800, 200)).toEqual([]);
  });

  test('nothing rises against an empty previous period', () => {
    expect(emergingTerms([{ term: 'wait', current: 40, previous: 0 }], 100, 0)).toEqual([]);
  });
});

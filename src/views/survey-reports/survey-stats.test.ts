import { expect, test } from 'vitest';
import { MIN_ANSWERS, meanFigure, npsFigure, shareFigure, wilson } from './survey-stats.ts';

test('NPS of 10 promoters, 5 passives, 5 detractors is 25 with the interval −11.3…61.3', () => {
  // p+ = .5, p− = .25; variance = .75 − .25² = .6875; SE = √(.6875/20) = .18540; 1.96 × SE = .36338.
  expect(npsFigure(10, 5, 5)).toEqual({ n: 20, promoters: 10, passives: 5, detractors: 5, nps: 25, interval: { low: -11.3, high: 61.3 } });
});

test('NPS clamps its interval to −100…100 and is exact when every answer agrees', () => {
  expect(npsFigure(12, 0, 0)).toMatchObject({ nps: 100, interval: { low: 100, high: 100 } });
  expect(npsFigure(1, 1, 9)).toMatchObject({ nps: -72.7 });
  expect(npsFigure(1, 1, 9).interval!.low).toBeGreaterThanOrEqual(-100);
});

test('under the minimum number of answers nothing but the counts is reported', () => {
  expect(npsFigure(5, 2, 2)).toEqual({ n: 9, promoters: 5, passives: 2, detractors: 2, nps: null, interval: null });
  expect(shareFigure(3, MIN_ANSWERS - 1)).toEqual({ n: MIN_ANSWERS - 1, positive: 3, share: null, interval: null });
  expect(meanFigure(30, MIN_ANSWERS - 1)).toBeNull();
});

test('Wilson interval of 15 out of 20 is 53.1…88.8 %', () => {
  // p = .75, z² = 3.8415; denominator 1.19207; centre (.75 + .09604)/1.19207 = .70973;
  // half = 1.96 × √(.009375 + .0024009)/1.19207 = .17843 → .5313….8882.
  expect(wilson(15, 20)).toEqual({ low: 53.1, high: 88.8 });
  expect(wilson(0, 10).low).toBe(0);
  expect(wilson(10, 10).high).toBe(100);
  expect(shareFigure(15, 20)).toEqual({ n: 20, positive: 15, share: 75, interval: { low: 53.1, high: 88.8 } });
});

import { expect, test } from 'vitest';
import { communicationScore, composite, placesBySeparation, poissonInterval, rateScore } from './score-math.ts';

test('places are groups of overlapping intervals; ties share a place numbered like a competition', () => {
  const places = placesBySeparation([
    { id: 'a', score: 85, interval: { low: 80, high: 90 } },
    { id: 'b', score: 78, interval: { low: 70, high: 85 } },
    // Overlaps b only: still in the top group (a chain), so b is never placed above it.
    { id: 'c', score: 68, interval: { low: 60, high: 75 } },
    { id: 'd', score: 40, interval: { low: 30, high: 50 } },
    { id: 'e', score: 20, interval: { low: 10, high: 29 } },
  ]);
  expect(Object.fromEntries([...places].map(([id, p]) => [id, p.place]))).toEqual({ a: 1, b: 1, c: 1, d: 4, e: 5 });
  expect(places.get('d')!.group).toBe(2);
});

test('the composite renormalises over the components with data and widens with each interval', () => {
  const weights = { quality: 0.3, safety: 0.25, communication: 0.15, nps: 0.1, praise: 0.05, complaints: 0.1, cases: 0.05 };
  const c = composite({ nps: { score: 60, interval: { low: 50, high: 70 } }, communication: { score: 80, interval: { low: 76, high: 84 } } }, weights)!;
  // nps 0.1 and communication 0.15 → 0.4 and 0.6: 0.4 × 60 + 0.6 × 80 = 72; ±√((0.4·10)² + (0.6·4)²) = ±4.66.
  expect(c.score).toBe(72);
  expect(c.interval).toEqual({ low: 67.3, high: 76.7 });
  expect(c.weights).toEqual({ nps: 0.4, communication: 0.6 });
  expect(c.dropped).toEqual(['quality', 'safety', 'praise', 'complaints', 'cases']);
  expect(composite({}, weights)).toBeNull();
});

test('rates score against the reference: the reference is 50, none 100 (lower is better)', () => {
  expect(rateScore(5, 100, 0.05, true)!.score).toBe(50);
  expect(rateScore(0, 100, 0.05, true)!.score).toBe(100);
  expect(rateScore(20, 100, 0.05, true)!.score).toBe(0);
  expect(rateScore(5, 100, 0.05, false)!.score).toBe(50);
  expect(rateScore(5, 100, 0, true)).toBeNull();
  // More praise than visits is a count rate, not a share: the Poisson interval still holds.
  expect(poissonInterval(150, 100).low).toBeGreaterThan(100);
});

test('communication 1–4 maps to 0–100 with a conservative interval', () => {
  expect(communicationScore([4, 4, 4, 4], 40)!.score).toBe(100);
  const mid = communicationScore([2.5, 2.5, null, 2.5], 30)!;
  expect(mid.score).toBe(50);
  expect(mid.interval.low).toBeLessThan(50);
  expect(communicationScore([null], 30)).toBeNull();
});

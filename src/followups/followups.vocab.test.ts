import { expect, test } from 'vitest';
import { isOutOfRange, normalRange, scheduleDates } from './followups.vocab.ts';

const anchor = new Date('2026-01-10T08:00:00Z');
const days = (dates: Date[]) => dates.map((d) => (d.getTime() - anchor.getTime()) / 86_400_000);

test('an interval schedule repeats every N days from the anchor, count times', () => {
  expect(days(scheduleDates({ kind: 'interval', everyDays: 90, count: 4 }, anchor))).toEqual([90, 180, 270, 360]);
});

test('fixed days after discharge are sorted and unique', () => {
  expect(days(scheduleDates({ kind: 'days_after', days: [30, 1, 7, 7] }, anchor))).toEqual([1, 7, 30]);
});

test('a plan bound overrides the default normal range; values outside it are out of range', () => {
  expect(normalRange(undefined, 'glucose_fasting')).toEqual({ low: 3.9, high: 7.0 });
  expect(normalRange({ metric: 'glucose_fasting', high: 8 }, 'glucose_fasting')).toEqual({ low: 3.9, high: 8 });
  expect(normalRange(undefined, 'weight')).toEqual({ low: null, high: null });
  expect(isOutOfRange(7.0, { low: 3.9, high: 7.0 })).toBe(false);
  expect(isOutOfRange(7.1, { low: 3.9, high: 7.0 })).toBe(true);
  expect(isOutOfRange(3.8, { low: 3.9, high: 7.0 })).toBe(true);
  expect(isOutOfRange(500, { low: null, high: null })).toBe(false);
});

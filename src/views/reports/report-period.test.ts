import { expect, test } from 'vitest';
import { duePeriod, lastEndedPeriod, periodContaining, previousPeriod, wallClock } from './report-period.ts';

test('a week runs Monday to Sunday and a month is its calendar month', () => {
  expect(periodContaining('weekly', '2026-12-02')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
  expect(periodContaining('weekly', '2026-11-30')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
  expect(periodContaining('weekly', '2026-12-06')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
  expect(periodContaining('monthly', '2028-02-15')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
  expect(previousPeriod('monthly', { start: '2027-01-01', end: '2027-01-31' })).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  expect(lastEndedPeriod('weekly', '2026-11-30')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
  expect(lastEndedPeriod('monthly', '2027-01-01')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
});

test('the wall clock is the time zone’s', () => {
  expect(wallClock(new Date('2026-11-29T23:30:00Z'), 'Asia/Shanghai')).toEqual({ day: '2026-11-30', minute: '2026-11-30T07:30' });
  expect(wallClock(new Date('2026-11-30T00:00:00Z'), 'Asia/Shanghai').minute).toBe('2026-11-30T08:00');
});

test('a weekly report is due from the send hour on Monday in the organisation’s time zone, not before, and not for a schedule made later', () => {
  const schedule = { cadence: 'weekly' as const, sendHour: 8, createdAt: new Date('2026-11-01T00:00:00Z') };
  // 07:59 Monday in Shanghai is 23:59 Sunday UTC: the week just ended is not due yet (the one before it still is, until it has its report).
  expect(duePeriod(schedule, new Date('2026-11-29T23:59:00Z'), 'Asia/Shanghai')).toEqual({ start: '2026-11-16', end: '2026-11-22' });
  expect(duePeriod(schedule, new Date('2026-11-30T00:00:00Z'), 'Asia/Shanghai')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
  // Still owed on Wednesday (the server was down on Monday).
  expect(duePeriod(schedule, new Date('2026-12-02T10:00:00Z'), 'Asia/Shanghai')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
  // The same instant is Sunday evening in Moscow: nothing due for that week yet, the week before is.
  expect(duePeriod(schedule, new Date('2026-11-30T00:00:00Z'), 'Europe/Moscow')).toEqual({ start: '2026-11-16', end: '2026-11-22' });
  expect(duePeriod({ ...schedule, createdAt: new Date('2026-12-01T00:00:00Z') }, new Date('2026-12-02T10:00:00Z'), 'Asia/Shanghai')).toBeNull();
});

test('a monthly report is due on the 1st', () => {
  const schedule = { cadence: 'monthly' as const, sendHour: 6, createdAt: new Date('2026-01-01T00:00:00Z') };
  expect(duePeriod(schedule, new Date('2026-12-01T05:59:00Z'), 'UTC')).toEqual({ start: '2026-10-01', end: '2026-10-31' });
  expect(duePeriod(schedule, new Date('2026-12-01T06:00:00Z'), 'UTC')).toEqual({ start: '2026-11-01', end: '2026-11-30' });
});

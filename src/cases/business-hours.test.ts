import { describe, expect, test } from 'vitest';
import { addWorkingHours, DEFAULT_WEEKLY_HOURS, zonedTimeToUtc, type WorkingCalendar } from './business-hours.ts';

const shanghai: WorkingCalendar = { timeZone: 'Asia/Shanghai', weeklyHours: DEFAULT_WEEKLY_HOURS, holidays: [] };
const at = (iso: string) => new Date(iso);

describe('addWorkingHours', () => {
  test('adds hours within one working day', () => {
    // Wednesday 2026-03-04 09:00 in Shanghai is 01:00 UTC.
    expect(addWorkingHours(at('2026-03-04T01:00:00Z'), 4, shanghai).toISOString()).toBe('2026-03-04T05:00:00.000Z');
  });

  test('carries the rest of a late complaint overnight to the next morning', () => {
    // Wednesday 16:00 local: 2 h today, 2 h from 08:00 Thursday.
    expect(addWorkingHours(at('2026-03-04T08:00:00Z'), 4, shanghai).toISOString()).toBe('2026-03-05T02:00:00.000Z');
  });

  test('starts the clock at opening time for a complaint received at night', () => {
    // Wednesday 23:30 local → Thursday 08:00 + 4 h = 12:00 local.
    expect(addWorkingHours(at('2026-03-04T15:30:00Z'), 4, shanghai).toISOString()).toBe('2026-03-05T04:00:00.000Z');
  });

  test('skips the weekend', () => {
    // Friday 17:00 local: 1 h Friday, 3 h Monday from 08:00 → Monday 11:00 local.
    expect(addWorkingHours(at('2026-03-06T09:00:00Z'), 4, shanghai).toISOString()).toBe('2026-03-09T03:00:00.000Z');
  });

  test('skips holidays', () => {
    const calendar = { ...shanghai, holidays: ['2026-03-05', '2026-03-06'] };
    // Wednesday 16:00: 2 h Wednesday, Thursday and Friday are holidays, weekend, 2 h Monday → Monday 10:00 local.
    expect(addWorkingHours(at('2026-03-04T08:00:00Z'), 4, calendar).toISOString()).toBe('2026-03-09T02:00:00.000Z');
  });

  test('spans several days for long deadlines', () => {
    // Monday 08:00 local + 40 working hours of 10-hour days = Thursday 18:00 local.
    expect(addWorkingHours(at('2026-03-02T00:00:00Z'), 40, shanghai).toISOString()).toBe('2026-03-05T10:00:00.000Z');
  });

  test('counts Moscow hours at UTC+3 all year round', () => {
    const moscow: WorkingCalendar = { timeZone: 'Europe/Moscow', weeklyHours: DEFAULT_WEEKLY_HOURS, holidays: [] };
    // Friday 2026-07-03 17:00 MSK (14:00 UTC) + 2 h → Monday 09:00 MSK = 06:00 UTC; no summer time in Moscow.
    expect(addWorkingHours(at('2026-07-03T14:00:00Z'), 2, moscow).toISOString()).toBe('2026-07-06T06:00:00.000Z');
    expect(addWorkingHours(at('2026-01-09T14:00:00Z'), 2, moscow).toISOString()).toBe('2026-01-12T06:00:00.000Z');
  });

  test('uses the day’s own hours when weekdays differ, including a Saturday morning', () => {
    const calendar: WorkingCalendar = { ...shanghai, weeklyHours: { ...DEFAULT_WEEKLY_HOURS, sat: { start: '09:00', end: '12:00' } } };
    // Friday 17:00 local: 1 h Friday, 3 h Saturday 09:00–12:00 → Saturday 12:00 local.
    expect(addWorkingHours(at('2026-03-06T09:00:00Z'), 4, calendar).toISOString()).toBe('2026-03-07T04:00:00.000Z');
  });

  test('follows a summer-time change in zones that have one', () => {
    const berlin: WorkingCalendar = { timeZone: 'Europe/Berlin', weeklyHours: DEFAULT_WEEKLY_HOURS, holidays: [] };
    // Friday 2026-03-27 17:00 CET (16:00 UTC) + 2 h → Monday 09:00 CEST = 07:00 UTC.
    expect(addWorkingHours(at('2026-03-27T16:00:00Z'), 2, berlin).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  test('counts an overnight shift that runs past midnight', () => {
    const night: WorkingCalendar = { ...shanghai, weeklyHours: { ...DEFAULT_WEEKLY_HOURS, mon: { start: '20:00', end: '06:00' }, tue: null } };
    // Monday 23:00 local + 5 h: 7 h left on the shift that opened Monday 20:00 → Tuesday 04:00 local.
    expect(addWorkingHours(at('2026-03-02T15:00:00Z'), 5, night).toISOString()).toBe('2026-03-02T20:00:00.000Z');
    // Tuesday 03:00 local is still Monday's shift: 3 h left, then Wednesday 08:00 + 1 h.
    expect(addWorkingHours(at('2026-03-02T19:00:00Z'), 4, night).toISOString()).toBe('2026-03-04T01:00:00.000Z');
  });

  test('returns the next opening for zero hours outside working time', () => {
    expect(addWorkingHours(at('2026-03-07T04:00:00Z'), 0, shanghai).toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });

  test('refuses a calendar without any working day', () => {
    const closed = Object.fromEntries(Object.keys(DEFAULT_WEEKLY_HOURS).map((d) => [d, null])) as unknown as WorkingCalendar['weeklyHours'];
    expect(() => addWorkingHours(at('2026-03-04T01:00:00Z'), 1, { ...shanghai, weeklyHours: closed })).toThrow(/no working day/);
  });
});

test('turns a Shanghai wall-clock time into UTC', () => {
  expect(new Date(zonedTimeToUtc(2026, 3, 5, 8 * 60, 'Asia/Shanghai')).toISOString()).toBe('2026-03-05T00:00:00.000Z');
});

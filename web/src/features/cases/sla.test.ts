import { describe, expect, test } from 'vitest';
import { liveSlaState, slaTarget, splitDuration } from './sla.ts';

const base = {
  status: 'new' as const,
  respondedAt: null,
  firstResponseDueAt: '2026-11-25T12:00:00Z',
  resolutionDueAt: '2026-11-27T12:00:00Z',
};

describe('slaTarget', () => {
  test('counts down to the first response until someone has responded', () => {
    expect(slaTarget(base)).toEqual({ kind: 'firstResponse', dueAt: base.firstResponseDueAt });
  });

  test('counts down to resolution once the case has a response', () => {
    expect(slaTarget({ ...base, respondedAt: '2026-11-25T10:00:00Z' })).toEqual({ kind: 'resolution', dueAt: base.resolutionDueAt });
  });

  test('has no deadline once closed', () => {
    expect(slaTarget({ ...base, status: 'closed' })).toBeNull();
  });
});

describe('liveSlaState', () => {
  test('turns red when the clock on screen passes the deadline before the server says so', () => {
    expect(liveSlaState('ok', -1)).toBe('breached');
  });

  test('turns amber in the last hour', () => {
    expect(liveSlaState('ok', 30 * 60_000)).toBe('due_soon');
  });

  test("follows the server's rule with a known window: its last fifth, at least the last quarter hour", () => {
    const hour = 3600_000;
    expect(liveSlaState('ok', 48 * 60_000, 4 * hour)).toBe('due_soon'); // a 4-hour clock turns amber 48 minutes before
    expect(liveSlaState('ok', 49 * 60_000, 4 * hour)).toBe('ok');
    expect(liveSlaState('ok', 14 * 60_000, 30 * 60_000)).toBe('due_soon'); // a short clock: the last quarter hour
    expect(liveSlaState('ok', 20 * hour, 7 * 24 * hour)).toBe('due_soon'); // a week: a day and a half before
  });

  test('never shows a better state than the server', () => {
    expect(liveSlaState('breached', 5 * 3600_000)).toBe('breached');
    expect(liveSlaState('ok', 5 * 3600_000)).toBe('ok');
  });
});

describe('splitDuration', () => {
  test('splits into days, hours and minutes and keeps the sign apart', () => {
    expect(splitDuration((26 * 60 + 5) * 60_000 + 59_000)).toEqual({ overdue: false, days: 1, hours: 2, minutes: 5 });
    expect(splitDuration(-90 * 60_000)).toEqual({ overdue: true, days: 0, hours: 1, minutes: 30 });
  });
});

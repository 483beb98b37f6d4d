import { expect, test } from 'vitest';
import { quietUntil } from './quiet-hours.ts';

test('holds until the end of quiet hours that run over midnight', () => {
  const until = quietUntil({ start: '22:00', end: '07:00', timezone: 'UTC' }, new Date('2026-11-25T23:30:15Z'));
  expect(until?.toISOString()).toBe('2026-11-26T07:00:00.000Z');
});

test('lets an alert outside quiet hours go at once', () => {
  expect(quietUntil({ start: '22:00', end: '07:00', timezone: 'UTC' }, new Date('2026-11-25T12:00:00Z'))).toBeNull();
});

test('reads quiet hours in the rule’s time zone', () => {
  // 23:30 UTC is 07:30 in Shanghai: after a 22:00–07:00 quiet period there.
  expect(quietUntil({ start: '22:00', end: '07:00', timezone: 'Asia/Shanghai' }, new Date('2026-11-25T23:30:00Z'))).toBeNull();
  // 15:00 UTC is 23:00 in Shanghai: held until 07:00 local, 23:00 UTC.
  expect(quietUntil({ start: '22:00', end: '07:00', timezone: 'Asia/Shanghai' }, new Date('2026-11-25T15:00:00Z'))?.toISOString()).toBe('2026-11-25T23:00:00.000Z');
});

test('holds within a daytime quiet period until its end', () => {
  expect(quietUntil({ start: '12:00', end: '13:30', timezone: 'UTC' }, new Date('2026-11-25T12:10:00Z'))?.toISOString()).toBe('2026-11-25T13:30:00.000Z');
});

import { describe, expect, test } from 'vitest';
import { dateLocale, datePattern, formatIsoDate, parseLocalDate, parseTime } from './date-format.ts';

describe('dates in the reader’s format', () => {
  const zh = datePattern('zh-CN');
  const ru = datePattern('ru');
  const us = datePattern('en-US');
  const gb = datePattern('en-GB');

  test('each locale writes the parts in its own order', () => {
    expect(formatIsoDate('2026-12-01', zh)).toBe('2026/12/01');
    expect(formatIsoDate('2026-12-01', ru)).toBe('01.12.2026');
    expect(formatIsoDate('2026-12-01', us)).toBe('12/01/2026');
    expect(formatIsoDate('2026-12-01', gb)).toBe('01/12/2026');
    expect(formatIsoDate('2026-12-01T14:30', ru)).toBe('01.12.2026');
    expect(formatIsoDate('', ru)).toBe('');
  });

  test('what is typed in that order reads back as ISO, and ISO itself is understood everywhere', () => {
    expect(parseLocalDate('01.12.2026', ru)).toBe('2026-12-01');
    expect(parseLocalDate('1.2.2026', ru)).toBe('2026-02-01');
    expect(parseLocalDate('2026/12/1', zh)).toBe('2026-12-01');
    expect(parseLocalDate('2026年12月1日', zh)).toBe('2026-12-01');
    expect(parseLocalDate('12/01/2026', us)).toBe('2026-12-01');
    expect(parseLocalDate('2026-12-31', us)).toBe('2026-12-31');
    expect(parseLocalDate('2026-12-31', ru)).toBe('2026-12-31');
    expect(parseLocalDate('  ', ru)).toBe('');
  });

  test('a date that does not exist is refused, not rolled over', () => {
    expect(parseLocalDate('31.02.2026', ru)).toBeNull();
    expect(parseLocalDate('2026/13/01', zh)).toBeNull();
    expect(parseLocalDate('13/01/2026', us)).toBeNull();
    expect(parseLocalDate('01.12.26', ru)).toBeNull();
    expect(parseLocalDate('tomorrow', us)).toBeNull();
    expect(parseLocalDate('01.12', ru)).toBeNull();
  });

  test('times of day are 24-hour HH:MM', () => {
    expect(parseTime('14:30')).toBe('14:30');
    expect(parseTime('9:05')).toBe('09:05');
    expect(parseTime('9')).toBe('09:00');
    expect(parseTime('1430')).toBe('14:30');
    expect(parseTime('')).toBe('');
    expect(parseTime('25:00')).toBeNull();
    expect(parseTime('noon')).toBeNull();
  });

  test('English follows the browser’s region; the other languages are their own locale', () => {
    expect(dateLocale('en', 'en-GB')).toBe('en-GB');
    expect(dateLocale('en', 'ru-RU')).toBe('en-US');
    expect(dateLocale('ru', 'en-US')).toBe('ru');
    expect(dateLocale('zh-CN', undefined)).toBe('zh-CN');
  });
});

import { expect, test } from 'vitest';
import { bucketStarts, periodSegments } from './dashboard-scope.ts';

const DAY = 86_400_000;
const daysOf = (segs: ReturnType<typeof periodSegments>) =>
  segs.flatMap((s) => {
    const out: string[] = [];
    const end =
      s.grain === 'day'
        ? s.to
        : s.grain === 'week'
          ? new Date(Date.parse(s.to) + 6 * DAY).toISOString().slice(0, 10)
          : new Date(Date.UTC(+s.to.slice(0, 4), +s.to.slice(5, 7), 0)).toISOString().slice(0, 10);
    for (let t = Date.parse(s.from); t <= Date.parse(end); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
    return out;
  });

test('a period is cut into whole months, whole weeks at its edges and days, covering each day once', () => {
  expect(periodSegments({ from: '2026-01-01', to: '2026-12-31' }, 'month')).toEqual([{ grain: 'month', from: '2026-01-01', to: '2026-12-01' }]);
  expect(periodSegments({ from: '2025-12-03', to: '2026-03-10' }, 'month')).toEqual([
    { grain: 'day', from: '2025-12-03', to: '2025-12-07' },
    { grain: 'week', from: '2025-12-08', to: '2025-12-22' },
    { grain: 'day', from: '2025-12-29', to: '2025-12-31' },
    { grain: 'month', from: '2026-01-01', to: '2026-02-01' },
    { grain: 'day', from: '2026-03-01', to: '2026-03-01' },
    { grain: 'week', from: '2026-03-02', to: '2026-03-02' },
    { grain: 'day', from: '2026-03-09', to: '2026-03-10' },
  ]);
  expect(periodSegments({ from: '2026-10-01', to: '2026-10-31' }, 'day')).toEqual([{ grain: 'day', from: '2026-10-01', to: '2026-10-31' }]);
  expect(periodSegments({ from: '2026-10-01', to: '2026-10-31' }, 'week')).toEqual([
    { grain: 'day', from: '2026-10-01', to: '2026-10-04' },
    { grain: 'week', from: '2026-10-05', to: '2026-10-19' },
    { grain: 'day', from: '2026-10-26', to: '2026-10-31' },
  ]);
  for (const [from, to] of [
    ['2024-12-30', '2026-11-29'],
    ['2026-02-28', '2026-03-01'],
    ['2026-02-01', '2026-02-28'],
    ['2025-11-17', '2026-05-19'],
  ] as const) {
    for (const bucket of ['day', 'week', 'month', 'none'] as const) {
      const days = daysOf(periodSegments({ from, to }, bucket));
      expect(days, `${from} ${to} ${bucket}`).toEqual([...days].sort());
      expect(new Set(days).size).toBe(days.length);
      expect(days[0]).toBe(from);
      expect(days.at(-1)).toBe(to);
      expect(days.length).toBe(Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1);
    }
  }
  expect(bucketStarts({ from: '2026-01-15', to: '2026-03-02' }, 'month')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
});

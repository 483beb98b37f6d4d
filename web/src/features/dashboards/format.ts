import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/**
 * The dashboards' numbers and days in the reader's locale. Shares and their intervals arrive as
 * fractions (0–1); NPS as −100…100; a day is a calendar day (YYYY-MM-DD) of the organisation,
 * written without shifting it into the browser's time zone.
 */
export function useDashFormat() {
  const { formatNumber, locale } = useI18n();
  return useMemo(() => {
    const dayLong = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dayShort = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    const monthShort = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const asDate = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`);
    return {
      pct: (share: number) => formatNumber(share, { style: 'percent', maximumFractionDigits: 1 }),
      /** An interval of percentages: "12 % – 30 %". */
      range: (i: { low: number; high: number }) =>
        `${formatNumber(i.low / 100, { style: 'percent', maximumFractionDigits: 1 })} – ${formatNumber(i.high / 100, { style: 'percent', maximumFractionDigits: 1 })}`,
      nps: (value: number) => formatNumber(value, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
      signed: (value: number) => formatNumber(value, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }),
      rating: (value: number) => formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 2 }),
      ratio: (value: number) => `×${formatNumber(value, { maximumFractionDigits: 1 })}`,
      int: (value: number) => formatNumber(value),
      day: (day: string) => dayLong.format(asDate(day)),
      /** A chart's bucket label: the day, or the month for monthly buckets. */
      bucket: (day: string, bucket: 'day' | 'week' | 'month') => (bucket === 'month' ? monthShort : dayShort).format(asDate(day)),
      /** An instant's calendar day in the organisation's time zone (YYYY-MM-DD). */
      dayIn: (instant: string | Date, timezone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant)),
    };
  }, [formatNumber, locale]);
}
export type DashFormat = ReturnType<typeof useDashFormat>;

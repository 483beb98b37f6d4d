import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/** Numbers of the reports in the reader's locale: shares as percentages, NPS with its sign, means with two decimals. */
export function useReportFormat() {
  const { formatNumber } = useI18n();
  return useMemo(
    () => ({
      pct: (share: number) => formatNumber(share / 100, { style: 'percent', maximumFractionDigits: 1 }),
      nps: (value: number) => formatNumber(value, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
      mean: (value: number) => formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      int: (value: number) => formatNumber(value),
    }),
    [formatNumber],
  );
}

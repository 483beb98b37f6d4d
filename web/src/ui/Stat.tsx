import { useI18n } from '../i18n/index.tsx';

/** A figure with its label, in a row of stats; `tone` colours the figure. A number is written in the reader's locale (12 345, 12,345). */
export function Stat({ label, value, tone, testId }: { label: string; value: string | number; tone?: 'good' | 'bad'; testId?: string }) {
  const { formatNumber } = useI18n();
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`} data-testid={testId ? `stat-${testId}` : undefined}>
      <div className="stat-value">{typeof value === 'number' ? formatNumber(value) : value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { IntervalBar } from '../../ui/IntervalBar.tsx';
import { useDashFormat } from './format.ts';

/** A tile of the overview: a title, then its figures, or "No data yet" with where its data would come from (never a zero). */
export function Tile({ title, empty, hint, children, testId }: { title: string; empty: boolean; hint: string; children?: ReactNode; testId: string }) {
  const { t } = useI18n();
  return (
    <section className="card dash-tile" data-testid={testId} data-empty={empty || undefined}>
      <h3>{title}</h3>
      {empty ? (
        <div className="dash-nodata">
          <div className="dash-nodata-title">{t('dash.noData')}</div>
          <div className="muted small">{hint}</div>
        </div>
      ) : (
        children
      )}
    </section>
  );
}

/** A share (0–1) as a big figure, a bar with its 95 % interval, and the interval in words. */
export function ShareFigure({ share, interval, tone }: { share: number; interval: { low: number; high: number }; tone?: 'good' | 'bad' }) {
  const { t } = useI18n();
  const f = useDashFormat();
  const words = t('dash.interval95', { low: f.pct(interval.low), high: f.pct(interval.high) });
  return (
    <>
      <div className={`dash-figure${tone ? ` dash-${tone}` : ''}`}>{f.pct(share)}</div>
      <IntervalBar value={share} low={interval.low} high={interval.high} label={words} />
      <div className="small muted">{words}</div>
    </>
  );
}

/** The period an answer covers, as the server resolved it. */
export function PeriodLine({ period }: { period: { from: string; to: string; timezone: string } }) {
  const { t } = useI18n();
  const f = useDashFormat();
  return (
    <p className="muted small dash-period" data-testid="dash-period">
      {t('dash.periodLine', { from: f.day(period.from), to: f.day(period.to), timezone: period.timezone })}
    </p>
  );
}

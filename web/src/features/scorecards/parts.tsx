import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/index.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { IntervalBar } from '../../ui/IntervalBar.tsx';
import { PRESETS, presetPeriod, type Entry, type PeriodFilter, type Preset } from './api.ts';

/** Scores 0–100 with one decimal in the reader's locale. */
export function useScoreFormat() {
  const { formatNumber } = useI18n();
  return (x: number) => formatNumber(x, { maximumFractionDigits: 1 });
}

/** An interval drawn as a bar on a 0–100 scale with its score as a dot; the words are its label. */
export function Range({ score, low, high, muted }: { score: number; low: number; high: number; muted?: boolean }) {
  const { t } = useI18n();
  const f = useScoreFormat();
  const words = `${f(score)} (${t('sc.intervalRange', { low: f(low), high: f(high) })})`;
  return <IntervalBar className="sc-range" value={score} low={low} high={high} min={0} max={100} label={words} muted={muted} />;
}

/** "No. 2", a star for the top group, or "Not ranked" with why ("not enough responses to rank: 12 of 30"). */
export function PlaceBadge({ entry }: { entry: Pick<Entry, 'place' | 'star' | 'notRanked'> }) {
  const { t } = useI18n();
  if (entry.place === null)
    return (
      <span className="sc-notranked" data-testid="not-ranked">
        <span className="badge badge-neutral">{t('sc.notRanked')}</span> <span className="small muted">{entry.notRanked?.message}</span>
      </span>
    );
  return (
    <span className="sc-place">
      <span className={`badge ${entry.star ? 'badge-positive' : 'badge-neutral'}`}>{t('sc.placeN', { n: entry.place })}</span>
      {entry.star && (
        <span className="sc-star" title={t('sc.star')}>
          ★ {t('sc.star')}
        </span>
      )}
    </span>
  );
}

/** Period presets (month, quarter) and the two days; the empty period is the server's last 90 days. */
export function PeriodPicker({ value, onChange }: { value: PeriodFilter; onChange(p: PeriodFilter): void }) {
  const { t } = useI18n();
  const current = PRESETS.find((p) => {
    const q = presetPeriod(p);
    return q.from === value.from && q.to === value.to;
  });
  return (
    <div className="sc-period">
      <div className="sc-presets" role="group" aria-label={t('sc.period')}>
        {PRESETS.map((p: Preset) => (
          <button key={p} type="button" className="btn btn-small" aria-pressed={current === p} onClick={() => onChange(presetPeriod(p))}>
            {t(`sc.preset.${p}` as MessageKey)}
          </button>
        ))}
      </div>
      <label className="sc-filter">
        <span>{t('sc.from')}</span>
        <DateField name="from" value={value.from} onChange={(from) => onChange({ ...value, from })} />
      </label>
      <label className="sc-filter">
        <span>{t('sc.to')}</span>
        <DateField name="to" value={value.to} onChange={(to) => onChange({ ...value, to })} />
      </label>
    </div>
  );
}

export function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="sc-figure">
      <div className="muted small">{label}</div>
      <div>{children}</div>
    </div>
  );
}

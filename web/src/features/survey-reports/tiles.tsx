import { useI18n } from '../../i18n/index.tsx';
import type { SurveyReport } from './api.ts';
import { IntervalBar } from '../../ui/IntervalBar.tsx';
import { useReportFormat } from './format.ts';

type Nps = SurveyReport['nps'];
type Share = SurveyReport['fft'];

/** What a tile says when it has no figure: "no data yet" without answers, else how many there are and how many it needs. */
function Missing({ n, min }: { n: number; min: number }) {
  const { t } = useI18n();
  return <div className="sr-tile-missing">{n === 0 ? t('sr.noData') : t('sr.notEnough', { n, min })}</div>;
}

export function NpsTile({ nps, min }: { nps: Nps; min: number }) {
  const { t } = useI18n();
  const f = useReportFormat();
  return (
    <div className="sr-tile" data-testid="sr-nps">
      <div className="sr-tile-label">{t('sr.nps')}</div>
      {nps.nps === null || !nps.interval ? (
        <Missing n={nps.n} min={min} />
      ) : (
        <>
          <div className={`sr-tile-value${nps.nps < 0 ? ' sr-bad' : ''}`}>{f.nps(nps.nps)}</div>
          <IntervalBar
            value={nps.nps}
            low={nps.interval.low}
            high={nps.interval.high}
            min={-100}
            max={100}
            label={t('sr.interval95', { low: f.nps(nps.interval.low), high: f.nps(nps.interval.high) })}
          />
          <div className="sr-tile-sub">{t('sr.interval95', { low: f.nps(nps.interval.low), high: f.nps(nps.interval.high) })}</div>
          <div className="sr-tile-sub">{t('sr.npsCounts', { promoters: f.int(nps.promoters), passives: f.int(nps.passives), detractors: f.int(nps.detractors) })}</div>
        </>
      )}
      <div className="sr-tile-hint">{t('sr.npsHint')}</div>
    </div>
  );
}

export function ShareTile({ label, hint, share, min, testId }: { label: string; hint: string; share: Share; min: number; testId: string }) {
  const { t } = useI18n();
  const f = useReportFormat();
  return (
    <div className="sr-tile" data-testid={testId}>
      <div className="sr-tile-label">{label}</div>
      {share.share === null || !share.interval ? (
        <Missing n={share.n} min={min} />
      ) : (
        <>
          <div className="sr-tile-value">{f.pct(share.share)}</div>
          <IntervalBar
            value={share.share}
            low={share.interval.low}
            high={share.interval.high}
            min={0}
            max={100}
            label={t('sr.interval95', { low: f.pct(share.interval.low), high: f.pct(share.interval.high) })}
          />
          <div className="sr-tile-sub">{t('sr.interval95', { low: f.pct(share.interval.low), high: f.pct(share.interval.high) })}</div>
          <div className="sr-tile-sub">{t('sr.answers', { n: f.int(share.n) })}</div>
        </>
      )}
      <div className="sr-tile-hint">{hint}</div>
    </div>
  );
}

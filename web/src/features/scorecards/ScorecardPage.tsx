import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { ChartCard, type ChartColumn } from '../../ui/ChartCard.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EmptyState, Spinner } from '../../ui/states.tsx';
import { getMyScorecard, getScorecard, readPeriod, writePeriod, type PeriodFilter, type Scorecard, type Subject } from './api.ts';
import { Figure, PeriodPicker, PlaceBadge, Range, useScoreFormat } from './parts.tsx';

type Component = keyof Scorecard['entry']['components'];
type Month = Scorecard['trend'][number];
type Indicator = Scorecard['entry']['counts']['indicators'][number];
const DIMENSIONS = ['listening', 'clarity', 'shared_decisions', 'privacy'] as const;

/** One scorecard: `own` is the signed-in user's (GET /api/scorecards/me), else a staff member's or department's. */
export function ScorecardPage({ subject, id, own }: { subject: Subject; id?: string; own?: boolean }) {
  const { t } = useI18n();
  const { can } = useApp();
  const [period, setPeriod] = useState<PeriodFilter>(readPeriod);
  useEffect(() => writePeriod(period), [period]);
  const card = useResource(() => (own || !id ? getMyScorecard(period) : getScorecard(subject, id, period)), [own, subject, id, period.from, period.to], { quiet: true });
  if (card.error && !card.data) {
    const message = card.error instanceof Error ? card.error.message : String(card.error);
    return (
      <section className="card">
        <EmptyState title={own ? t('sc.noRoster') : message} />
      </section>
    );
  }
  if (!card.data) return <Spinner />;
  return (
    <>
      {can('scorecards.read') && (
        <p>
          <Link href="/scorecards">← {t('sc.back')}</Link>
        </p>
      )}
      <section className="card sc-controls">
        <PeriodPicker value={period} onChange={setPeriod} />
      </section>
      <ScorecardBody card={card.data} />
    </>
  );
}

function ScorecardBody({ card }: { card: Scorecard }) {
  const { t, formatNumber } = useI18n();
  const f = useScoreFormat();
  const e = card.entry;
  const c = e.counts;
  const components = Object.keys(e.components) as Component[];
  const componentColumns: ChartColumn<Component>[] = [
    { header: t('sc.component'), value: (k) => t(`sc.comp.${k}` as MessageKey) },
    { header: t('sc.score'), value: (k) => e.components[k]?.score ?? null, numeric: true },
    { header: `${t('sc.interval')} ↓`, value: (k) => e.components[k]?.interval.low ?? null, numeric: true },
    { header: `${t('sc.interval')} ↑`, value: (k) => e.components[k]?.interval.high ?? null, numeric: true },
    { header: t('sc.weight'), value: (k) => e.weightsUsed[k] ?? 0, render: (k) => formatNumber(e.weightsUsed[k] ?? 0, { style: 'percent', maximumFractionDigits: 1 }), numeric: true },
  ];
  const trendColumns: ChartColumn<Month>[] = [
    { header: t('sc.month'), value: (m) => m.month },
    { header: t('sc.score'), value: (m) => m.score?.score ?? null, numeric: true },
    { header: `${t('sc.interval')} ↓`, value: (m) => m.score?.interval.low ?? null, numeric: true },
    { header: `${t('sc.interval')} ↑`, value: (m) => m.score?.interval.high ?? null, numeric: true },
    { header: t('sc.responses'), value: (m) => m.responses, numeric: true },
    { header: t('sc.place'), value: (m) => m.place },
  ];
  const per100 = (r: typeof c.praisePer100Visits) => (r ? t('sc.per100', { value: formatNumber(r.per100), low: formatNumber(r.interval.low), high: formatNumber(r.interval.high) }) : '—');

  return (
    <>
      <section className="card sc-head" data-testid="sc-scorecard">
        <div>
          <h2>{e.name}</h2>
          <p className="muted">{card.subject === 'staff' ? [e.detail, e.departmentName].filter(Boolean).join(' · ') : e.detail}</p>
          <PlaceBadge entry={e} />
          <p className="small muted">{t('sc.periodRange', { from: card.period.from, to: card.period.to })}</p>
        </div>
        <div className="sc-head-score">
          {e.score ? (
            <>
              <div className="sc-big">{f(e.score.score)}</div>
              <Range score={e.score.score} low={e.score.interval.low} high={e.score.interval.high} muted={e.place === null} />
              <div className="small muted">
                {t('sc.interval')}: {t('sc.intervalRange', { low: f(e.score.interval.low), high: f(e.score.interval.high) })}
              </div>
            </>
          ) : (
            <div className="muted">{t('sc.noData')}</div>
          )}
          <div className="small">
            {t('sc.responses')}: {e.responses} / {card.minSample}
          </div>
        </div>
      </section>

      <ChartCard
        title={t('sc.components')}
        hint={e.dropped.length > 0 ? t('sc.dropped', { list: e.dropped.map((k) => t(`sc.comp.${k}` as MessageKey)).join(', ') }) : undefined}
        rows={components}
        columns={componentColumns}
        fileName={`scorecard-${e.name}`}
        testId="sc-components"
      >
        <ul className="sc-bars">
          {components.map((k) => {
            const s = e.components[k];
            return (
              <li key={k}>
                <span className="sc-bar-label">
                  {t(`sc.comp.${k}` as MessageKey)}
                  <span className="muted small"> · {formatNumber(e.weightsUsed[k] ?? 0, { style: 'percent', maximumFractionDigits: 0 })}</span>
                </span>
                {s ? (
                  <span className="sc-bar-value">
                    <Range score={s.score} low={s.interval.low} high={s.interval.high} />
                    <span className="small">{`${f(s.score)} (${t('sc.intervalRange', { low: f(s.interval.low), high: f(s.interval.high) })})`}</span>
                  </span>
                ) : (
                  <span className="muted small">{t('sc.noData')}</span>
                )}
              </li>
            );
          })}
        </ul>
      </ChartCard>

      <section className="card">
        <h3>{t('sc.counts')}</h3>
        <div className="sc-figures">
          <Figure label={t('sc.praise')}>
            {c.praise} · {per100(c.praisePer100Visits)}
          </Figure>
          <Figure label={t('sc.complaints')}>
            {c.complaints} · {per100(c.complaintsPer100Visits)}
          </Figure>
          <Figure label={t('sc.visits')}>{c.visits}</Figure>
          <Figure label={t('sc.nps')}>
            {c.nps.nps !== null && c.nps.interval
              ? `${formatNumber(c.nps.nps, { signDisplay: 'exceptZero' })} (${t('sc.intervalRange', { low: c.nps.interval.low, high: c.nps.interval.high })})`
              : '—'}
            <div className="small muted">{t('sc.npsCounts', { n: c.nps.n, promoters: c.nps.promoters, passives: c.nps.passives, detractors: c.nps.detractors })}</div>
          </Figure>
          <Figure label={t('sc.communication')}>
            {DIMENSIONS.map((d) => (
              <div key={d} className="small">
                {t(`sc.dim.${d}`)}: {c.communication.means[d] ?? '—'}
              </div>
            ))}
          </Figure>
          <Figure label={t('sc.cases')}>
            <span className="small">{t('sc.casesCounts', { ...c.cases })}</span>
          </Figure>
        </div>
      </section>

      <section className="card">
        <h3>{t('sc.indicators')}</h3>
        <RecordTable<Indicator>
          items={c.indicators}
          compact
          emptyTitle={t('sc.noIndicators')}
          rowKey={(i) => i.indicator}
          columns={[
            { header: t('sc.indicator'), render: (i) => t(`sc.ind.${i.indicator}`) },
            { header: t('sc.events'), render: (i) => i.events, className: 'num' },
            { header: t('sc.exposures'), render: (i) => i.exposures, className: 'num' },
            { header: t('sc.rate'), render: (i) => `${formatNumber(i.ratePct)} % (${t('sc.intervalRange', { low: i.interval.low, high: i.interval.high })})`, className: 'num' },
          ]}
        />
      </section>

      <section className="card">
        <h3>{t('sc.quotes')}</h3>
        {e.quotes.length === 0 ? (
          <p className="muted">{t('sc.noQuotes')}</p>
        ) : (
          <ul className="sc-quotes">
            {e.quotes.map((q) => (
              <li key={q.mentionId}>“{q.text}”</li>
            ))}
          </ul>
        )}
      </section>

      <ChartCard title={t('sc.trend')} hint={t('sc.trendHint')} rows={card.trend} columns={trendColumns} fileName={`scorecard-trend-${e.name}`} testId="sc-trend">
        <ul className="sc-bars">
          {card.trend.map((m) => (
            <li key={m.month}>
              <span className="sc-bar-label">{m.month}</span>
              {m.score ? (
                <span className="sc-bar-value">
                  <Range score={m.score.score} low={m.score.interval.low} high={m.score.interval.high} />
                  <span className="small">
                    {f(m.score.score)} · {t('sc.responses')}: {m.responses}
                  </span>
                </span>
              ) : (
                <span className="muted small">
                  {t('sc.noData')} · {t('sc.responses')}: {m.responses}
                </span>
              )}
            </li>
          ))}
        </ul>
      </ChartCard>
    </>
  );
}

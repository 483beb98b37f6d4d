import { lazy, Suspense, useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { ChartCard } from '../../ui/ChartCard.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getBenchmark, type BenchmarkEntity, type queryOf } from './api.ts';
import { benchmarkAspectsOption, benchmarkTrendOption } from './chart-options.ts';
import { useDashFormat } from './format.ts';
import { PeriodLine } from './tiles.tsx';

const EChart = lazy(() => import('./EChart.tsx'));

/** Our clinic against each named competitor (sources marked as a competitor's): rating, negative share, aspects, trend. */
export function CompetitorsTab({ query }: { query: ReturnType<typeof queryOf> }) {
  const { t, tx } = useI18n();
  const f = useDashFormat();
  const bench = useResource(() => getBenchmark(query), [JSON.stringify(query)]);
  const b = bench.data;
  // The aspects most mentioned across every clinic, at most eight, so the bars stay readable.
  const aspects = useMemo(() => {
    const totals = new Map<string, number>();
    for (const e of b?.entities ?? []) for (const a of e.aspects) totals.set(a.aspect, (totals.get(a.aspect) ?? 0) + a.total);
    return [...totals]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 8)
      .map(([a]) => a);
  }, [b]);
  const aspectsOption = useMemo(() => (b ? benchmarkAspectsOption(b, aspects, (a) => tx('aspect', a), t, f) : null), [b, aspects, t, tx, f]);
  const trendOption = useMemo(() => (b ? benchmarkTrendOption(b, t, f) : null), [b, t, f]);
  if (!b || !aspectsOption || !trendOption) return bench.error ? null : <Spinner />;

  const competitors = b.entities.filter((e) => e.competitor !== null);
  if (competitors.length === 0) {
    return (
      <section className="card" data-testid="dash-no-competitors">
        <div className="dash-nodata">
          <div className="dash-nodata-title">{t('dash.competitorsEmpty')}</div>
          <Link href="/sources">{t('nav.sources')}</Link>
        </div>
      </section>
    );
  }
  const name = (e: BenchmarkEntity) => e.competitor ?? t('dash.us');
  const aspectRows = aspects.map((aspect) => ({ aspect, by: b.entities.map((e) => e.aspects.find((x) => x.aspect === aspect)) }));
  return (
    <>
      <PeriodLine period={b.period} />
      <ChartCard
        title={t('dash.compare')}
        testId="dash-compare"
        rows={b.entities}
        defaultView="table"
        columns={[
          { header: t('dash.clinic'), value: name },
          { header: t('dash.mentions'), value: (e) => e.mentions, numeric: true },
          { header: t('dash.ratingAvg'), value: (e) => e.ratingAvg, render: (e) => (e.ratingAvg === null ? '—' : `${f.rating(e.ratingAvg)} ★`), numeric: true },
          { header: t('dash.ratingCount'), value: (e) => e.ratingCount, numeric: true },
          { header: t('dash.negativeShare'), value: (e) => e.negativeShare, render: (e) => (e.negativeShare === null ? '—' : f.pct(e.negativeShare)), numeric: true },
          { header: t('dash.low'), value: (e) => e.negativeInterval?.low ?? null, render: (e) => (e.negativeInterval ? f.pct(e.negativeInterval.low) : '—'), numeric: true },
          { header: t('dash.high'), value: (e) => e.negativeInterval?.high ?? null, render: (e) => (e.negativeInterval ? f.pct(e.negativeInterval.high) : '—'), numeric: true },
        ]}
      >
        <ul className="dash-terms">
          {b.entities.map((e) => (
            <li key={name(e)}>
              <span className="dash-term">{name(e)}</span>
              <span className="muted small">
                {e.ratingAvg === null ? t('dash.noRatings') : `${f.rating(e.ratingAvg)} ★`} · {t('dash.negativeShare')} {e.negativeShare === null ? '—' : f.pct(e.negativeShare)}
                {e.negativeInterval ? ` (${f.range(e.negativeInterval)})` : ''}
              </span>
            </li>
          ))}
        </ul>
      </ChartCard>
      <div className="dash-columns">
        <ChartCard
          title={t('dash.compareAspects')}
          testId="dash-compare-aspects"
          rows={aspectRows}
          columns={[
            { header: t('dash.aspect'), value: (r) => tx('aspect', r.aspect) },
            ...b.entities.map((e, i) => ({
              header: name(e),
              value: (r: (typeof aspectRows)[number]) => r.by[i]?.negativeShare ?? null,
              render: (r: (typeof aspectRows)[number]) => (r.by[i]?.negativeShare == null ? '—' : `${f.pct(r.by[i]!.negativeShare!)} (${f.int(r.by[i]!.total)})`),
              numeric: true,
            })),
          ]}
        >
          <Suspense fallback={<Spinner />}>
            <EChart option={aspectsOption} label={t('dash.compareAspects')} height={300} />
          </Suspense>
        </ChartCard>
        <ChartCard
          title={t('dash.compareTrend')}
          testId="dash-compare-trend"
          rows={b.entities.flatMap((e) => e.trend.map((p) => ({ entity: name(e), ...p })))}
          columns={[
            { header: t('dash.clinic'), value: (r) => r.entity },
            { header: t('dash.start'), value: (r) => r.start, render: (r) => f.day(r.start) },
            { header: t('dash.mentions'), value: (r) => r.total, numeric: true },
            { header: t('dash.ratingAvg'), value: (r) => r.ratingAvg, render: (r) => (r.ratingAvg === null ? '—' : f.rating(r.ratingAvg)), numeric: true },
          ]}
        >
          <Suspense fallback={<Spinner />}>
            <EChart option={trendOption} label={t('dash.compareTrend')} height={300} />
          </Suspense>
        </ChartCard>
      </div>
    </>
  );
}

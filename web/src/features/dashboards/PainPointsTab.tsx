import { lazy, Suspense, useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { ChartCard } from '../../ui/ChartCard.tsx';
import { EmptyState, Spinner } from '../../ui/states.tsx';
import { getPainPoints, type PainAspect, type PainPoints, type queryOf } from './api.ts';
import { painTrendOption } from './chart-options.ts';
import { useDashFormat } from './format.ts';
import { PeriodLine } from './tiles.tsx';

const EChart = lazy(() => import('./EChart.tsx'));

/** Pain points: per top negative aspect its counts against the previous period, quotes, trend with corrective actions; emerging terms; per department. */
export function PainPointsTab({ query }: { query: ReturnType<typeof queryOf> }) {
  const { t, tx } = useI18n();
  const f = useDashFormat();
  const pain = useResource(() => getPainPoints(query), [JSON.stringify(query)]);
  const p = pain.data;
  if (!p) return pain.error ? null : <Spinner />;
  return (
    <>
      <PeriodLine period={p.period} />
      <p className="muted small dash-period">{t('dash.painHint', { from: f.day(p.previous.from), to: f.day(p.previous.to) })}</p>
      <div className="dash-columns">
        <ChartCard
          title={t('dash.emerging')}
          testId="dash-emerging"
          hint={t('dash.emergingHint')}
          rows={p.emerging}
          empty={<EmptyState title={t('dash.emergingEmpty')} />}
          defaultView="table"
          columns={[
            { header: t('dash.term'), value: (e) => e.term },
            { header: t('dash.department'), value: (e) => e.departmentName ?? '' },
            { header: t('dash.now'), value: (e) => e.current, numeric: true },
            { header: t('dash.previously'), value: (e) => e.previous, numeric: true },
            { header: t('dash.ratio'), value: (e) => e.ratio, render: (e) => f.ratio(e.ratio), numeric: true },
          ]}
        >
          <ul className="dash-terms">
            {p.emerging.map((e) => (
              <li key={`${e.term}-${e.departmentId ?? ''}`}>
                <span className="dash-term">{e.term}</span>
                <span className="muted small">
                  {f.int(e.previous)} → {f.int(e.current)} ({f.ratio(e.ratio)}){e.departmentName ? ` · ${e.departmentName}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </ChartCard>
        <ChartCard
          title={t('dash.perDepartment')}
          testId="dash-per-department"
          rows={p.departments}
          defaultView="table"
          columns={[
            { header: t('dash.department'), value: (d) => d.name ?? t('dash.noDepartment') },
            { header: t('dash.negative'), value: (d) => d.negative, numeric: true },
            { header: t('dash.total'), value: (d) => d.total, numeric: true },
            { header: t('dash.topAspects'), value: (d) => d.topAspects.map((x) => `${tx('aspect', x.aspect)} (${x.negative})`).join('; ') },
          ]}
        >
          <ul className="dash-terms">
            {p.departments.map((d) => (
              <li key={d.id ?? 'none'}>
                <span className="dash-term">{d.name ?? t('dash.noDepartment')}</span>
                <span className="muted small">{d.topAspects.map((x) => `${tx('aspect', x.aspect)} · ${f.int(x.negative)}`).join(', ')}</span>
              </li>
            ))}
          </ul>
        </ChartCard>
      </div>
      {p.aspects.length === 0 ? (
        <section className="card">
          <EmptyState title={t('dash.painEmpty')} />
        </section>
      ) : (
        <div className="dash-pain-list">
          {p.aspects.map((a) => (
            <PainCard key={a.aspect} a={a} p={p} />
          ))}
        </div>
      )}
    </>
  );
}

function PainCard({ a, p }: { a: PainAspect; p: PainPoints }) {
  const { t, tx } = useI18n();
  const f = useDashFormat();
  const option = useMemo(() => painTrendOption(a, p.period.bucket, p.period.from, p.period.timezone, t, f), [a, p.period, t, f]);
  const when = (x: PainAspect['actions'][number]) =>
    x.doneAt ? t('dash.actionDone', { at: f.day(f.dayIn(x.doneAt, p.period.timezone)) }) : t('dash.actionDue', { at: f.day(f.dayIn(x.dueAt, p.period.timezone)) });
  const rose = a.previousTotal > 0 && a.negative / Math.max(1, a.total) > a.previousNegative / a.previousTotal;
  return (
    <ChartCard
      title={tx('aspect', a.aspect)}
      testId="dash-pain"
      hint={
        <>
          <span className={rose ? 'dash-bad' : undefined}>
            {t('dash.negativeOf', { n: f.int(a.negative), total: f.int(a.total) })} · {f.pct(a.negativeShare)} ({t('dash.interval95', { low: f.pct(a.interval.low), high: f.pct(a.interval.high) })})
          </span>
          {' · '}
          {t('dash.before', { n: f.int(a.previousNegative), total: f.int(a.previousTotal) })}
        </>
      }
      rows={a.trend}
      columns={[
        { header: t('dash.start'), value: (x) => x.start, render: (x) => f.day(x.start) },
        { header: t('dash.negative'), value: (x) => x.negative, numeric: true },
        { header: t('dash.total'), value: (x) => x.total, numeric: true },
      ]}
      footer={
        <div className="dash-pain-extra">
          {a.actions.length > 0 && (
            <div>
              <h4>{t('dash.actions')}</h4>
              <ul className="dash-actions">
                {a.actions.map((x) => (
                  <li key={`${x.caseId}-${x.description}`}>
                    <Link href={`/cases/${x.caseId}`}>{t('dash.caseNumber', { n: x.caseNumber })}</Link> · <span className="muted small">{when(x)}</span>
                    <div>{x.description}</div>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div>
            <h4>{t('dash.quotes')}</h4>
            {a.quotes.length === 0 ? (
              <p className="muted small">{t('dash.noQuotes')}</p>
            ) : (
              <ul className="dash-quotes">
                {a.quotes.map((q) => (
                  <li key={q.mentionId}>
                    <blockquote>{q.text}</blockquote>
                    <div className="muted small">
                      {q.sourceName}
                      {q.departmentName ? ` · ${q.departmentName}` : ''}
                      {q.publishedAt ? ` · ${f.day(f.dayIn(q.publishedAt, p.period.timezone))}` : ''}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      }
    >
      <Suspense fallback={<Spinner />}>
        <EChart option={option} label={`${t('dash.negativeTrend')}: ${tx('aspect', a.aspect)}`} height={220} />
      </Suspense>
    </ChartCard>
  );
}

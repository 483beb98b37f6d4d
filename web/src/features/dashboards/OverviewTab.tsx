import { lazy, Suspense, useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { ChartCard } from '../../ui/ChartCard.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getOverview, type Overview, type queryOf } from './api.ts';
import { bySourceOption, npsTrendOption, ratingTrendOption, sentimentTrendOption } from './chart-options.ts';
import { useDashFormat } from './format.ts';
import { PeriodLine, ShareFigure, Tile } from './tiles.tsx';

const EChart = lazy(() => import('./EChart.tsx'));

type Mentions = NonNullable<Overview['mentions']>;
type Point = Mentions['trend'][number];
type NpsPoint = NonNullable<Overview['nps']>['trend'][number];

/** The overview: mentions (by source, sentiment and rating over time), NPS, SLA, cases, alerts, follow-ups, referrals. */
export function OverviewTab({ query }: { query: ReturnType<typeof queryOf> }) {
  const { t } = useI18n();
  const overview = useResource(() => getOverview(query), [JSON.stringify(query)]);
  const o = overview.data;
  if (!o) return overview.error ? null : <Spinner />;
  return (
    <>
      <PeriodLine period={o.period} />
      <div className="dash-tiles">
        <MentionsTile o={o} />
        <Tile title={t('dash.sla')} testId="dash-sla" empty={!o.sla} hint={t('dash.slaEmpty')}>
          {o.sla && <SlaBody sla={o.sla} />}
        </Tile>
        <Tile title={t('dash.cases')} testId="dash-cases" empty={!o.cases} hint={t('dash.casesEmpty')}>
          {o.cases && <CasesBody cases={o.cases} />}
        </Tile>
        <Tile title={t('dash.alerts')} testId="dash-alerts" empty={!o.alerts} hint={t('dash.alertsEmpty')}>
          {o.alerts && <AlertsBody alerts={o.alerts} />}
        </Tile>
        <Tile title={t('dash.followups')} testId="dash-followups" empty={!o.followups} hint={t('dash.followupsEmpty')}>
          {o.followups && <FollowupsBody followups={o.followups} />}
        </Tile>
        <Tile title={t('dash.referrals')} testId="dash-referrals" empty={!o.referrals} hint={t('dash.referralsEmpty')}>
          {o.referrals && <ReferralsBody referrals={o.referrals} />}
        </Tile>
      </div>
      <div className="dash-columns">
        {o.mentions && <MentionCharts m={o.mentions} bucket={o.period.bucket} />}
        <NpsCard o={o} />
      </div>
    </>
  );
}

function MentionsTile({ o }: { o: Overview }) {
  const { t } = useI18n();
  const f = useDashFormat();
  const m = o.mentions;
  return (
    <Tile title={t('dash.mentions')} testId="dash-mentions" empty={!m || m.total === 0} hint={t('dash.mentionsEmpty')}>
      {m && (
        <>
          <div className="dash-figure">{f.int(m.total)}</div>
          <div className="small">{t('dash.negativeOfTotal', { n: f.int(m.negative), share: f.pct(m.negativeShare) })}</div>
          <div className="small muted">{t('dash.interval95', { low: f.pct(m.negativeInterval.low), high: f.pct(m.negativeInterval.high) })}</div>
          <div className="small">
            {t('dash.ratingAvg')}: {m.ratingAvg === null ? t('dash.noRatings') : `${f.rating(m.ratingAvg)} ★ (${t('dash.ratings', { n: f.int(m.ratingCount) })})`}
          </div>
          <div className="small">{t('dash.risky', { n: f.int(m.risky) })}</div>
        </>
      )}
    </Tile>
  );
}

function MentionCharts({ m, bucket }: { m: Mentions; bucket: Overview['period']['bucket'] }) {
  const { t } = useI18n();
  const f = useDashFormat();
  const bySource = useMemo(() => bySourceOption(m, t), [m, t]);
  const sentiment = useMemo(() => sentimentTrendOption(m, bucket, t, f), [m, bucket, t, f]);
  const rating = useMemo(() => ratingTrendOption(m, bucket, t, f), [m, bucket, t, f]);
  const start = { header: t('dash.start'), value: (p: Point) => p.start, render: (p: Point) => f.day(p.start) };
  return (
    <>
      <ChartCard
        title={t('dash.bySource')}
        testId="dash-by-source"
        rows={m.bySource}
        columns={[
          { header: t('dash.source'), value: (s) => s.name },
          { header: t('dash.total'), value: (s) => s.total, numeric: true },
          { header: t('dash.negative'), value: (s) => s.negative, numeric: true },
        ]}
      >
        <Suspense fallback={<Spinner />}>
          <EChart option={bySource} label={t('dash.bySource')} height={Math.max(160, 40 + m.bySource.length * 34)} />
        </Suspense>
      </ChartCard>
      <ChartCard
        title={t('dash.sentimentTrend')}
        testId="dash-sentiment"
        rows={m.trend}
        columns={[
          start,
          { header: t('dash.positive'), value: (p) => p.positive, numeric: true },
          { header: t('dash.neutral'), value: (p) => p.neutral, numeric: true },
          { header: t('dash.negative'), value: (p) => p.negative, numeric: true },
          { header: t('dash.total'), value: (p) => p.total, numeric: true },
        ]}
      >
        <Suspense fallback={<Spinner />}>
          <EChart option={sentiment} label={t('dash.sentimentTrend')} />
        </Suspense>
      </ChartCard>
      <ChartCard
        title={t('dash.ratingTrend')}
        testId="dash-rating"
        rows={m.trend.some((p) => p.ratingAvg !== null) ? m.trend : []}
        columns={[
          start,
          { header: t('dash.rating'), value: (p) => p.ratingAvg, render: (p) => (p.ratingAvg === null ? '—' : f.rating(p.ratingAvg)), numeric: true },
          { header: t('dash.ratingCount'), value: (p) => p.ratingCount, numeric: true },
        ]}
        empty={
          <div className="dash-nodata">
            <div className="dash-nodata-title">{t('dash.noData')}</div>
          </div>
        }
      >
        <Suspense fallback={<Spinner />}>
          <EChart option={rating} label={t('dash.ratingTrend')} />
        </Suspense>
      </ChartCard>
    </>
  );
}

function NpsCard({ o }: { o: Overview }) {
  const { t } = useI18n();
  const f = useDashFormat();
  const n = o.nps;
  const option = useMemo(() => (n ? npsTrendOption(n, o.period.bucket, t, f) : null), [n, o.period.bucket, t, f]);
  const range = (p: NpsPoint, side: 'low' | 'high') => p.interval?.[side] ?? null;
  return (
    <ChartCard
      title={t('dash.npsTrend')}
      testId="dash-nps"
      hint={
        n && n.nps !== null && n.interval
          ? `${t('dash.nps')} ${f.nps(n.nps)} · ${t('dash.interval95', { low: f.nps(n.interval.low), high: f.nps(n.interval.high) })} · ${t('dash.answers')}: ${f.int(n.n)}`
          : undefined
      }
      rows={n?.trend ?? []}
      columns={[
        { header: t('dash.start'), value: (p) => p.start, render: (p) => f.day(p.start) },
        { header: t('dash.answers'), value: (p) => p.n, numeric: true },
        { header: t('dash.nps'), value: (p) => p.nps, render: (p) => (p.nps === null ? '—' : f.nps(p.nps)), numeric: true },
        { header: t('dash.low'), value: (p) => range(p, 'low'), numeric: true },
        { header: t('dash.high'), value: (p) => range(p, 'high'), numeric: true },
      ]}
      empty={
        <div className="dash-nodata">
          <div className="dash-nodata-title">{t('dash.noData')}</div>
          <div className="muted small">{t('dash.npsEmpty')}</div>
        </div>
      }
    >
      {option && (
        <Suspense fallback={<Spinner />}>
          <EChart option={option} label={t('dash.npsTrend')} />
        </Suspense>
      )}
    </ChartCard>
  );
}

function SlaBody({ sla }: { sla: NonNullable<Overview['sla']> }) {
  const { t } = useI18n();
  const f = useDashFormat();
  return (
    <>
      <ShareFigure share={sla.share} interval={sla.interval} />
      <div className="small">{t('dash.slaMet', { met: f.int(sla.met), due: f.int(sla.due) })}</div>
      <div className={`small${sla.overdueNow > 0 ? ' dash-bad' : ''}`}>{t('dash.overdueNow', { n: f.int(sla.overdueNow) })}</div>
    </>
  );
}

function CasesBody({ cases }: { cases: NonNullable<Overview['cases']> }) {
  const { t } = useI18n();
  const f = useDashFormat();
  const max = Math.max(1, ...cases.byTier.map((x) => x.open));
  return (
    <>
      <div className="dash-figure">{f.int(cases.open)}</div>
      <ul className="dash-bars">
        {cases.byTier.map((x) => (
          <li key={x.tier}>
            <span className="dash-bar-label">{t(`tier.${x.tier}`)}</span>
            <span className="dash-bar-track">
              <span className={`dash-bar dash-tier-${x.tier}`} style={{ width: `${(x.open / max) * 100}%` }} />
            </span>
            <span className="dash-bar-value">{f.int(x.open)}</span>
            <span className="dash-bar-note muted small">{t('dash.casesOpened', { n: f.int(x.opened) })}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function AlertsBody({ alerts }: { alerts: NonNullable<Overview['alerts']> }) {
  const { t } = useI18n();
  const f = useDashFormat();
  return (
    <dl className="dash-counts">
      <div>
        <dt>{t('dash.alertsRaised')}</dt>
        <dd>{f.int(alerts.raised)}</dd>
      </div>
      <div>
        <dt>{t('dash.alertsOpen')}</dt>
        <dd>{f.int(alerts.open)}</dd>
      </div>
      <div>
        <dt>{t('dash.alertsUrgent')}</dt>
        <dd className={alerts.urgent > 0 ? 'dash-bad' : undefined}>{f.int(alerts.urgent)}</dd>
      </div>
    </dl>
  );
}

function FollowupsBody({ followups: x }: { followups: NonNullable<Overview['followups']> }) {
  const { t } = useI18n();
  const f = useDashFormat();
  return (
    <>
      <ShareFigure share={x.adherence} interval={x.interval} />
      <div className="small">{t('dash.followupsDone', { done: f.int(x.done), due: f.int(x.due), missed: f.int(x.missed) })}</div>
      <div className={`small${x.overdueTasks > 0 ? ' dash-bad' : ''}`}>{t('dash.tasks', { open: f.int(x.openTasks), overdue: f.int(x.overdueTasks) })}</div>
    </>
  );
}

function ReferralsBody({ referrals: r }: { referrals: NonNullable<Overview['referrals']> }) {
  const { t } = useI18n();
  const f = useDashFormat();
  const steps = [
    ['shared', r.shared],
    ['clicked', r.clicked],
    ['came', r.came],
    ['referredNext', r.referredNext],
  ] as const;
  const max = Math.max(1, r.shared);
  return (
    <ul className="dash-bars">
      {steps.map(([key, n]) => (
        <li key={key}>
          <span className="dash-bar-label">{t(`dash.ref.${key}`)}</span>
          <span className="dash-bar-track">
            <span className="dash-bar" style={{ width: `${(n / max) * 100}%` }} />
          </span>
          <span className="dash-bar-value">{f.int(n)}</span>
        </li>
      ))}
    </ul>
  );
}

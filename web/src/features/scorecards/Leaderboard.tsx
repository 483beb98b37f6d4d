import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { ChartCard, type ChartColumn } from '../../ui/ChartCard.tsx';
import { Spinner } from '../../ui/states.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { getLeaderboard, readPeriod, writePeriod, type Entry, type PeriodFilter, type Subject } from './api.ts';
import { PeriodPicker, PlaceBadge, Range, useScoreFormat } from './parts.tsx';

const hrefOf = (subject: Subject, id: string, p: PeriodFilter) => {
  const qs = new URLSearchParams(Object.entries(p).filter(([, v]) => v)).toString();
  return `/scorecards/${subject === 'staff' ? 'staff' : 'departments'}/${id}${qs ? `?${qs}` : ''}`;
};

/** The word-of-mouth star leaderboard: places as groups, every interval drawn, the evidence behind each place, who is not ranked and why. */
export function Leaderboard() {
  const { t } = useI18n();
  const f = useScoreFormat();
  const [period, setPeriod] = useState<PeriodFilter>(readPeriod);
  const [subject, setSubject] = useState<Subject>(() => (new URLSearchParams(window.location.search).get('subject') === 'department' ? 'department' : 'staff'));
  useEffect(() => writePeriod(period, { subject: subject === 'department' ? 'department' : '' }), [period, subject]);
  const board = useResource(() => getLeaderboard(subject, period), [subject, period.from, period.to]);
  const b = board.data;

  const columns: ChartColumn<Entry>[] = [
    { header: t('sc.place'), value: (e) => e.place, render: (e) => <PlaceBadge entry={e} /> },
    { header: t('sc.name'), value: (e) => e.name, render: (e) => <Link href={hrefOf(subject, e.id, period)}>{e.name}</Link> },
    { header: t('sc.score'), value: (e) => e.score?.score ?? null, numeric: true },
    { header: `${t('sc.interval')} ↓`, value: (e) => e.score?.interval.low ?? null, numeric: true },
    { header: `${t('sc.interval')} ↑`, value: (e) => e.score?.interval.high ?? null, numeric: true },
    { header: t('sc.responses'), value: (e) => e.responses, numeric: true },
    { header: t('sc.notRanked'), value: (e) => e.notRanked?.message ?? '' },
  ];

  return (
    <>
      <section className="card sc-controls">
        <Tabs
          tabs={[
            { id: 'staff', label: t('sc.subject.staff') },
            { id: 'department', label: t('sc.subject.department') },
          ]}
          current={subject}
          onSelect={setSubject}
        />
        <PeriodPicker value={period} onChange={setPeriod} />
        {b && (
          <p className="muted small">
            {t('sc.periodRange', { from: b.period.from, to: b.period.to })} · {b.groups <= 1 ? t('sc.groupsOne') : t('sc.groupsMany', { n: b.groups })}
          </p>
        )}
      </section>
      {!b ? (
        <Spinner />
      ) : (
        <ChartCard
          title={t('sc.chartTitle')}
          hint={t('sc.chartHint')}
          rows={b.entries}
          columns={columns}
          fileName="scorecards-leaderboard"
          testId="sc-leaderboard"
          empty={<p className="muted">{t('sc.noEntries')}</p>}
        >
          <ol className="sc-board">
            {b.entries.map((e) => (
              <li key={e.id} className={`sc-row${e.place === null ? ' sc-row-unranked' : ''}`} data-testid="sc-entry" data-ranked={e.place !== null}>
                <details>
                  <summary>
                    <span className="sc-row-head">
                      <PlaceBadge entry={e} />
                      <span className="sc-row-name">{e.name}</span>
                      <span className="muted small">{subject === 'staff' ? [e.detail, e.departmentName].filter(Boolean).join(' · ') : e.detail}</span>
                    </span>
                    <span className="sc-row-score">
                      {e.score ? (
                        <>
                          <Range score={e.score.score} low={e.score.interval.low} high={e.score.interval.high} muted={e.place === null} />
                          <span className="small">
                            <strong>{f(e.score.score)}</strong> <span className="muted">({t('sc.intervalRange', { low: f(e.score.interval.low), high: f(e.score.interval.high) })})</span>
                          </span>
                        </>
                      ) : (
                        <span className="muted small">{t('sc.noData')}</span>
                      )}
                      <span className="muted small">
                        {t('sc.responses')}: {e.responses}
                      </span>
                    </span>
                  </summary>
                  <Evidence entry={e} />
                  <Link className="btn btn-small" href={hrefOf(subject, e.id, period)}>
                    {t('sc.open')}
                  </Link>
                </details>
              </li>
            ))}
          </ol>
        </ChartCard>
      )}
    </>
  );
}

/** What a place rests on: each component's score and interval, the counts and a few praise quotes. */
export function Evidence({ entry }: { entry: Entry }) {
  const { t } = useI18n();
  const f = useScoreFormat();
  const c = entry.counts;
  return (
    <div className="sc-evidence">
      <ul className="sc-components">
        {(Object.keys(entry.components) as (keyof Entry['components'])[]).map((k) => {
          const s = entry.components[k];
          return (
            <li key={k}>
              <span className="sc-component-name">{t(`sc.comp.${k}` as MessageKey)}</span>
              {s ? (
                <span className="small">{`${f(s.score)} (${t('sc.intervalRange', { low: f(s.interval.low), high: f(s.interval.high) })})`}</span>
              ) : (
                <span className="muted small">{t('sc.noData')}</span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="small muted">
        {t('sc.praise')} {c.praise} · {t('sc.complaints')} {c.complaints} · {t('sc.visits')} {c.visits} · {t('sc.nps')} {c.nps.nps ?? '—'}
      </p>
      {entry.quotes.length > 0 && (
        <ul className="sc-quotes">
          {entry.quotes.map((q) => (
            <li key={q.mentionId}>“{q.text}”</li>
          ))}
        </ul>
      )}
    </div>
  );
}

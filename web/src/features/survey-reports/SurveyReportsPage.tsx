import { lazy, Suspense, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { DateField } from '../../ui/DateField.tsx';
import { Select, optionsOf } from '../../ui/Select.tsx';
import { EmptyState, Spinner } from '../../ui/states.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { getFairAsking, getSurveyReport, noFilters, readFilters, writeFilters, type ReportFilters } from './api.ts';
import { CommunicationTable, FairAskingTable, RatesTable } from './tables.tsx';
import { NpsTile, ShareTile } from './tiles.tsx';
import { useReportFormat } from './format.ts';

// ECharts loads only when the trend is drawn.
const TrendChart = lazy(() => import('./TrendChart.tsx'));

/** /survey-reports: NPS, CSAT and FFT with their intervals, the trend, communication per doctor and department, response rates and fair asking. */
export function SurveyReportsPage() {
  const { t, formatDate } = useI18n();
  const { org } = useApp();
  const f = useReportFormat();
  const [filters, setFilters] = useState<ReportFilters>(readFilters);
  const [by, setBy] = useState<'doctor' | 'department'>('doctor');
  useEffect(() => writeFilters(filters), [filters]);
  const report = useResource(() => getSurveyReport(filters), [JSON.stringify(filters)]);
  const fair = useResource(() => getFairAsking(filters), [filters.from, filters.to]);
  const set = (patch: Partial<ReportFilters>) => setFilters((old) => ({ ...old, ...patch }));
  const filtered = (Object.keys(noFilters) as (keyof ReportFilters)[]).some((k) => filters[k] !== noFilters[k]);
  const r = report.data;
  const departments = (org?.departments ?? []).filter((d) => !filters.locationId || d.locationId === filters.locationId);
  const staff = (org?.staff ?? []).filter((s) => !filters.departmentId || s.departmentId === filters.departmentId);

  return (
    <div className="page page-wide sr-page">
      <section className="card">
        <h2>{t('sr.title')}</h2>
        <form className="sr-filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <label className="sr-filter">
            <span>{t('sr.survey')}</span>
            <Select name="surveyId" value={filters.surveyId} onChange={(surveyId) => set({ surveyId })} emptyLabel={t('sr.allSurveys')} options={optionsOf(r?.surveys, (s) => s.name)} />
          </label>
          <label className="sr-filter">
            <span>{t('sr.from')}</span>
            <DateField name="from" value={filters.from} onChange={(from) => set({ from })} />
          </label>
          <label className="sr-filter">
            <span>{t('sr.to')}</span>
            <DateField name="to" value={filters.to} onChange={(to) => set({ to })} />
          </label>
          <label className="sr-filter">
            <span>{t('sr.location')}</span>
            <Select
              name="locationId"
              value={filters.locationId}
              onChange={(locationId) => set({ locationId, departmentId: '', staffId: '' })}
              emptyLabel={t('sr.all')}
              options={optionsOf(org?.locations, (l) => l.name)}
            />
          </label>
          <label className="sr-filter">
            <span>{t('sr.department')}</span>
            <Select
              name="departmentId"
              value={filters.departmentId}
              onChange={(departmentId) => set({ departmentId, staffId: '' })}
              emptyLabel={t('sr.all')}
              options={optionsOf(departments, (d) => d.name)}
            />
          </label>
          <label className="sr-filter">
            <span>{t('sr.doctor')}</span>
            <Select name="staffId" value={filters.staffId} onChange={(staffId) => set({ staffId })} emptyLabel={t('sr.all')} options={optionsOf(staff, (s) => s.name)} />
          </label>
          <label className="sr-filter">
            <span>{t('sr.interval')}</span>
            <Select
              name="interval"
              value={filters.interval}
              onChange={(interval) => set({ interval })}
              options={[
                { value: 'week', label: t('sr.interval.week') },
                { value: 'month', label: t('sr.interval.month') },
              ]}
            />
          </label>
          {filtered && (
            <button type="button" className="btn btn-small" onClick={() => setFilters(noFilters)}>
              {t('sr.clear')}
            </button>
          )}
        </form>
        {r && (
          <p className="muted small" data-testid="sr-period">
            {t('sr.period', { from: formatDate(r.period.from, false), to: formatDate(r.period.to, false), n: f.int(r.responses) })}
          </p>
        )}
        {!r ? (
          <Spinner />
        ) : (
          <div className="sr-tiles">
            <NpsTile nps={r.nps} min={r.minAnswers} />
            <ShareTile label={t('sr.csat')} hint={t('sr.csatHint', { mean: r.csat.mean === null ? t('sr.none') : f.mean(r.csat.mean) })} share={r.csat} min={r.minAnswers} testId="sr-csat" />
            <ShareTile label={t('sr.fft')} hint={t('sr.fftHint')} share={r.fft} min={r.minAnswers} testId="sr-fft" />
          </div>
        )}
      </section>

      <section className="card">
        <h3>{t('sr.trend')}</h3>
        {!r ? (
          <Spinner />
        ) : r.trend.length === 0 ? (
          <EmptyState title={t('sr.trendEmpty')} />
        ) : (
          <Suspense fallback={<Spinner />}>
            <TrendChart trend={r.trend} min={r.minAnswers} />
          </Suspense>
        )}
      </section>

      <section className="card">
        <h3>{t('sr.communication')}</h3>
        <p className="muted small">{t('sr.communicationHint', { min: r?.minAnswers ?? 10 })}</p>
        <Tabs
          current={by}
          onSelect={setBy}
          tabs={[
            { id: 'doctor', label: t('sr.byDoctor') },
            { id: 'department', label: t('sr.byDepartment') },
          ]}
        />
        <CommunicationTable rows={r ? (by === 'doctor' ? r.communication.byStaff : r.communication.byDepartment) : null} testId={`sr-comm-${by}`} />
      </section>

      <div className="sr-columns">
        <section className="card">
          <h3>{t('sr.rates')}</h3>
          {r ? <RatesTable rates={r.responseRates} /> : <Spinner />}
        </section>
        <section className="card">
          <h3>{t('sr.fair')}</h3>
          <FairAskingTable fair={fair.data} />
        </section>
      </div>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useNotices } from '../../lib/notices.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { defaultMinSample, defaultScoreWeights, scoreComponents, type ScoreComponent } from '../../lib/vocab.ts';
import { FormError } from '../../ui/FormError.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getSettings, importIndicators, listIndicators, saveSettings, type IndicatorImport, type StoredIndicator } from './api.ts';

/** For managers: the indicator import with its accepted and rejected rows, the stored indicators, and the weights. */
export function ManagePanel() {
  return (
    <>
      <ImportCard />
      <WeightsCard />
    </>
  );
}

function ImportCard() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<IndicatorImport | null>(null);
  const submit = useSubmit('invalid');
  const stored = useResource(listIndicators, [], { fallback: [] });
  return (
    <section className="card">
      <h3>{t('sc.import')}</h3>
      <p className="muted small">{t('sc.importHint')}</p>
      <form
        className="sc-import"
        onSubmit={submit.submit(async () => {
          if (!file) return;
          setReport(await importIndicators(file));
          await stored.reload();
        })}
      >
        <label className="sc-filter">
          <span>{t('sc.file')}</span>
          <input type="file" name="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button className="btn btn-primary" type="submit" disabled={!file || submit.busy}>
          {t('sc.upload')}
        </button>
      </form>
      <FormError error={submit.error} />
      {report && (
        <div className="sc-import-report" data-testid="sc-import-report">
          <p>
            <span className="badge badge-positive">{t('sc.accepted', { n: report.accepted })}</span>{' '}
            {report.rejected.length > 0 && <span className="badge badge-negative">{t('sc.rejectedN', { n: report.rejected.length })}</span>}
          </p>
          {report.rejected.length > 0 && (
            <RecordTable
              items={report.rejected}
              compact
              emptyTitle=""
              rowKey={(r, i) => `${r.row}-${i}`}
              columns={[
                { header: t('sc.row'), render: (r) => r.row, className: 'num' },
                { header: t('sc.column'), render: (r) => r.column ?? '—' },
                { header: t('sc.reason'), render: (r) => r.reason },
              ]}
            />
          )}
        </div>
      )}
      <h4>{t('sc.stored')}</h4>
      <RecordTable<StoredIndicator>
        items={stored.data?.slice(0, 100) ?? null}
        compact
        emptyTitle={t('sc.noIndicators')}
        columns={[
          { header: t('sc.period'), render: (i) => `${i.periodStart} – ${i.periodEnd}`, cellClassName: 'nowrap' },
          { header: t('sc.department'), render: (i) => i.departmentName ?? '—' },
          { header: t('sc.name'), render: (i) => i.staffName ?? '—' },
          { header: t('sc.indicator'), render: (i) => t(`sc.ind.${i.indicator}`) },
          { header: t('sc.events'), render: (i) => i.events, className: 'num' },
          { header: t('sc.exposures'), render: (i) => i.exposures, className: 'num' },
        ]}
      />
    </section>
  );
}

function WeightsCard() {
  const { t, formatNumber } = useI18n();
  const { notify } = useNotices();
  const settings = useResource(getSettings, []);
  const [weights, setWeights] = useState<Record<ScoreComponent, string> | null>(null);
  const [minSample, setMinSample] = useState('');
  const submit = useSubmit('invalid');
  useEffect(() => {
    if (!settings.data) return;
    setWeights(Object.fromEntries(scoreComponents.map((c) => [c, String(settings.data!.weights[c])])) as Record<ScoreComponent, string>);
    setMinSample(String(settings.data.minSample));
  }, [settings.data]);
  if (!weights) return <Spinner />;
  const numbers = Object.fromEntries(scoreComponents.map((c) => [c, Number(weights[c])])) as Record<ScoreComponent, number>;
  const total = scoreComponents.reduce((a, c) => a + (Number.isFinite(numbers[c]) ? numbers[c] : 0), 0);
  const qualityShare = total > 0 ? (numbers.quality + numbers.safety) / total : 0;
  return (
    <section className="card">
      <h3>{t('sc.weights')}</h3>
      <p className="muted small">{t('sc.weightsHint')}</p>
      <form
        className="sc-weights"
        onSubmit={submit.submit(async () => {
          await saveSettings({ weights: numbers, minSample: Number(minSample) });
          await settings.reload();
          notify(t('sc.saved'));
        })}
      >
        {scoreComponents.map((c) => (
          <label key={c} className="sc-filter">
            <span>{t(`sc.comp.${c}` as MessageKey)}</span>
            <input type="number" name={`weight-${c}`} min={0} step="any" required value={weights[c]} onChange={(e) => setWeights({ ...weights, [c]: e.target.value })} />
          </label>
        ))}
        <label className="sc-filter">
          <span>{t('sc.minSample')}</span>
          <input type="number" name="minSample" min={1} max={10000} step={1} required value={minSample} onChange={(e) => setMinSample(e.target.value)} />
        </label>
        <p className={`small ${qualityShare > 0.5 ? 'muted' : 'sc-warn'}`}>{t('sc.qualityShare', { share: formatNumber(qualityShare, { style: 'percent', maximumFractionDigits: 0 }) })}</p>
        <FormError error={submit.error} />
        <div className="sc-actions">
          <button className="btn btn-primary" type="submit" disabled={submit.busy}>
            {t('sc.save')}
          </button>
          <button
            className="btn"
            type="button"
            onClick={() => {
              setWeights(Object.fromEntries(scoreComponents.map((c) => [c, String(defaultScoreWeights[c])])) as Record<ScoreComponent, string>);
              setMinSample(String(defaultMinSample));
            }}
          >
            {t('sc.resetDefaults')}
          </button>
        </div>
      </form>
    </section>
  );
}

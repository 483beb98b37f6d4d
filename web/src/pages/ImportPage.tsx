import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { EmptyState, Spinner } from '../components/ui.tsx';
import { mappingFields, type ImportPreview, type ImportRun, type MappingField, type Source } from '../types.ts';

type Mapping = Partial<Record<MappingField, string>>;

export function ImportPage() {
  const { t, formatNumber } = useI18n();
  const { reportError } = useApp();
  const [sources, setSources] = useState<Source[]>([]);
  const [sourceId, setSourceId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [previewing, setPreviewing] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ImportRun | null>(null);
  const [runs, setRuns] = useState<ImportRun[] | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const loadRuns = useCallback(async () => {
    try {
      setRuns((await api<{ items: ImportRun[] }>('/api/imports')).items);
    } catch (error) {
      reportError(error);
      setRuns([]);
    }
  }, [reportError]);

  useEffect(() => {
    void loadRuns();
    api<{ items: Source[] }>('/api/sources')
      .then((res) => setSources(res.items.filter((s) => s.kind === 'file' || s.kind === 'manual')))
      .catch(() => setSources([]));
  }, [loadRuns]);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setResult(null);
    if (!chosen) return;
    setPreviewing(true);
    try {
      const form = new FormData();
      form.append('file', chosen);
      const res = await api<ImportPreview>('/api/imports/preview', { method: 'POST', form });
      setPreview(res);
      setMapping(res.mapping ?? {});
    } catch (error) {
      reportError(error);
    } finally {
      setPreviewing(false);
    }
  };

  const run = async () => {
    if (!file) return;
    setRunning(true);
    try {
      const form = new FormData();
      if (sourceId) form.append('sourceId', sourceId);
      if (preview?.format) form.append('format', preview.format);
      const chosen = Object.fromEntries(Object.entries(mapping).filter(([, column]) => column));
      // The server infers the same mapping it proposed; send one only when the user changed it.
      if (!sameMapping(chosen, preview?.mapping ?? {})) form.append('mapping', JSON.stringify(chosen));
      form.append('file', file); // last, so the server has every other field before the stream
      let importRun = await api<ImportRun>('/api/imports', { method: 'POST', form });
      // Large files may be processed in the background: poll until the run settles.
      while (importRun.status === 'running') {
        await new Promise((resolve) => window.setTimeout(resolve, 1000));
        importRun = await api<ImportRun>(`/api/imports/${encodeURIComponent(importRun.id)}`);
      }
      setResult(importRun);
      void loadRuns();
    } catch (error) {
      reportError(error);
    } finally {
      setRunning(false);
    }
  };

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setMapping({});
    if (fileInput.current) fileInput.current.value = '';
  };

  const sampleColumns = preview?.columns ?? [];

  return (
    <div className="page">
      <section className="card">
        <h2>{t('import.title')}</h2>
        <p className="muted">{t('import.intro')}</p>
        <div className="form-row">
          <label className="field">
            <span>{t('import.source')}</span>
            <select name="sourceId" value={sourceId} onChange={(e) => setSourceId(e.target.value)} disabled={running}>
              <option value="">{t('import.defaultSource')}</option>
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('import.file')}</span>
            <span className="file-picker">
              <input
                ref={fileInput}
                type="file"
                name="file"
                className="file-input"
                accept=".csv,.tsv,.xlsx,.json,.jsonl,.ndjson,text/csv,application/json"
                disabled={running}
                onChange={(e) => void choose(e.target.files?.[0] ?? null)}
              />
              <span className="btn" aria-hidden="true">
                {t('import.chooseFile')}
              </span>
              <span className={file ? 'file-name' : 'file-name muted'}>{file?.name ?? t('import.noFile')}</span>
            </span>
          </label>
        </div>
        {previewing && <Spinner label={t('import.previewing')} />}
      </section>

      {preview && !result && (
        <section className="card" data-testid="import-preview">
          <div className="card-head">
            <h2>{t('import.mapping')}</h2>
            <span className="badge badge-lang">
              {t('import.format')}: {preview.format.toUpperCase()}
            </span>
          </div>
          <p className="muted">{t('import.mappingHint')}</p>
          <div className="mapping-grid">
            {mappingFields.map((field) => (
              <label key={field} className={`field${field === 'text' ? ' field-required' : ''}`}>
                <span>{t(`field.${field}` as MessageKey)}</span>
                <select
                  name={`mapping.${field}`}
                  value={mapping[field] ?? ''}
                  onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value }))}
                >
                  <option value="">{t('import.notMapped')}</option>
                  {preview.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>

          {preview.rejected && preview.rejected.length > 0 && (
            <div className="form-error">
              {preview.rejected.map((r) => (
                <div key={r.row}>
                  {t('import.row')} {r.row}: {r.reason}
                </div>
              ))}
            </div>
          )}
          <h3>{t('import.sample')}</h3>
          <div className="table-wrap">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t('import.row')}</th>
                  {sampleColumns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((s) => (
                  <tr key={s.row}>
                    <td className="num">{s.row}</td>
                    {sampleColumns.map((c) => (
                      <td key={c} className="cell-clip" title={cellText(s.fields[c])}>
                        {cellText(s.fields[c])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button type="button" className="btn" onClick={reset} disabled={running}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void run()}
              disabled={running || !mapping.text}
            >
              {running ? t('import.running') : t('import.run')}
            </button>
          </div>
        </section>
      )}

      {result && (
        <section className="card" data-testid="import-result">
          <div className="card-head">
            <h2>{t('import.result')}</h2>
            <span className={`badge badge-run-${result.status}`}>{t(`import.status.${result.status}`)}</span>
          </div>
          {result.error && <div className="form-error">{result.error}</div>}
          <div className="stat-row">
            <Stat label={t('import.accepted')} value={formatNumber(result.accepted)} tone="good" testId="accepted" />
            <Stat label={t('import.duplicates')} value={formatNumber(result.duplicates)} testId="duplicates" />
            <Stat label={t('import.updated')} value={formatNumber(result.updated)} testId="updated" />
            <Stat
              label={t('import.rejected')}
              value={formatNumber(result.rejectedCount)}
              tone={result.rejectedCount > 0 ? 'bad' : undefined}
              testId="rejected"
            />
          </div>
          <h3>{t('import.rejectedRows')}</h3>
          {result.rejected.length === 0 ? (
            <p className="muted">{t('import.noRejected')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th className="num col-narrow">{t('import.row')}</th>
                    <th>{t('import.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejected.map((r, i) => (
                    <tr key={`${r.row}-${i}`}>
                      <td className="num">{r.row}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="btn" onClick={reset}>
              {t('import.another')}
            </button>
          </div>
        </section>
      )}

      <section className="card">
        <h2>{t('import.history')}</h2>
        {runs === null ? (
          <Spinner />
        ) : runs.length === 0 ? (
          <EmptyState title={t('import.noRuns')} />
        ) : (
          <RunTable runs={runs} />
        )}
      </section>
    </div>
  );
}

function sameMapping(a: Mapping, b: Mapping): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as MappingField[]);
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function Stat({ label, value, tone, testId }: { label: string; value: string; tone?: 'good' | 'bad'; testId: string }) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`} data-testid={`stat-${testId}`}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

function RunTable({ runs }: { runs: ImportRun[] }) {
  const { t, formatDate, formatNumber } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{t('import.started')}</th>
            <th>{t('import.fileName')}</th>
            <th>{t('import.source')}</th>
            <th>{t('import.runStatus')}</th>
            <th className="num">{t('import.accepted')}</th>
            <th className="num">{t('import.duplicates')}</th>
            <th className="num">{t('import.updated')}</th>
            <th className="num">{t('import.rejected')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{formatDate(r.startedAt)}</td>
              <td className="cell-clip" title={r.fileName ?? undefined}>
                {r.fileName ?? <span className="muted">{r.channel ?? t('common.none')}</span>}
              </td>
              <td>{r.sourceName ?? t('common.none')}</td>
              <td>
                <span className={`badge badge-run-${r.status}`} title={r.error ?? undefined}>
                  {t(`import.status.${r.status}`)}
                </span>
              </td>
              <td className="num">{formatNumber(r.accepted)}</td>
              <td className="num">{formatNumber(r.duplicates)}</td>
              <td className="num">{formatNumber(r.updated)}</td>
              <td className="num">{formatNumber(r.rejectedCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

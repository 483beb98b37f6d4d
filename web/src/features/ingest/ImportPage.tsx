import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Field } from '../../ui/Field.tsx';
import { Select, optionsOf } from '../../ui/Select.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getImport, listImports, listSources, previewImport, startImport } from './api.ts';
import { ImportHistory, ImportResultCard } from './ImportResultCard.tsx';
import { ImportPreviewCard, sameMapping, type Mapping } from './ImportPreviewCard.tsx';
import type { ImportPreview, ImportRun } from './types.ts';
import { useApp } from '../../lib/app-context.tsx';
import { useSourceWords } from './source-name.ts';

export function ImportPage() {
  const { t } = useI18n();
  const runs = useResource(() => listImports().then((res) => res.items), [], { fallback: [] });
  const sources = useResource(() => listSources().then((res) => res.items.filter((s) => s.kind === 'file' || s.kind === 'manual')), [], {
    fallback: [],
    quiet: true,
  });
  const { org } = useApp();
  const { sourceName } = useSourceWords();
  const [sourceId, setSourceId] = useState('');
  const [locationId, setLocationId] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const departments = org?.departments.filter((d) => !locationId || !d.locationId || d.locationId === locationId) ?? [];
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [result, setResult] = useState<ImportRun | null>(null);
  const previewing = useSubmit();
  const running = useSubmit();
  const fileInput = useRef<HTMLInputElement>(null);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setResult(null);
    if (!chosen) return;
    await previewing.run(async () => {
      const form = new FormData();
      if (sourceId) form.append('sourceId', sourceId);
      form.append('file', chosen);
      const res = await previewImport(form);
      setPreview(res);
      setMapping(res.mapping ?? {});
    });
  };

  const run = () =>
    running.run(async () => {
      if (!file) return;
      const form = new FormData();
      if (sourceId) form.append('sourceId', sourceId);
      if (preview?.format) form.append('format', preview.format);
      if (locationId) form.append('locationId', locationId);
      if (departmentId) form.append('departmentId', departmentId);
      const chosen = Object.fromEntries(Object.entries(mapping).filter(([, column]) => column));
      // The server infers the same mapping it proposed; send one only when the user changed it.
      if (!sameMapping(chosen, preview?.mapping ?? {})) form.append('mapping', JSON.stringify(chosen));
      form.append('file', file); // last, so the server has every other field before the stream
      let importRun = await startImport(form);
      // Large files may be processed in the background: poll until the run settles.
      while (importRun.status === 'running') {
        await new Promise((resolve) => window.setTimeout(resolve, 1000));
        importRun = await getImport(importRun.id);
      }
      setResult(importRun);
      void runs.reload();
    });

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setMapping({});
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <div className="page">
      <section className="card">
        <h2>{t('import.title')}</h2>
        <p className="muted">{t('import.intro')}</p>
        <div className="form-row">
          <Field label={t('import.source')}>
            <Select
              name="sourceId"
              value={sourceId}
              onChange={setSourceId}
              disabled={running.busy}
              emptyLabel={t('import.defaultSource')}
              options={optionsOf(sources.data, (s) => sourceName(s.name, s.builtIn))}
            />
          </Field>
          <Field label={t('import.defaultLocation')}>
            <Select name="locationId" value={locationId} onChange={setLocationId} disabled={running.busy} emptyLabel={t('import.noDefault')} options={optionsOf(org?.locations, (l) => l.name)} />
          </Field>
          <Field label={t('import.defaultDepartment')}>
            <Select name="departmentId" value={departmentId} onChange={setDepartmentId} disabled={running.busy} emptyLabel={t('import.noDefault')} options={optionsOf(departments, (d) => d.name)} />
          </Field>
          <Field label={t('import.file')}>
            <span className="file-picker">
              <input
                ref={fileInput}
                type="file"
                name="file"
                className="file-input"
                accept=".csv,.tsv,.xlsx,.json,.jsonl,.ndjson,text/csv,application/json"
                disabled={running.busy}
                onChange={(e) => void choose(e.target.files?.[0] ?? null)}
              />
              <span className="btn" aria-hidden="true">
                {t('import.chooseFile')}
              </span>
              <span className={file ? 'file-name' : 'file-name muted'}>{file?.name ?? t('import.noFile')}</span>
            </span>
          </Field>
        </div>
        {previewing.busy && <Spinner label={t('import.previewing')} />}
      </section>

      {preview && !result && <ImportPreviewCard preview={preview} mapping={mapping} onMapping={setMapping} running={running.busy} onCancel={reset} onRun={() => void run()} />}

      {result && <ImportResultCard result={result} onAnother={reset} />}

      <section className="card">
        <h2>{t('import.history')}</h2>
        <ImportHistory runs={runs.data} />
      </section>
    </div>
  );
}

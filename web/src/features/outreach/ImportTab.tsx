import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { importFormats } from '../../lib/vocab.ts';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { Stat } from '../../ui/Stat.tsx';
import { importVisits, type ImportReport } from './api.ts';

/** Upload a visit file (CSV, FHIR R4, HL7 v2) and read what became of each row. */
export function ImportTab() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<(typeof importFormats)[number] | ''>('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const { busy, error, submit } = useSubmit('all');
  return (
    <section className="card" data-testid="or-import">
      <h2>{t('or.importTitle')}</h2>
      <p className="muted small">{t('or.importHint')}</p>
      <form
        className="or-import-form"
        onSubmit={submit(async () => {
          if (!file) return;
          setReport(await importVisits(file, format));
        })}
      >
        <Field label={t('or.file')}>
          <input type="file" name="file" required accept=".csv,.txt,.json,.hl7,.er7,text/csv,application/json,application/fhir+json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Field label={t('or.format')}>
          <EnumSelect name="format" values={importFormats} labelOf={(f) => t(`or.format.${f}`)} value={format} onChange={setFormat} emptyLabel={t('or.detect')} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !file}>
            {t('or.upload')}
          </button>
        </div>
        <FormError error={error} />
      </form>
      {report && (
        <div className="or-report" data-testid="or-report">
          <div className="or-stats">
            <Stat label={t('or.accepted')} value={report.accepted} tone="good" />
            <Stat label={t('or.duplicates')} value={report.duplicates} />
            <Stat label={t('or.rejected')} value={report.rejected.length} tone={report.rejected.length ? 'bad' : undefined} />
            <Stat label={t('or.patientsCreated')} value={report.patientsCreated} />
            <Stat label={t('or.scheduled')} value={report.invitations.scheduled} />
            <Stat label={t('or.skipped')} value={report.invitations.skipped} />
          </div>
          <RecordTable
            items={report.rejected}
            testId="or-rejected"
            compact
            rowKey={(r, i) => `${r.where}-${i}`}
            emptyTitle={t('or.noRejected')}
            columns={[
              { header: t('or.where'), cellClassName: 'nowrap', render: (r) => r.where },
              { header: t('or.visitId'), cellClassName: 'nowrap', render: (r) => r.visitId ?? '—' },
              { header: t('or.reason'), render: (r) => r.reason },
            ]}
          />
        </div>
      )}
    </section>
  );
}

import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { mappingFields, type MappingField } from '../../lib/vocab.ts';
import { FormError } from '../../ui/FormError.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { Select } from '../../ui/Select.tsx';
import type { ImportPreview } from './types.ts';

export type Mapping = Partial<Record<MappingField, string>>;

export function sameMapping(a: Mapping, b: Mapping): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as MappingField[]);
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

interface Props {
  preview: ImportPreview;
  mapping: Mapping;
  onMapping(next: Mapping): void;
  running: boolean;
  onCancel(): void;
  onRun(): void;
}

/** The file's format, which column feeds each field, and its first rows. */
export function ImportPreviewCard({ preview, mapping, onMapping, running, onCancel, onRun }: Props) {
  const { t, formatNumber } = useI18n();
  const columns = preview.columns;
  return (
    <section className="card" data-testid="import-preview">
      <div className="card-head">
        <h2>{t('import.mapping')}</h2>
        <span className="badge badge-lang">
          {t('import.format')}: {preview.format.toUpperCase()}
        </span>
      </div>
      {preview.alreadyInVerity > 0 && (
        <p className="warning-text" role="status" data-testid="import-already-in">
          ⚠ {t('import.alreadyIn', { n: formatNumber(preview.alreadyInVerity), checked: formatNumber(preview.rowsChecked) })}
        </p>
      )}
      <p className="muted">{t('import.mappingHint')}</p>
      <div className="mapping-grid">
        {mappingFields.map((field) => (
          <label key={field} className={`field${field === 'text' ? ' field-required' : ''}`}>
            <span>{t(`field.${field}` as MessageKey)}</span>
            <Select
              name={`mapping.${field}`}
              value={mapping[field] ?? ''}
              onChange={(column) => onMapping({ ...mapping, [field]: column })}
              emptyLabel={t('import.notMapped')}
              options={columns.map((c) => ({ value: c, label: c }))}
            />
          </label>
        ))}
      </div>

      {preview.rejected.length > 0 && (
        <FormError>
          {preview.rejected.map((r) => (
            <div key={r.row}>
              {t('import.row')} {r.row}: {r.reason}
            </div>
          ))}
        </FormError>
      )}
      <h3>{t('import.sample')}</h3>
      <RecordTable
        items={preview.sample}
        compact
        emptyTitle=""
        rowKey={(s) => String(s.row)}
        columns={[
          { header: t('import.row'), cellClassName: 'num', render: (s) => s.row },
          ...columns.map((c) => ({
            header: c,
            cellClassName: 'cell-clip',
            title: (s: ImportPreview['sample'][number]) => cellText(s.fields[c]),
            render: (s: ImportPreview['sample'][number]) => cellText(s.fields[c]),
          })),
        ]}
      />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel} disabled={running}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onRun} disabled={running || !mapping.text}>
          {running ? t('import.running') : t('import.run')}
        </button>
      </div>
    </section>
  );
}

import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { Select, optionsOf } from '../../ui/Select.tsx';
import { setSourceDefaults } from './api.ts';
import { useSourceWords } from './source-name.ts';
import type { Source } from './types.ts';

/** A source's default location and department, given to its mentions that name none. */
export function SourceDefaultsDialog({ source, onClose, onSaved }: { source: Source; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { org, notify } = useApp();
  const { sourceName } = useSourceWords();
  const [locationId, setLocationId] = useState(source.defaultLocationId ?? '');
  const [departmentId, setDepartmentId] = useState(source.defaultDepartmentId ?? '');
  const [competitor, setCompetitor] = useState(source.competitor ?? '');
  const { busy, error, submit } = useSubmit('all');
  const departments = org?.departments.filter((d) => !locationId || !d.locationId || d.locationId === locationId) ?? [];
  const save = async () => {
    await setSourceDefaults(source.id, { defaultLocationId: locationId || null, defaultDepartmentId: departmentId || null, competitor: competitor.trim() || null });
    notify(t('sources.defaultsSaved'));
    onSaved();
    onClose();
  };
  return (
    <FormDialog
      title={`${t('sources.defaults')}: ${sourceName(source.name, source.builtIn)}`}
      onClose={onClose}
      onSubmit={submit(save)}
      submitLabel={t('sources.defaultsSave')}
      busy={busy}
      error={error}
    >
      <p className="muted small">{t('sources.defaultsHint')}</p>
      <Field label={t('import.defaultLocation')}>
        <Select name="defaultLocationId" value={locationId} onChange={setLocationId} emptyLabel={t('import.noDefault')} options={optionsOf(org?.locations, (l) => l.name)} />
      </Field>
      <Field label={t('import.defaultDepartment')}>
        <Select name="defaultDepartmentId" value={departmentId} onChange={setDepartmentId} emptyLabel={t('import.noDefault')} options={optionsOf(departments, (d) => d.name)} />
      </Field>
      <Field label={t('sources.competitor')} optional>
        <input name="competitor" maxLength={200} value={competitor} onChange={(e) => setCompetitor(e.target.value)} />
      </Field>
    </FormDialog>
  );
}

import { useState } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import { useApp } from '../../../lib/app-context.tsx';
import { useResource } from '../../../lib/use-resource.ts';
import { useSubmit } from '../../../lib/use-submit.ts';
import { Field } from '../../../ui/Field.tsx';
import { FieldButton } from '../../../ui/FormActions.tsx';
import { EmptyState, Spinner } from '../../../ui/states.tsx';
import { addRootCause, listRootCauses } from '../api.ts';

/** The organisation's list of root causes a case closes with. */
export function RootCausesCard() {
  const { t } = useI18n();
  const { notify } = useApp();
  const causes = useResource(listRootCauses, [], { fallback: [] });
  const [label, setLabel] = useState('');
  const { submit } = useSubmit();
  const items = causes.data;

  const add = async () => {
    await addRootCause(label.trim());
    notify(t('common.saved'));
    setLabel('');
    await causes.reload();
  };

  return (
    <section className="card">
      <h2>{t('caseSettings.rootCauses')}</h2>
      {items === null ? (
        <Spinner />
      ) : items.length === 0 ? (
        <EmptyState title={t('settings.empty')} />
      ) : (
        <div className="chip-row root-causes">
          {items.map((x) => (
            <span key={x.id} className={`chip${x.active ? '' : ' muted'}`}>
              {x.label}
            </span>
          ))}
        </div>
      )}
      <form className="form-row add-row" onSubmit={submit(add)}>
        <Field label={t('caseSettings.newRootCause')}>
          <input name="rootCauseLabel" required value={label} onChange={(e) => setLabel(e.target.value)} />
        </Field>
        <FieldButton label={t('common.add')} />
      </form>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { addMentionToCase, findOpenCases, type CaseChoice } from './api.ts';
import type { Mention } from './types.ts';

/** "Add to case…": pick an open case by its number or title and link the mention to it. */
export function AddToCaseDialog({ mention, onClose, onAdded }: { mention: Mention; onClose(): void; onAdded(): void }) {
  const { t } = useI18n();
  const { notify } = useApp();
  const [q, setQ] = useState('');
  const [choices, setChoices] = useState<CaseChoice[] | null>(null);
  const [chosen, setChosen] = useState<CaseChoice | null>(null);
  const { busy, error, submit } = useSubmit('all');

  useEffect(() => {
    let stale = false;
    const timer = window.setTimeout(() => {
      findOpenCases(q)
        .then((res) => !stale && setChoices(res.items))
        .catch(() => !stale && setChoices([]));
    }, 250);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [q]);

  const add = async () => {
    if (!chosen) return;
    await addMentionToCase(chosen.id, mention.id);
    notify(t('addToCase.added', { number: chosen.number }));
    onAdded();
    onClose();
  };

  return (
    <FormDialog title={t('addToCase.title')} onClose={onClose} onSubmit={submit(add)} submitLabel={t('addToCase.submit')} busy={busy} disabled={!chosen} error={error}>
      <Field label={t('addToCase.search')}>
        <input name="caseSearch" type="search" value={q} autoFocus onChange={(e) => setQ(e.target.value)} />
      </Field>
      <ul className="case-choices" aria-label={t('addToCase.search')}>
        {choices?.length === 0 && <li className="muted small">{t('addToCase.none')}</li>}
        {choices?.map((c) => (
          <li key={c.id}>
            <button type="button" aria-pressed={chosen?.id === c.id} className={`case-choice${chosen?.id === c.id ? ' selected' : ''}`} onClick={() => setChosen(c)}>
              <span className="strong">#{c.number}</span> {c.title}
            </button>
          </li>
        ))}
      </ul>
    </FormDialog>
  );
}

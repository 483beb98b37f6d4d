import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { handlingTypes, type HandlingType } from '../../lib/vocab.ts';
import { Field } from '../../ui/Field.tsx';
import { FieldButton } from '../../ui/FormActions.tsx';
import { RecordList } from '../../ui/RecordList.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { caseCommand, type CaseCommandBody } from './api.ts';
import type { CaseDetail } from './types.ts';

/** What was done for the patient: apology, compensation, rectification. */
export function HandlingSection({ detail, onChanged }: { detail: CaseDetail; onChanged(): Promise<void> }) {
  const { t, formatDate, formatNumber } = useI18n();
  const { can, notify } = useApp();
  const [type, setType] = useState<HandlingType>('apology');
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const { busy, submit } = useSubmit();

  const add = async () => {
    const body: CaseCommandBody<'handling'> = { type, note: note.trim() };
    if (type === 'compensation' && amount.trim()) body.amount = Number(amount);
    await caseCommand(detail.case.id, 'handling', body);
    notify(t('common.saved'));
    setNote('');
    setAmount('');
    await onChanged();
  };

  return (
    <section className="card">
      <h2>{t('handling.title')}</h2>
      <RecordList items={detail.handling} empty={<p className="muted">{t('handling.empty')}</p>}>
        {(h) => (
          <>
            <span className="badge">{t(`handling.${h.type}`)}</span> {h.note}
            {h.amount !== null && h.amount !== undefined && <span className="strong"> · {formatNumber(h.amount)}</span>}
            <span className="muted small"> · {formatDate(h.at)}</span>
          </>
        )}
      </RecordList>
      {can('cases.work') && detail.case.status !== 'closed' && (
        <form className="form-row handling-form" onSubmit={submit(add)}>
          <Field label={t('handling.type')} width="narrow">
            <EnumSelect name="handlingType" values={handlingTypes} labelOf={(x) => t(`handling.${x}`)} value={type} onChange={setType} />
          </Field>
          <Field label={t('handling.note')}>
            <input name="handlingNote" required value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          {type === 'compensation' && (
            <Field label={t('handling.amount')} width="narrow">
              <input name="handlingAmount" type="number" min="0" step="0.01" value={amount} onChange={(e) => setAmount(e.target.value)} />
            </Field>
          )}
          <FieldButton label={t('common.add')} busy={busy} />
        </form>
      )}
    </section>
  );
}

import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { Select, optionsOf } from '../../ui/Select.tsx';
import { caseCommand, closeCase, listRootCauses } from './api.ts';

interface DialogProps {
  caseId: string;
  onClose(): void;
  onDone(): Promise<void>;
}

/** Closing needs a root cause (and the server checks there is an action); a refusal is said in the dialog. */
export function CloseDialog({ caseId, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const { notify } = useApp();
  const causes = useResource(() => listRootCauses().then((all) => all.filter((x) => x.active)), [], { fallback: [] });
  const [rootCauseId, setRootCauseId] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, submit } = useSubmit('refused');

  const close = async () => {
    await closeCase(caseId, { rootCauseId: rootCauseId || undefined, note: note.trim() || undefined });
    notify(t('case.closedNotice'));
    onClose();
    await onDone();
  };

  return (
    <FormDialog title={t('case.closeTitle')} onClose={onClose} onSubmit={submit(close)} submitLabel={t('case.close')} busy={busy} error={error}>
      <Field label={t('case.rootCause')}>
        <Select name="rootCauseId" value={rootCauseId} onChange={setRootCauseId} emptyLabel={t('case.chooseRootCause')} options={optionsOf(causes.data, (x) => x.label)} />
      </Field>
      <Field label={t('case.lessons')}>
        <textarea name="closeNote" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <p className="muted small">{t('case.closeHint')}</p>
    </FormDialog>
  );
}

export function ReopenDialog({ caseId, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const { error, submit } = useSubmit('refused');

  const reopen = async () => {
    await caseCommand(caseId, 'reopen', { note: note.trim() });
    onClose();
    await onDone();
  };

  return (
    <FormDialog title={t('case.reopen')} onClose={onClose} onSubmit={submit(reopen)} submitLabel={t('case.reopen')} error={error}>
      <Field label={t('case.reopenReason')}>
        <textarea name="reopenNote" rows={3} required value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </FormDialog>
  );
}

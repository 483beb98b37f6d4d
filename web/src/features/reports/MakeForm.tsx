import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { DateField } from '../../ui/DateField.tsx';
import { CheckField, Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { InlineForm } from '../../ui/InlineForm.tsx';
import { makeReportNow, type Schedule } from './api.ts';

/** "Make now": a report of the schedule for the period containing a day (or the last ended one), sent at once if asked. */
export function MakeForm({ schedule, onDone }: { schedule: Schedule; onDone(made: boolean): Promise<void> }) {
  const { t } = useI18n();
  const { notify } = useApp();
  const [day, setDay] = useState('');
  const [send, setSend] = useState(false);
  const { busy, error, submit } = useSubmit('invalid');

  const make = async () => {
    await makeReportNow(schedule.id, { ...(day ? { day } : {}), send });
    notify(t('rep.made'));
    await onDone(true);
  };

  return (
    <InlineForm title={`${t('rep.makeTitle')}: ${t(`rep.cadence.${schedule.cadence}`)}`} error={error} onSubmit={submit(make)} testId="make-form">
      <div className="form-grid">
        <Field label={t('rep.makeDay')} hint={t('rep.makeDayHint')} optional>
          <DateField name="day" value={day} onChange={setDay} />
        </Field>
        <CheckField name="send" label={t('rep.makeSend')} checked={send} onChange={setSend} />
      </div>
      <FormActions submitLabel={t('rep.make')} onCancel={() => void onDone(false)} busy={busy} />
    </InlineForm>
  );
}

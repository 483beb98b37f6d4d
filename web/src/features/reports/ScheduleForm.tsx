import { useState } from 'react';
import { locales, useI18n, type Locale } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { reportCadences, type ReportCadence } from '../../lib/vocab.ts';
import { CheckField, Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { InlineForm } from '../../ui/InlineForm.tsx';
import { EnumSelect, Select, optionsOf } from '../../ui/Select.tsx';
import { TagInput } from '../../ui/TagInput.tsx';
import { saveSchedule, type Schedule } from './api.ts';

const LOCALE_IDS = locales.map((l) => l.id);
const HOURS = Array.from({ length: 24 }, (_, h) => String(h));
export const localeName = (t: ReturnType<typeof useI18n>['t'], locale: Locale) => t(locale === 'zh-CN' ? 'lang.zh' : locale === 'ru' ? 'lang.ru' : 'lang.en');

/** A new schedule or changes to one: cadence, location, recipients (checked by the server, which names a bad address), language, send hour. */
export function ScheduleForm({ schedule, onDone }: { schedule: Schedule | null; onDone(saved: boolean): Promise<void> }) {
  const { t, locale } = useI18n();
  const { org, notify } = useApp();
  const [cadence, setCadence] = useState<ReportCadence>(schedule?.cadence ?? 'weekly');
  const [locationId, setLocationId] = useState<string>(schedule?.locationId ?? '');
  const [recipients, setRecipients] = useState<string[]>(schedule?.recipients ?? []);
  const [reportLocale, setReportLocale] = useState<Locale>(schedule?.locale ?? locale);
  const [sendHour, setSendHour] = useState(String(schedule?.sendHour ?? 8));
  const [enabled, setEnabled] = useState(schedule?.enabled ?? true);
  const { busy, error, submit } = useSubmit('invalid');

  const save = async () => {
    await saveSchedule(schedule?.id ?? null, { cadence, locationId: locationId || null, recipients, locale: reportLocale, sendHour: Number(sendHour), enabled });
    notify(t('common.saved'));
    await onDone(true);
  };

  return (
    <InlineForm title={schedule ? `${t('common.edit')}: ${t(`rep.cadence.${schedule.cadence}`)}` : t('rep.newSchedule')} error={error} onSubmit={submit(save)} testId="schedule-form">
      <div className="form-grid">
        <Field label={t('rep.cadence')}>
          <EnumSelect name="cadence" values={reportCadences} labelOf={(c) => t(`rep.cadence.${c}`)} value={cadence} onChange={setCadence} />
        </Field>
        <Field label={t('rep.scope')}>
          <Select name="locationId" value={locationId} onChange={setLocationId} emptyLabel={t('rep.wholeOrganisation')} options={optionsOf(org?.locations, (l) => l.name)} />
        </Field>
        <Field label={t('rep.locale')}>
          <EnumSelect name="locale" values={LOCALE_IDS} labelOf={(l) => localeName(t, l)} value={reportLocale} onChange={setReportLocale} />
        </Field>
        <Field label={t('rep.sendHour')}>
          <EnumSelect name="sendHour" values={HOURS} labelOf={(h) => t('rep.sendHourValue', { hour: h.padStart(2, '0') })} value={sendHour} onChange={setSendHour} />
        </Field>
        <CheckField name="enabled" label={t('rep.enabled')} checked={enabled} onChange={setEnabled} />
        <Field group width="wide" label={t('rep.recipients')} hint={t('rep.recipientsHint')}>
          <TagInput name="recipients" value={recipients} onChange={setRecipients} />
        </Field>
      </div>
      <FormActions submitLabel={schedule ? t('common.save') : t('common.create')} onCancel={() => void onDone(false)} busy={busy} />
    </InlineForm>
  );
}

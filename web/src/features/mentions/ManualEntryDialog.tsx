import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import type { MentionKind } from '../../lib/vocab.ts';
import { DateField } from '../../ui/DateField.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { EnumSelect, Select, optionsOf, type Option } from '../../ui/Select.tsx';
import { createManualMention } from './api.ts';
import type { ManualMention, Mention } from './types.ts';

const manualKinds: MentionKind[] = ['offline_complaint', 'hotline_note', 'survey_text', 'comment'];

function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

export function ManualEntryDialog({ onClose, onCreated }: { onClose(): void; onCreated(mention: Mention): void }) {
  const { t } = useI18n();
  const { org, notify } = useApp();
  const { busy, submit } = useSubmit();
  const [kind, setKind] = useState<MentionKind>('offline_complaint');
  const [text, setText] = useState('');
  const [author, setAuthor] = useState('');
  const [rating, setRating] = useState('');
  const [locationId, setLocationId] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [when, setWhen] = useState(localNow);

  const departments = (org?.departments ?? []).filter((d) => !locationId || !d.locationId || d.locationId === locationId);

  const optional = (name: string, value: string, onChange: (next: string) => void, options: Option<string>[]) => (
    <Select name={name} value={value} onChange={onChange} emptyLabel={t('common.none')} options={options} />
  );

  const create = async () => {
    const body: ManualMention = { kind, text };
    if (author.trim()) body.authorHandle = author.trim();
    if (rating) {
      body.ratingRaw = Number(rating);
      body.ratingScale = 5;
    }
    if (locationId) body.locationId = locationId;
    if (departmentId) body.departmentId = departmentId;
    if (when) body.publishedAt = new Date(when).toISOString();
    const res = await createManualMention(body);
    notify(t('manual.created'));
    onCreated(res.mention);
  };

  return (
    <FormDialog title={t('manual.title')} onClose={onClose} onSubmit={submit(create)} submitLabel={t('manual.submit')} busy={busy} disabled={!text.trim()}>
      <Field label={t('manual.kind')}>
        <EnumSelect name="kind" values={manualKinds} labelOf={(k) => t(`kind.${k}`)} value={kind} onChange={setKind} />
      </Field>
      <Field label={t('manual.text')}>
        <textarea name="text" required rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <div className="form-row">
        <Field label={t('manual.author')} optional hint={t('manual.authorHint')}>
          <input name="authorHandle" value={author} onChange={(e) => setAuthor(e.target.value)} />
        </Field>
        <Field label={t('manual.rating')} optional width="narrow">
          {optional(
            'rating',
            rating,
            setRating,
            [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: '★'.repeat(n) })),
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('manual.location')}>
          {optional(
            'locationId',
            locationId,
            setLocationId,
            optionsOf(org?.locations, (l) => l.name),
          )}
        </Field>
        <Field label={t('manual.department')}>
          {optional(
            'departmentId',
            departmentId,
            setDepartmentId,
            optionsOf(departments, (d) => d.name),
          )}
        </Field>
        <Field label={t('manual.date')}>
          <DateField withTime name="publishedAt" value={when} onChange={setWhen} />
        </Field>
      </div>
    </FormDialog>
  );
}

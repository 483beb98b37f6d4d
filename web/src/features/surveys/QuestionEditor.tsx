import { useI18n, type Locale } from '../../i18n/index.tsx';
import { questionTypes, type QuestionType } from '../../lib/vocab.ts';
import { Check, Field } from '../../ui/Field.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { OPEN_OPTIONS, WITH_OPTIONS, move, withText, type LocalText, type Question } from './definition.ts';

/** A text input for one language of a LocalText, marked when that language is missing. */
export function TextInput({
  label,
  value,
  locale,
  onChange,
  multiline,
  name,
}: {
  label: string;
  value: LocalText | undefined;
  locale: Locale;
  onChange(next: LocalText): void;
  multiline?: boolean;
  name: string;
}) {
  const { t } = useI18n();
  const current = value?.[locale] ?? '';
  const other = value ? Object.entries(value).find(([l, v]) => l !== locale && v)?.[1] : undefined;
  // Another language's text shows as a hint only where this language's is missing.
  const props = { name, value: current, placeholder: current ? '' : (other ?? ''), onChange: (e: { target: { value: string } }) => onChange(withText(value, locale, e.target.value)), maxLength: 2000 };
  return (
    <Field label={label} hint={!current && other ? t('surveys.missingLanguage') : undefined} className="sv-text">
      {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
    </Field>
  );
}

/** One question of the builder: its id, type, texts in the chosen language, required flag and options; moved and removed by the page. */
export function QuestionEditor({
  question,
  index,
  count,
  locale,
  onChange,
  onMove,
  onRemove,
}: {
  question: Question;
  index: number;
  count: number;
  locale: Locale;
  onChange(next: Question): void;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  const q = question;
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch });
  const options = q.options ?? [];
  const setOption = (i: number, patch: Partial<{ id: string; text: LocalText }>) => set({ options: options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  const setType = (type: QuestionType) =>
    set({ type, ...(OPEN_OPTIONS.includes(type) && options.length < 2 ? { options: [...options, { id: 'a', text: {} }, { id: 'b', text: {} }].slice(0, Math.max(2, options.length)) } : {}) });
  const openOptions = OPEN_OPTIONS.includes(q.type);
  return (
    <article className="sv-question" data-testid="sv-question">
      <div className="sv-question-head">
        <strong>{t('surveys.question', { n: index + 1 })}</strong>
        <span className="sv-question-tools">
          <button type="button" className="btn btn-small" aria-label={t('surveys.moveUp')} title={t('surveys.moveUp')} disabled={index === 0} onClick={() => onMove(index - 1)}>
            ↑
          </button>
          <button type="button" className="btn btn-small" aria-label={t('surveys.moveDown')} title={t('surveys.moveDown')} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
            ↓
          </button>
          <button type="button" className="btn btn-small btn-danger" onClick={onRemove}>
            {t('surveys.remove')}
          </button>
        </span>
      </div>
      <div className="form-row">
        <Field label={t('surveys.questionId')} hint={t('surveys.questionIdHint')} width="narrow">
          <input name={`id-${index}`} value={q.id} maxLength={40} pattern="[a-z0-9_]{1,40}" onChange={(e) => set({ id: e.target.value.toLowerCase() })} />
        </Field>
        <Field label={t('surveys.questionType')}>
          <EnumSelect name={`type-${index}`} values={questionTypes} labelOf={(v) => t(`surveys.type.${v}`)} value={q.type} onChange={setType} />
        </Field>
        <Check label={t('surveys.required')} checked={q.required} onChange={(required) => set({ required })} />
      </div>
      <TextInput name={`text-${index}`} label={t('surveys.questionText')} value={q.text} locale={locale} onChange={(text) => set({ text })} multiline />
      <TextInput name={`help-${index}`} label={t('surveys.help')} value={q.help} locale={locale} onChange={(help) => set({ help })} />
      {WITH_OPTIONS.includes(q.type) && (
        <fieldset className="sv-options">
          <legend>{t('surveys.options')}</legend>
          {options.map((o, i) => (
            <div className="sv-option" key={i}>
              <input
                className="sv-option-id"
                name={`option-id-${index}-${i}`}
                aria-label={t('surveys.optionId')}
                value={o.id}
                maxLength={40}
                readOnly={!openOptions}
                onChange={(e) => setOption(i, { id: e.target.value.toLowerCase() })}
              />
              <input
                className="sv-option-text"
                name={`option-${index}-${i}`}
                aria-label={t('surveys.optionText')}
                value={o.text[locale] ?? ''}
                placeholder={o.text[locale] ? '' : (Object.values(o.text).find(Boolean) ?? '')}
                maxLength={2000}
                onChange={(e) => setOption(i, { text: withText(o.text, locale, e.target.value) })}
              />
              {openOptions && (
                <span className="sv-option-tools">
                  <button type="button" className="btn btn-small" aria-label={t('surveys.moveUp')} disabled={i === 0} onClick={() => set({ options: move(options, i, i - 1) })}>
                    ↑
                  </button>
                  <button type="button" className="btn btn-small" aria-label={t('surveys.remove')} onClick={() => set({ options: options.filter((_, j) => j !== i) })}>
                    ×
                  </button>
                </span>
              )}
            </div>
          ))}
          {openOptions && (
            <button type="button" className="btn btn-small" onClick={() => set({ options: [...options, { id: `o${options.length + 1}`, text: {} }] })}>
              + {t('surveys.addOption')}
            </button>
          )}
        </fieldset>
      )}
    </article>
  );
}

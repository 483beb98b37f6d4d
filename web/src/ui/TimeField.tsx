import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { parseTime } from './date-format.ts';

interface TimeFieldProps {
  name?: string;
  /** `HH:MM`, 24 hours; '' for none. */
  value: string;
  onChange(value: string): void;
  required?: boolean;
  'aria-label'?: string;
}

/**
 * A time of day typed as 24-hour `HH:MM` in every language, instead of the browser's own time box
 * (which an English browser shows with AM/PM in a Russian or Chinese page). The value handed on is
 * `HH:MM`; what is not a time keeps the text, marks the field invalid and blocks the form.
 */
export function TimeField({ name, value, onChange, required, 'aria-label': ariaLabel }: TimeFieldProps) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setText((shown) => (parseTime(shown) === value ? shown : value));
  }, [value]);

  const parsed = parseTime(text);
  useEffect(() => {
    input.current?.setCustomValidity(parsed === null ? t('date.invalidTime', { pattern: t('date.timePlaceholder') }) : '');
  }, [parsed, t]);

  return (
    <input
      ref={input}
      name={name}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className="time-field"
      placeholder={t('date.timePlaceholder')}
      aria-label={ariaLabel}
      aria-invalid={parsed === null || undefined}
      required={required}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const next = parseTime(e.target.value);
        if (next !== null) onChange(next);
      }}
      onBlur={() => parsed && setText(parsed)}
    />
  );
}

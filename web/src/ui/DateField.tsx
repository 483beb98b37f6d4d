import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { dateLocale, datePattern, formatIsoDate, parseLocalDate, parseTime, type DatePattern } from './date-format.ts';

interface DateFieldProps {
  name: string;
  /** ISO: `2026-12-01`, with `withTime` `2026-12-01T14:30`; '' for none. */
  value: string;
  onChange(value: string): void;
  required?: boolean;
  /** A date and a time of day (24 hours). */
  withTime?: boolean;
  /** Where the control has no visible caption around it. */
  'aria-label'?: string;
}

/**
 * A date typed and shown in the UI language's format (zh-CN 2026/12/01, ru 01.12.2026, en by the
 * browser's region) instead of the browser's own `mm/dd/yyyy`, with a calendar button that opens
 * the browser's picker. The value handed on is ISO. A date that is not one keeps the text, marks
 * the field invalid and blocks the form with a sentence in the reader's language.
 */
export function DateField({ name, value, onChange, required, withTime, 'aria-label': ariaLabel }: DateFieldProps) {
  const { t, locale } = useI18n();
  const pattern = useMemo(() => datePattern(dateLocale(locale, navigator.language)), [locale]);
  const placeholder = usePlaceholder(pattern);
  const [datePart, timePart] = splitValue(value);
  const [text, setText] = useState(() => formatIsoDate(datePart, pattern));
  const [time, setTime] = useState(timePart);
  const input = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);

  // A value set from outside (cleared filters, a reset form, another language) replaces what is shown.
  useEffect(() => {
    setText((shown) => (parseLocalDate(shown, pattern) === datePart ? shown : formatIsoDate(datePart, pattern)));
    setTime((shown) => (parseTime(shown) === timePart ? shown : timePart));
  }, [datePart, timePart, pattern]);

  const parsedDate = parseLocalDate(text, pattern);
  const parsedTime = withTime ? parseTime(time) : '';
  const invalid = parsedDate === null || parsedTime === null;
  useEffect(() => {
    input.current?.setCustomValidity(parsedDate === null ? t('date.invalid', { pattern: placeholder }) : '');
  }, [parsedDate, placeholder, t]);

  const emit = (nextDate: string | null, nextTime: string | null) => {
    if (nextDate === null || nextTime === null) return;
    onChange(withTime && nextDate ? `${nextDate}T${nextTime || '00:00'}` : nextDate);
  };
  const onText = (e: ChangeEvent<HTMLInputElement>) => {
    setText(e.target.value);
    emit(parseLocalDate(e.target.value, pattern), parsedTime);
  };
  const onTime = (e: ChangeEvent<HTMLInputElement>) => {
    setTime(e.target.value);
    emit(parsedDate, parseTime(e.target.value));
  };
  const onPicked = (e: ChangeEvent<HTMLInputElement>) => {
    setText(formatIsoDate(e.target.value, pattern));
    emit(e.target.value, parsedTime);
    input.current?.focus();
  };
  const openPicker = () => {
    const node = picker.current;
    if (!node) return;
    try {
      node.showPicker();
    } catch {
      node.focus();
    }
  };

  return (
    <span className={`date-field${withTime ? ' date-field-time' : ''}`}>
      <input
        ref={input}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="date-field-date"
        placeholder={placeholder}
        aria-label={ariaLabel}
        aria-invalid={invalid || undefined}
        required={required}
        value={text}
        onChange={onText}
        onBlur={() => parsedDate && setText(formatIsoDate(parsedDate, pattern))}
      />
      {withTime && (
        <input
          name={`${name}Time`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="date-field-clock"
          placeholder={t('date.timePlaceholder')}
          aria-label={t('date.time')}
          aria-invalid={parsedTime === null || undefined}
          value={time}
          onChange={onTime}
          onBlur={() => parsedTime && setTime(parsedTime)}
        />
      )}
      <button type="button" className="date-field-button" aria-label={t('date.pick')} title={t('date.pick')} onClick={openPicker}>
        <svg aria-hidden="true" width="15" height="15" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5">
          <rect x="1.75" y="2.75" width="12.5" height="11.5" rx="1.5" />
          <path d="M1.75 6.25h12.5M5 1.25v3M11 1.25v3" />
        </svg>
      </button>
      {/* The browser's calendar, opened by the button; its own box (in the browser's format) stays out of sight. */}
      <input ref={picker} type="date" className="date-field-picker" tabIndex={-1} aria-hidden="true" value={parsedDate ?? ''} onChange={onPicked} />
    </span>
  );
}

function splitValue(value: string): [string, string] {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(value);
  return m ? [m[1]!, m[2] ?? ''] : ['', ''];
}

/** The pattern in the reader's letters: 2026/12/01 reads 年/月/日, 01.12.2026 дд.мм.гггг. */
function usePlaceholder(pattern: DatePattern): string {
  const { t } = useI18n();
  const letters = { year: t('date.yearLetters'), month: t('date.monthLetters'), day: t('date.dayLetters') };
  return pattern.order.map((p) => letters[p]).join(pattern.separator);
}

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../lib/api.ts';
import { dictionaries, type MessageKey } from './catalogues.ts';
import { detectLocale, type Locale } from './locale.ts';

export { locales, type Locale } from './locale.ts';
export type { MessageKey };

const storageKey = 'verity.lang';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  /** Translates a key built at run time (an aspect id from the server); falls back to the raw id. */
  tx(prefix: string, id: string): string;
  formatDate(value: string | null | undefined, withTime?: boolean): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
}

const I18nContext = createContext<I18n | null>(null);

/** Whether this browser holds a language chosen here (it wins over the one stored on the server). */
export function hasStoredLocale(): boolean {
  return readStored() !== null;
}

function readStored(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  // The API client learns the language before the first request (children's effects run first).
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = detectLocale(readStored(), navigator.language);
    setApiLanguage(initial);
    return initial;
  });

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private mode may refuse storage; the choice still holds for this session.
    }
    setApiLanguage(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = dictionaries[locale];
    const en = dictionaries.en;
    const t: Translate = (key, vars) => {
      let text: string = dict[key] ?? en[key] ?? key;
      if (vars) for (const [name, v] of Object.entries(vars)) text = text.split(`{${name}}`).join(String(v));
      return text;
    };
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const dateOnly = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return {
      locale,
      setLocale,
      t,
      tx(prefix, id) {
        const key = `${prefix}.${id}`;
        return key in dict ? dict[key as MessageKey] : id;
      },
      formatDate(input, withTime = true) {
        if (!input) return '—';
        const date = new Date(input);
        if (Number.isNaN(date.getTime())) return input;
        return (withTime ? dateTime : dateOnly).format(date);
      },
      formatNumber(n, options) {
        return new Intl.NumberFormat(locale, options).format(n);
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/**
 * The server's message catalogue. Every text Verity makes for people (error messages, import
 * rejection reasons, privacy findings, notification titles and bodies) has a stable code
 * (`<namespace>.<key>`) and parameters, and is rendered in the reader's language. Each feature
 * declares its own messages with `defineMessages`; TypeScript refuses a catalogue in which one
 * language lacks a key the others have. Pure: no database, no Node APIs (the web imports it too).
 */

export const LOCALES = ['zh-CN', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** A parameter may itself be a text (a tier, a risk, a window of time), rendered in the same language. */
export type Params = { [name: string]: string | number | null | undefined | Text };

/** A text to be rendered later, in the language of whoever reads it. */
export interface Text {
  code: string;
  params?: Params;
}

/** Words as people wrote them (a rule's name, a case's title), or a text rendered for each reader. */
export type Words = string | Text;

type Catalogue<K extends string> = { en: Record<K, string>; ru: Record<K, string>; 'zh-CN': Record<K, string> };

const registry = new Map<string, Record<Locale, string>>();

export interface Messages<K extends string> {
  readonly namespace: string;
  /** Every code of this namespace (`namespace.key`). */
  readonly codes: string[];
  /** A text with this key and parameters, to render later. */
  text(key: K, params?: Params): Text;
  /** Renders one key in `locale`. */
  render(locale: Locale, key: K, params?: Params): string;
}

/**
 * Registers a namespace's messages in the three languages and returns typed helpers. Placeholders
 * are `{name}`; numbers are formatted in the reader's locale. Defining a namespace twice with other
 * texts throws, so two features cannot silently share codes.
 */
export function defineMessages<const K extends string>(namespace: string, catalogue: Catalogue<K>): Messages<K> {
  const keys = Object.keys(catalogue.en) as K[];
  for (const key of keys) {
    const code = `${namespace}.${key}`;
    const entry = { en: catalogue.en[key], ru: catalogue.ru[key], 'zh-CN': catalogue['zh-CN'][key] };
    const existing = registry.get(code);
    if (existing && (existing.en !== entry.en || existing.ru !== entry.ru || existing['zh-CN'] !== entry['zh-CN'])) {
      throw new Error(`message ${code} is defined twice with different texts`);
    }
    registry.set(code, entry);
  }
  return {
    namespace,
    codes: keys.map((k) => `${namespace}.${k}`),
    text: (key, params) => (params ? { code: `${namespace}.${key}`, params } : { code: `${namespace}.${key}` }),
    render: (locale, key, params) => renderText(locale, { code: `${namespace}.${key}`, params }),
  };
}

/** Whether a code has a message (in every language, which defineMessages guarantees). */
export function hasMessage(code: string): boolean {
  return registry.has(code);
}

/** Every registered code (for the completeness tests). */
export function messageCodes(): string[] {
  return [...registry.keys()];
}

/** Renders a text in `locale`, its text parameters too; an unknown code renders as itself, so a missing message is visible, never blank. */
export function renderText(locale: Locale, text: Text): string {
  const template = registry.get(text.code)?.[locale] ?? text.code;
  return interpolate(locale, template, text.params);
}

/** Renders words in `locale`: people's words as they are, a text in the reader's language. */
export function renderWords(locale: Locale, words: Words): string {
  return typeof words === 'string' ? words : renderText(locale, words);
}

export function interpolate(locale: Locale, template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    if (typeof value === 'object') return renderText(locale, value);
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

/** The stored choice if it is a locale, else the nearest match to a language tag or Accept-Language header; English otherwise. */
export function negotiateLocale(preferred: string | null | undefined, fallback: Locale = DEFAULT_LOCALE): Locale {
  if (!preferred) return fallback;
  if ((LOCALES as readonly string[]).includes(preferred)) return preferred as Locale;
  for (const part of preferred.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('ru')) return 'ru';
    if (tag.startsWith('en')) return 'en';
  }
  return fallback;
}

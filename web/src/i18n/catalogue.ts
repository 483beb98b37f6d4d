import type { Locale } from './locale.ts';

/** One feature's messages in every UI language; English is the reference key set. */
export type Catalogue<K extends string = string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

/**
 * Declares a catalogue. The compiler holds ru and zh-CN to exactly the English keys (a missing key
 * or a stray one is a type error), and i18n.test.ts checks the same at run time, with placeholders.
 */
export function defineMessages<const E extends Record<string, string>>(catalogue: { en: E } & Record<Exclude<Locale, 'en'>, Record<keyof E, string>>): Catalogue<keyof E & string> {
  return catalogue;
}

/** The keys a catalogue declares. */
export type KeysOf<C> = C extends Catalogue<infer K> ? K : never;

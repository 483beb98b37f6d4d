import type { LocalTextType } from '../survey-definition.ts';

/** A template text in the three languages (English, Russian, Simplified Chinese). */
export function t(en: string, ru: string, zh: string): LocalTextType {
  return { en, ru, 'zh-CN': zh };
}

/** A choice: its stable id and its text in the three languages. */
export function option(id: string, en: string, ru: string, zh: string) {
  return { id, text: t(en, ru, zh) };
}

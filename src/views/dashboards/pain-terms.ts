import { prepareText } from '../../analysis/index.ts';
import { EN_STOP_WORDS, RU_STOP_WORDS, ZH_STOP_WORDS } from './pain-stopwords.ts';

/** The analysis language of a mention's stored language code. */
function languageOf(lang: string | null): 'zh' | 'ru' | 'en' {
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'zh' || base === 'ru' ? base : 'en';
}

const HAN = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
const LETTERS = /^\p{L}+$/u;
/** A number with its measure word (三个, 两次, 十天): not a content word. */
const ZH_NUMERAL = /^[一二三四五六七八九十两几百千万半]+[个次天位名岁号点分年月周]?$/;

/**
 * The content words of a text, each once: Chinese words of two characters or more (jieba, through
 * the analysis tokenizer, simplified), Russian and English Snowball stems of words of three letters
 * or more (the analysis' normal form); function words, numbers and punctuation are left out.
 */
export function contentTerms(text: string, lang: string | null): Set<string> {
  return new Set(contentWords(text, lang).keys());
}

/** The content terms of a text (as contentTerms) with the written form of each, lower case (the first one met). */
export function contentWords(text: string, lang: string | null): Map<string, string> {
  const language = languageOf(lang);
  const prepared = prepareText(text, language);
  const source = prepared.simplified ?? text;
  const terms = new Map<string, string>();
  for (const token of prepared.tokens) {
    const word = source.slice(token.start, token.end);
    if (HAN.test(word)) {
      if (word.length >= 2 && !ZH_STOP_WORDS.has(word) && !ZH_NUMERAL.test(word) && !terms.has(token.norm)) terms.set(token.norm, word);
      continue;
    }
    const lower = word.toLowerCase().replace(/ё/g, 'е').replace(/['’]/g, '');
    if (lower.length < 3 || !LETTERS.test(lower)) continue;
    if (/\p{Script=Cyrillic}/u.test(lower) ? RU_STOP_WORDS.has(lower) : EN_STOP_WORDS.has(lower)) continue;
    // A word with an apostrophe keeps its lower-case form as its norm (not a stem): leave it out.
    if (!/['’]/.test(token.norm) && !terms.has(token.norm)) terms.set(token.norm, lower);
  }
  return terms;
}

const DAY_MS = 86_400_000;

/** The Monday of the ISO week holding a day (YYYY-MM-DD). */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - weekday * DAY_MS).toISOString().slice(0, 10);
}

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

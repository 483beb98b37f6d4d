import { createRequire } from 'node:module';
import { eld } from 'eld/medium';
import * as OpenCC from 'opencc-js';
import snowball from 'snowball-stemmers';
import type { Jieba } from '@node-rs/jieba';

const require = createRequire(import.meta.url);

let jiebaInstance: Jieba | undefined;
/** The process-wide jieba segmenter with its bundled dictionary (loading it costs ~0.5 s once). */
export function getJieba(): Jieba {
  if (!jiebaInstance) {
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jiebaInstance = JiebaClass.withDict(dict);
  }
  return jiebaInstance;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

const TABLE_START = 0x3400;
const TABLE_END = 0xfaff;
let t2sTable: Uint16Array | undefined;

/**
 * A per-character traditional → simplified table built once from OpenCC (tw → cn). Character
 * level on purpose: it keeps offsets 1:1, and most texts need no conversion at all (0 = same).
 */
function getT2sTable(): Uint16Array {
  if (t2sTable) return t2sTable;
  const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const table = new Uint16Array(TABLE_END - TABLE_START + 1);
  const characters: string[] = [];
  for (let code = TABLE_START; code <= TABLE_END; code++) characters.push(String.fromCharCode(code));
  // Newline-separated so that OpenCC's phrase rules never join neighbouring characters.
  const converted = convert(characters.join('\n')).split('\n');
  const targets = new Set<string>();
  for (let i = 0; i < characters.length; i++) if (converted[i] !== characters[i]) targets.add(converted[i]!);
  for (let i = 0; i < characters.length; i++) {
    const target = converted[i];
    // A character that is itself the simplified form of another stays (OpenCC tw → cn maps 么 → 幺: 什么 must stay 什么).
    if (target && target.length === 1 && target !== characters[i] && !targets.has(characters[i]!)) table[i] = target.charCodeAt(0);
  }
  t2sTable = table;
  return table;
}

/** Traditional → simplified Chinese, character for character, so offsets stay those of the original. */
export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  const table = getT2sTable();
  let output: string[] | null = null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mapped = code >= TABLE_START && code <= TABLE_END ? table[code - TABLE_START]! : 0;
    if (mapped === 0) {
      if (output) output.push(text[i]!);
      continue;
    }
    output ??= [text.slice(0, i)];
    output.push(String.fromCharCode(mapped));
  }
  return output ? output.join('') : text;
}

const ENGLISH_FUNCTION_WORDS = new Set([
  'the',
  'and',
  'was',
  'is',
  'to',
  'of',
  'i',
  'it',
  'for',
  'in',
  'my',
  'with',
  'very',
  'were',
  'they',
  'this',
  'that',
  'not',
  'me',
  'a',
  'you',
  'but',
  'have',
  'had',
  'be',
  'on',
  'are',
  'at',
  'all',
  'so',
  'staff',
  'doctor',
]);

/** True when at least a quarter of the words are common English function words (skips eld). */
function looksEnglish(text: string): boolean {
  let words = 0;
  let hits = 0;
  WORD_ASCII.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = WORD_ASCII.exec(text)) && words < 60) {
    words++;
    if (ENGLISH_FUNCTION_WORDS.has(match[0].toLowerCase())) hits++;
  }
  return words >= 4 && hits * 4 >= words && !/[à-öø-ÿ]/i.test(text);
}
const WORD_ASCII = /[A-Za-z']+/g;

/**
 * ISO 639-1 code of the text. Script counts decide the three languages we analyse (cheap and
 * exact for zh/ru); eld decides the rest of Latin-script text. Never throws; no letters → 'und'.
 */
export function detectLanguage(text: string): string {
  const length = Math.min(text.length, 600);
  let han = 0;
  let kana = 0;
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const folded = code | 0x20;
      if (folded >= 0x61 && folded <= 0x7a) latin++;
    } else if (code >= 0x0400 && code <= 0x04ff) cyrillic++;
    else if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) han++;
    else if (code >= 0x3040 && code <= 0x30ff) kana++;
  }
  if (han + kana + cyrillic + latin === 0) return 'und';
  const sample = text.length > 600 ? text.slice(0, 600) : text;
  // Japanese kana next to Han characters means Japanese, not Chinese.
  if (han > 0 && han * 2 >= cyrillic + latin) return kana > 0 ? 'ja' : 'zh';
  // URLs, @handles and hashtags put Latin letters into Russian posts, hence the factor 3.
  if (cyrillic > 0 && cyrillic * 3 >= latin) {
    // Ukrainian/Belarusian letters rarely appear in Russian.
    if (/[ієїґўІЄЇҐЎ]/.test(sample)) return eldLanguage(sample.slice(0, 240)) || 'uk';
    return 'ru';
  }
  if (kana > 0) return 'ja';
  if (looksEnglish(sample)) return 'en';
  // Short Latin text without diacritics is English far more often than eld's guess for it.
  if (latin < 60 && !/[\u00c0-\u024f]/.test(sample)) return 'en';
  return eldLanguage(sample.length > 240 ? sample.slice(0, 240) : sample) || 'en';
}

/** eld's answer when it is reliable, else '' (short Latin snippets are too often misread). */
function eldLanguage(text: string): string {
  try {
    const result = eld.detect(text);
    return result.isReliable() ? result.language : '';
  } catch {
    return '';
  }
}

/** The language we analyse the text as: one of zh, ru, en; other languages fall back to en rules. */
export function analysisLanguage(lang: string): 'zh' | 'ru' | 'en' {
  const base = lang === 'zh' || lang === 'ru' || lang === 'en' ? lang : (lang.toLowerCase().split(/[-_]/)[0] ?? '');
  if (base === 'zh' || base === 'ru') return base;
  return 'en';
}

const stemmers = {
  ru: snowball.newStemmer('russian'),
  en: snowball.newStemmer('english'),
};
const stemCache = new Map<string, string>();

/** Snowball stem with a bounded per-process cache (stemming is the hot path for ru/en). */
export function stem(word: string, lang: 'ru' | 'en'): string {
  const key = lang === 'ru' ? word : `${word}\u0001`;
  const cached = stemCache.get(key);
  if (cached !== undefined) return cached;
  const stemmed = stemmers[lang].stem(word);
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(key, stemmed);
  return stemmed;
}

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

let t2s: ((text: string) => string) | undefined;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const HAN_GLOBAL = /[\u3400-\u9fff\uf900-\ufaff]/g;
const CYRILLIC_GLOBAL = /[\u0400-\u04ff]/g;
const LATIN_GLOBAL = /[A-Za-z]/g;

/**
 * Traditional → simplified Chinese, kept only when it preserves length so that offsets into the
 * simplified text are offsets into the original (OpenCC's character table is 1:1 for the BMP).
 */
export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  const convert = (t2s ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  const simplified = convert(text);
  return simplified.length === text.length ? simplified : text;
}

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text)) count++;
  return count;
}

/**
 * ISO 639-1 code of the text. Script counts decide the three languages we analyse (cheap and
 * exact for zh/ru); eld decides the rest and mixed Latin text. Never throws; '' → 'und'.
 */
export function detectLanguage(text: string): string {
  const sample = text.length > 600 ? text.slice(0, 600) : text;
  const han = countMatches(sample, HAN_GLOBAL);
  const cyrillic = countMatches(sample, CYRILLIC_GLOBAL);
  const latin = countMatches(sample, LATIN_GLOBAL);
  const letters = han * 2 + cyrillic + latin;
  if (letters === 0) return 'und';
  if (han * 2 >= cyrillic + latin && han > 0) {
    // Japanese kana next to Han characters means Japanese, not Chinese.
    if (/[\u3040-\u30ff]/.test(sample)) return 'ja';
    return 'zh';
  }
  if (cyrillic > latin) {
    // Ukrainian/Belarusian/Bulgarian letters rarely appear in Russian.
    if (/[ієїґўІЄЇҐЎ]/.test(sample)) return eldLanguage(sample) || 'uk';
    return 'ru';
  }
  const detected = eldLanguage(sample);
  return detected || 'en';
}

function eldLanguage(text: string): string {
  try {
    return eld.detect(text).language;
  } catch {
    return '';
  }
}

/** The language we analyse the text as: one of zh, ru, en; other languages fall back to en rules. */
export function analysisLanguage(lang: string): 'zh' | 'ru' | 'en' {
  const base = lang.toLowerCase().split(/[-_]/)[0] ?? '';
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

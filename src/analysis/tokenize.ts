import { getJieba, stem, toSimplified } from './text.ts';
import type { AnalysisLanguage } from './analysis.vocab.ts';

/** A word of the analysed text with its offsets into the original text (UTF-16 units). */
export interface Token {
  /** Normalised form used for features: simplified word (zh) or Snowball stem (ru/en). */
  norm: string;
  start: number;
  end: number;
  /** Inside a negation scope (after 不/не/not … until the clause ends). */
  negated: boolean;
  /** Ends a clause: punctuation or a contrast word starts a new one after it. */
  boundary: boolean;
}

const ZH_NEGATORS = new Set([
  '不',
  '没',
  '没有',
  '无',
  '未',
  '别',
  '非',
  '不是',
  '从不',
  '毫无',
  '并不',
  '不会',
  '不太',
  '不够',
  '不要',
  '从未',
  '并没有',
  '没什么',
  '不能',
  '不用',
  '甭',
  '莫',
  '勿',
  '不怎么',
  '不算',
  '不曾',
  '未曾',
  '从没',
  '毫不',
  '绝不',
  '没那么',
  '没怎么',
  '冇',
  '唔',
  '未必',
  '谈不上',
]);
const RU_NEGATORS = new Set(['не', 'нет', 'ни', 'никогда', 'ничего', 'без', 'нельзя', 'никто', 'нисколько', 'ничуть', 'никого', 'нигде', 'никакой', 'никаких']);
const EN_NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'nor', 'without', 'cannot', 'neither', 'hardly', 'barely', 'couldn’t', 'noone']);
export const CONTRAST_WORDS = new Set([
  '但',
  '但是',
  '可是',
  '不过',
  '然而',
  '却',
  '只是',
  '就是',
  '虽然',
  '尽管',
  'но',
  'а',
  'однако',
  'зато',
  'хотя',
  'несмотря',
  'but',
  'however',
  'although',
  'though',
  'yet',
  'whereas',
  'while',
  'except',
]);
/** The contrast words as the tokens spell them (zh words, ru/en Snowball stems), per language. */
export const CONTRAST_NORMS: Record<AnalysisLanguage, ReadonlySet<string>> = (() => {
  const zh = new Set<string>();
  const ru = new Set<string>();
  const en = new Set<string>();
  for (const word of CONTRAST_WORDS) {
    if (/[\u3400-\u9fff]/.test(word)) zh.add(word);
    else if (/[а-я]/.test(word)) ru.add(word.length > 2 ? stem(word, 'ru') : word);
    else en.add(word.length > 2 ? stem(word, 'en') : word);
  }
  return { zh, ru, en };
})();
const PUNCTUATION = /^[\s.,;:!?。，、；：！？…\n\r()（）[\]【】"“”'‘’«»~～\-—–/|]+$/;
const NEGATION_SCOPE = 3;

/** Chinese tokens over the simplified text; jieba keeps every character, so offsets add up. */
export function tokenizeChinese(simplified: string): Token[] {
  const words = getJieba().cut(simplified, false);
  const tokens: Token[] = [];
  let offset = 0;
  let negationLeft = 0;
  for (const word of words) {
    // jieba returns the text verbatim; resynchronise only if it ever drops a character.
    const at = simplified.startsWith(word, offset) ? offset : Math.max(offset, simplified.indexOf(word, offset));
    const end = at + word.length;
    offset = end;
    const first = word.charCodeAt(0);
    // Han characters are never punctuation: skip the regex for the common case.
    if (!(first >= 0x3400 && first <= 0x9fff) && PUNCTUATION.test(word)) {
      const last = tokens[tokens.length - 1];
      if (last) last.boundary = true;
      negationLeft = 0;
      continue;
    }
    const norm = first >= 0x3400 && first <= 0x9fff ? word : word.toLowerCase();
    if (CONTRAST_WORDS.has(norm)) {
      const last = tokens[tokens.length - 1];
      if (last) last.boundary = true;
      negationLeft = 0;
    }
    const isNegator = ZH_NEGATORS.has(norm);
    tokens.push({ norm, start: at, end, negated: !isNegator && negationLeft > 0, boundary: false });
    if (isNegator) negationLeft = 2;
    else if (negationLeft > 0) negationLeft--;
  }
  return tokens;
}

interface WordForms {
  lower: string;
  norm: string;
}
const formCache = { ru: new Map<string, WordForms>(), en: new Map<string, WordForms>() };

/**
 * Lower-case form (ё → е for ru) and feature form (Snowball stem of letters-only words longer
 * than 2, else the lower-case word) of a raw word, cached per process.
 */
function wordForms(raw: string, lang: 'ru' | 'en'): WordForms {
  const cache = formCache[lang];
  let forms = cache.get(raw);
  if (forms === undefined) {
    let lower = raw.toLowerCase();
    if (lang === 'ru') lower = lower.replace(/ё/g, 'е');
    const norm = /^\p{L}+$/u.test(lower) && lower.length > 2 ? stem(lower, lang) : lower;
    forms = { lower, norm };
    if (cache.size > 200_000) cache.clear();
    cache.set(raw, forms);
  }
  return forms;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[!?]+|\p{Extended_Pictographic}|[.,;:。，；：\n]+/gu;
const CLAUSE_PUNCT = /^[.,;:。，；：\n!?]+$/;

/** Russian/English tokens: lower-cased Snowball stems with negation scopes. */
export function tokenizeAlphabetic(text: string, lang: 'ru' | 'en'): Token[] {
  const tokens: Token[] = [];
  const negators = lang === 'ru' ? RU_NEGATORS : EN_NEGATORS;
  let negationLeft = 0;
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(text))) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    if (CLAUSE_PUNCT.test(raw)) {
      const last = tokens[tokens.length - 1];
      if (last) last.boundary = true;
      negationLeft = 0;
      if (raw[0] === '!' || raw[0] === '?') tokens.push({ norm: raw[0], start, end, negated: false, boundary: true });
      continue;
    }
    const { lower, norm } = wordForms(raw, lang);
    if (CONTRAST_WORDS.has(lower)) {
      const last = tokens[tokens.length - 1];
      if (last) last.boundary = true;
      negationLeft = 0;
    }
    const isNegator = negators.has(lower) || (lang === 'en' && lower.endsWith('t') && /n['’]t$/.test(lower));
    tokens.push({ norm, start, end, negated: !isNegator && negationLeft > 0, boundary: false });
    if (isNegator) negationLeft = NEGATION_SCOPE;
    else if (negationLeft > 0) negationLeft--;
  }
  return tokens;
}

/** Tokens of a text in its analysis language; `simplified` is the zh text the tokens point into. */
export interface PreparedText {
  simplified: string | null;
  tokens: Token[];
}

export function prepareText(text: string, lang: 'zh' | 'ru' | 'en'): PreparedText {
  if (lang === 'zh') {
    const simplified = toSimplified(text);
    return { simplified, tokens: tokenizeChinese(simplified) };
  }
  return { simplified: null, tokens: tokenizeAlphabetic(text, lang) };
}

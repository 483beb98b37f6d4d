import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js/t2cn';
import snowball from 'snowball-stemmers';

/*
 * Full-text search that works the same on PGlite and PostgreSQL: neither ships a Chinese parser,
 * so we make the lexemes ourselves and store them as a tsvector literal. Chinese runs are
 * converted to simplified and cut by jieba in search mode; Cyrillic words get the Russian Snowball
 * stem and Latin words the English one, whatever the mention's language, so mixed texts and
 * queries in any of the three languages meet on the same lexemes.
 */

let jieba: Jieba | null = null;
let toSimplified: ((text: string) => string) | null = null;
const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;
const MAX_LEXEMES = 400;
// A longer "word" is noise (a pasted hash, a key held down), and PostgreSQL refuses a lexeme over 2046 bytes: one such word failed the whole batch it came in.
const MAX_WORD = 40;

const RUN = /(\p{Script=Han}+)|([\p{Script=Cyrillic}]+)|([\p{Script=Latin}\p{N}]+)/gu;

function stem(word: string, cyrillic: boolean): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const stemmed = (cyrillic ? russian : english).stem(word.replaceAll('ё', 'е'));
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
}

/** The lexemes of a text for indexing or querying; never throws. */
export function searchLexemes(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  toSimplified ??= (OpenCC as unknown as { Converter(o: { from: string; to: string }): (s: string) => string }).Converter({ from: 't', to: 'cn' });
  const lexemes = new Set<string>();
  const lower = text.normalize('NFKC').toLowerCase();
  for (const match of lower.matchAll(RUN)) {
    if (lexemes.size >= MAX_LEXEMES) break;
    if (match[1]) {
      for (const word of jieba.cutForSearch(toSimplified(match[1]), true)) if (word.length <= MAX_WORD) lexemes.add(word);
    } else if (match[2] && match[2].length <= MAX_WORD) {
      lexemes.add(stem(match[2], true));
    } else if (match[3] && match[3].length <= MAX_WORD) {
      lexemes.add(stem(match[3], false));
    }
  }
  return [...lexemes].slice(0, MAX_LEXEMES);
}

const quote = (lexeme: string) => `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** A tsvector literal of the text's lexemes (cast with ::tsvector). */
export function searchVector(text: string): string {
  return searchLexemes(text).map(quote).join(' ');
}

/** A tsquery literal matching texts that hold every lexeme of the query (the last one as a prefix); null when the query has none. */
export function searchQuery(query: string): string | null {
  const lexemes = searchLexemes(query);
  if (lexemes.length === 0) return null;
  return lexemes.map((l, i) => (i === lexemes.length - 1 && /^[\p{Script=Latin}\p{Script=Cyrillic}\p{N}]+$/u.test(l) ? `${quote(l)}:*` : quote(l))).join(' & ');
}

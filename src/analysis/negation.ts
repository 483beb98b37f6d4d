import type { AnalysisLanguage } from './analysis.vocab.ts';

/**
 * zh: a negator ending right before the cue, optionally followed by one helper (被/再/有/出/过/太/会):
 * 没有感染, 回家也不会弄错, 从没出错, 没被弄错, 并没有漏诊. Cantonese 冇/唔/未 and 毋 count too.
 */
const ZH_NEGATION_BEFORE = /(?:没有|没|无|未|不|并非|排除|不会|不曾|从没|从未|从来没|并没有|冇|唔|毋|免于|避免)(?:被|再|有|出|过|太|会|曾|发生|出现|任何|什么)?$/;
/** Words that negate a cue a few words later ("nobody was rude", "no one made a mistake", "никто не грубил"). */
const WORD_NEGATORS = new Set([
  'no',
  'not',
  'never',
  'without',
  'nor',
  'nobody',
  'none',
  'neither',
  'nothing',
  'cannot',
  'hardly',
  'не',
  'нет',
  'без',
  'ни',
  'никто',
  'ничего',
  'никогда',
  'нисколько',
  'ничуть',
  'нигде',
  'никаких',
  'никакой',
  'никакие',
  'никакого',
]);
/** Words that end a negation's reach: a new clause or a contrast ("didn't call and was rude"). */
const SCOPE_BREAKERS = new Set(['and', 'but', 'then', 'so', 'because', 'и', 'но', 'а', 'потом', 'зато', 'однако', 'потому']);
const WORDS_BACK = 4;
const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[.,;:!?()\n]/gu;

/**
 * True when a negator governs the words at `start`: right before it in zh (没有感染, 不会弄错,
 * 从没出错), within the last few words of the same clause in ru/en (no infection, nobody was rude,
 * no one made a mistake, never had any problems, didn't get infected, никто не грубил, ни разу не
 * ошиблись), stopping at punctuation and at conjunctions.
 */
export function isNegatedAt(haystack: string, start: number, lang: AnalysisLanguage): boolean {
  if (lang === 'zh') return ZH_NEGATION_BEFORE.test(haystack.slice(Math.max(0, start - 5), start));
  const window = haystack.slice(Math.max(0, start - 48), start);
  const words = window.match(WORD_RE);
  if (!words) return false;
  // The first word of the window may be cut: drop it unless the window reaches the text start.
  const first = start - 48 > 0 ? 1 : 0;
  let seen = 0;
  for (let i = words.length - 1; i >= first && seen < WORDS_BACK; i--) {
    const word = words[i]!.toLowerCase();
    if (!/[\p{L}\p{N}]/u.test(word[0]!)) return false;
    if (SCOPE_BREAKERS.has(word)) return false;
    if (WORD_NEGATORS.has(word) || /n['’]t$/.test(word)) return true;
    seen++;
  }
  return false;
}

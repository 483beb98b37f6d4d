import type { AnalysisLanguage } from './analysis.vocab.ts';

const ZH_NEGATION_BEFORE = /(没有|没|无|未|不|并非|排除)$/;
const WORD_NEGATION_BEFORE = /(?:^|[^\p{L}])(не|нет|без|no|not|never|without|nor|any)\s+$/iu;

/** True when a negator stands right before `start` (没有感染, no infection, не было ошибки). */
export function isNegatedAt(haystack: string, start: number, lang: AnalysisLanguage): boolean {
  if (lang === 'zh') return ZH_NEGATION_BEFORE.test(haystack.slice(Math.max(0, start - 3), start));
  return WORD_NEGATION_BEFORE.test(haystack.slice(Math.max(0, start - 12), start));
}

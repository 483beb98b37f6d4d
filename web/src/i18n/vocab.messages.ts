import { analysisMessages, type AnalysisMessageKey } from '../lib/vocab.ts';
import type { Catalogue } from './catalogue.ts';
import type { Locale } from './locale.ts';

// The analysis vocabulary every feature shows (sentiment, aspects, risks) is the server's own
// catalogue (src/analysis/analysis.messages.ts): one set of words for the web and what the server writes.
const keys = analysisMessages.codes.map((code) => code.slice(analysisMessages.namespace.length + 1) as AnalysisMessageKey);
const inLocale = (locale: Locale) => Object.fromEntries(keys.map((key) => [key, analysisMessages.render(locale, key)])) as Record<AnalysisMessageKey, string>;

export const vocabMessages: Catalogue<AnalysisMessageKey> = { en: inLocale('en'), ru: inLocale('ru'), 'zh-CN': inLocale('zh-CN') };

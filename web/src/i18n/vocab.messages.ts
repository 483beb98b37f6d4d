import { analysisWords } from '../lib/vocab.ts';

/**
 * The analysis vocabulary every feature shows (sentiment, aspects, risks): the server's own words
 * (src/analysis/analysis.messages.ts), one set for the web and what the server writes.
 */
export const vocabMessages = analysisWords;

import type { Token } from './tokenize.ts';
import type { SentimentModel } from './sentiment-model.ts';
import type { SentimentResult } from './sentiment.ts';
import type { AnalysisLanguage, Polarity } from './analysis.vocab.ts';

/**
 * One mention as every analysis stage sees it (create-analyser.ts builds it once per text and
 * calls the stages in order: text sentiment → aspects → risks → staff → the final sentiment).
 * Stages read it and never change it; offsets are into `text` (and `haystack`, which has the same
 * length: zh is simplified character by character).
 */
export interface PreparedMention {
  /** The original text. */
  text: string;
  /** The text the cues are matched in: simplified Chinese for zh, the original otherwise. */
  haystack: string;
  /** Simplified text for zh (character n-gram features), null otherwise. */
  simplified: string | null;
  lang: AnalysisLanguage;
  tokens: readonly Token[];
  model: SentimentModel;
  /** Stars 1..5 when the source has them. */
  rating: number | null;
  /** The department the mention was filed under, when known (staff disambiguation). */
  department: string | null;
  /** The sentiment model's reading of the whole text (before rating, aspects and risks). */
  textSentiment: SentimentResult;
  /** Per-token [from, to) of its clause; computed on first use. */
  clauses(): { from: Int32Array; to: Int32Array };
}

/** Per-token [from, to) of the clause it belongs to (clauses end at punctuation and before contrast words). */
export function clauseRanges(tokens: readonly Token[]): { from: Int32Array; to: Int32Array } {
  const from = new Int32Array(tokens.length);
  const to = new Int32Array(tokens.length);
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.boundary || i === tokens.length - 1) {
      for (let k = start; k <= i; k++) {
        from[k] = start;
        to[k] = i + 1;
      }
      start = i + 1;
    }
  }
  return { from, to };
}

/** Index of the token covering (or first after) a text offset. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** An aspect named in the mention, with its polarity there and the clause that says it. */
export interface AspectResult {
  aspect: string;
  polarity: Polarity;
  span: [number, number];
}

/** A risk with its evidence: `cue` is the lexicon cue that matched (or, for a risk only the model saw, the words that weighed most). */
export interface RiskResult {
  risk: string;
  span: [number, number];
  cue: string;
  /** Calibrated probability that the risk is real; a Major case opens by itself at `Analysis.riskThreshold`. */
  confidence: number;
  /** How many times the organisation said "not a risk" to this risk and cue. */
  corrections?: number;
  /** A person said "not a risk" for this mention. */
  dismissed?: boolean;
}

/**
 * A staff member the mention names. When a name fits several people (two Dr Wangs), each candidate
 * is reported over the same span with a lower confidence and the others in `candidates`, never a
 * silent pick of one.
 */
export interface StaffResult {
  id: string;
  span: [number, number];
  confidence: number;
  /** The other roster ids the same words fit, when the match is ambiguous. */
  candidates?: string[];
}

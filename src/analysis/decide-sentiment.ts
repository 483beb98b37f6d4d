import type { SentimentLabel } from './analysis.vocab.ts';
import type { AspectResult, PreparedMention, RiskResult } from './stage.ts';

/** The text's sentiment with the stars weighed in. */
export interface RatedSentiment {
  label: SentimentLabel;
  /** −1..1 */
  score: number;
  confidence: number;
  /** The text clearly contradicts the stars (then the text decides the label). */
  ratingConflict: boolean;
}

/**
 * Rating and text together: the rating pulls the score, but a clear contradiction is flagged and
 * the text decides the label (an angry text under 5 stars is usually a mis-tap or a trap).
 */
export function rateSentiment(m: PreparedMention, supported: boolean): RatedSentiment {
  const text = m.textSentiment;
  let { label, score, confidence } = text as { label: SentimentLabel; score: number; confidence: number };
  let ratingConflict = false;
  const rating = m.rating;
  if (rating !== null) {
    const ratingScore = (rating - 3) / 2;
    // The further the stars are from neutral, the less text evidence a contradiction needs:
    // 5★ conflicts with a text score ≤ −0.4, 4★ only with ≤ −0.6 (mirrored for 1★/2★).
    const needed = Math.abs(rating - 3) === 2 ? 0.4 : 0.6;
    ratingConflict = supported && ((rating >= 4 && text.label === 'negative' && text.score <= -needed) || (rating <= 2 && text.label === 'positive' && text.score >= needed));
    if (ratingConflict) {
      score = 0.7 * text.score + 0.3 * ratingScore;
      confidence = text.confidence * 0.8;
    } else {
      const textWeight = supported ? 0.6 : 0;
      score = textWeight * text.score + (1 - textWeight) * ratingScore;
      label = score > 0.2 ? 'positive' : score < -0.2 ? 'negative' : 'neutral';
      const agrees = label === text.label;
      confidence = agrees ? Math.min(1, text.confidence + 0.15 * Math.abs(ratingScore)) : Math.max(0.5, 0.5 + 0.3 * Math.abs(score));
    }
  }
  return { label, score: Math.max(-1, Math.min(1, score)), confidence, ratingConflict };
}

/**
 * The mention's final sentiment once its aspects and risks are known (mixed when both sides are
 * substantial, neutral for questions and information requests). Today: the rated sentiment as is.
 */
export function decideSentiment(
  _m: PreparedMention,
  rated: RatedSentiment,
  _aspects: readonly AspectResult[],
  _risks: readonly RiskResult[],
): { label: SentimentLabel; score: number; confidence: number } {
  return { label: rated.label, score: rated.score, confidence: rated.confidence };
}

import type { SentimentLabel } from './analysis.vocab.ts';
import type { AspectResult, PreparedMention, RiskResult } from './stage.ts';
import { scoreTokens } from './sentiment.ts';
import { CONTRAST_NORMS } from './tokenize.ts';

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
 * The decision's constants, chosen on the clinic set's train side (scripts/tune-sentiment.ts: models
 * trained without a held-out third of the clinic train rows, thresholds picked on that third: macro-F1
 * mixed-as-negative 0.772 → 0.840 and four-label 0.716 → 0.771 there).
 */
export const DECISION = {
  /** Weight of the text score against the stars' (rating − 3) / 2 when both speak. */
  textWeight: 0.4,
  /** Combined score beyond which the label is polar. */
  polar: 0.1,
  /** A question or information request is neutral unless its text score is beyond this (above 1: always, unless rhetorical, rated or risky). */
  questionScore: 1.01,
  /** Each side of a contrast must score at least this for mixed. */
  mixedSide: 0.15,
  /** The contrast's two sides are read only when the whole text's |score| is below this (a clear text is not mixed; saves the two extra readings). */
  mixedMaxScore: 0.9,
  /** Praised and criticised aspects make a text mixed while its overall |score| stays below this. */
  mixedAspects: 0.4,
  /** A risk at or above this confidence makes a positive or neutral reading negative (harm told calmly). */
  riskConfidence: 0.6,
};

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
    // A 4★ or 2★ text with a contrast (good doctor, but two hours) is a mixed review, not a contradiction.
    if (ratingConflict && Math.abs(rating - 3) === 1 && contrastAt(m) >= 0) ratingConflict = false;
    if (ratingConflict) {
      score = 0.7 * text.score + 0.3 * ratingScore;
      confidence = text.confidence * 0.8;
    } else {
      const textWeight = supported ? DECISION.textWeight : 0;
      score = textWeight * text.score + (1 - textWeight) * ratingScore;
      label = score > DECISION.polar ? 'positive' : score < -DECISION.polar ? 'negative' : 'neutral';
      const agrees = label === text.label;
      confidence = agrees ? Math.min(1, text.confidence + 0.15 * Math.abs(ratingScore)) : Math.max(0.5, 0.5 + 0.3 * Math.abs(score));
    }
  }
  return { label, score: Math.max(-1, Math.min(1, score)), confidence, ratingConflict };
}

// A question or an information request (matched in the simplified text for zh).
const QUESTION = {
  zh: /[?？]|吗|请问|几点|几时|有冇|有没有|多少钱|可不可以|能不能|是不是|系咪|点样|边度|咩|乜嘢|想问|想咨询|咨询一下/,
  ru: /[?]|подскажите|можно ли|сколько стоит|есть ли|нужно ли|нужна ли|нужен ли|принимаете ли|работаете ли|как записаться|не подскажете/i,
  en: /[?]|^\s*(?:can|could|do|does|is|are|will|would|how|what|when|where|which|who|anyone|any)\b|\b(?:can i|do you|how much|how long|is there|are there|does anyone|i was wondering|wondering if)\b/i,
};
// A question that is a complaint in disguise (why, how dare, how can).
const RHETORICAL = {
  zh: /为什么|为啥|凭什么|怎么能|怎么可以|难道|有没有搞错|搞什么|点解|做咩/,
  ru: /почему|зачем|как можно|как так|сколько можно|доколе/i,
  en: /\b(?:why|how dare|how can you|how could you|what kind of|seriously)\b/i,
};
// Sarcasm: thanks or praise said of a long wait, a big bill or a harm, or praise in quotes / with 呵呵.
const PRAISE = {
  zh: /谢谢|感谢|多谢|太棒|真棒|真是|良心|物超所值|厉害|好到不得了|佩服|服了|一流|优秀|贴心|真好|体验/,
  ru: /спасибо|благодар|отличн|прекрасн|замечательн|браво|супер|шикарн/i,
  en: /\b(?:thanks|thank you|brilliant|great|wonderful|loved|lovely|fantastic|amazing|truly|perfect|excellent)\b/i,
};
const COST = {
  zh: /等了|等到|坐到|排了|小时|个钟|一天|半天|整天|花了|[0-9一二三四五六七八九十百千万两]+\s*(?:块|元|蚊|千|万)|吃土|省了|白跑|[“"「『].{1,8}[”"」』]|呵呵|嗬嗬|哈哈哈/,
  ru: /час(?:а|ов)?\b|минут|недел|[0-9]+\s*(?:руб|₽|тыс)|за (?:ничего|что)|«.{1,12}»|"[^"]{1,12}"|ни одного|ни разу/i,
  en: /\bhours?\b|\bminutes\b|\bweeks?\b|[£$€]\s*[0-9]|\bfor (?:absolutely )?nothing\b|\bonly\b|"[^"]{1,16}"|\bnot a single\b|\bagain\b|\banother\b/i,
};

/** First contrast word (but, 但是, но…) not at either end, or −1. */
function contrastAt(m: PreparedMention): number {
  const { tokens } = m;
  const contrast = CONTRAST_NORMS[m.lang];
  for (let i = 1; i < tokens.length - 1; i++) if (contrast.has(tokens[i]!.norm)) return i;
  // A trailing "though"/"тоже" style contrast: "£780 though" closes the second half.
  return -1;
}

/**
 * The mention's final sentiment once its aspects and risks are known: neutral for questions and
 * information requests without polar content, mixed when a clearly positive and a clearly
 * negative part stand together (a contrast whose two sides disagree, or praised and criticised
 * aspects), negative for sarcasm (thanks or praise said of a wait, a bill or a harm) and for a
 * calmly told harm the risk stage is confident about.
 */
export function decideSentiment(
  m: PreparedMention,
  rated: RatedSentiment,
  aspects: readonly AspectResult[],
  risks: readonly RiskResult[],
): { label: SentimentLabel; score: number; confidence: number } {
  const { label, score, confidence } = rated;
  const lang = m.lang;
  const text = m.haystack;
  let risky = false;
  for (const risk of risks) if (!risk.dismissed && risk.confidence >= DECISION.riskConfidence) risky = true;

  // Sarcasm: a positive reading whose praise is said of a cost; not under 4–5 stars.
  if (label === 'positive' && (m.rating === null || m.rating <= 3) && PRAISE[lang].test(text) && COST[lang].test(text)) {
    return { label: 'negative', score: -Math.abs(score), confidence: 0.6 };
  }
  if (risky && (label === 'positive' || label === 'neutral')) {
    return { label: 'negative', score: Math.min(score, -0.3), confidence: Math.max(0.55, confidence * 0.8) };
  }
  if (!risky && (m.rating === null || m.rating === 3) && Math.abs(m.textSentiment.score) < DECISION.questionScore && QUESTION[lang].test(text) && !RHETORICAL[lang].test(text)) {
    return { label: 'neutral', score: score * 0.5, confidence: 0.6 };
  }
  // Mixed: both sides substantial.
  let positiveAspects = 0;
  let negativeAspects = 0;
  for (const aspect of aspects) {
    if (aspect.polarity === 'positive') positiveAspects++;
    else if (aspect.polarity === 'negative') negativeAspects++;
  }
  if (m.rating === null || (m.rating >= 2 && m.rating <= 4)) {
    const at = Math.abs(m.textSentiment.score) < DECISION.mixedMaxScore ? contrastAt(m) : -1;
    if (at > 0) {
      const clauseStart = m.clauses().from[at]!;
      const split = clauseStart > 0 ? clauseStart : at;
      const before = scoreTokens(m.model, m.tokens, 0, split, m.simplified).score;
      const after = scoreTokens(m.model, m.tokens, split, m.tokens.length, m.simplified).score;
      if ((before >= DECISION.mixedSide && after <= -DECISION.mixedSide) || (before <= -DECISION.mixedSide && after >= DECISION.mixedSide)) {
        return { label: 'mixed', score, confidence: Math.min(0.9, 0.5 + Math.min(Math.abs(before), Math.abs(after)) / 2) };
      }
    }
    if (positiveAspects > 0 && negativeAspects > 0 && Math.abs(score) < DECISION.mixedAspects) return { label: 'mixed', score, confidence: 0.55 };
  }
  return { label, score, confidence };
}

import { matchedCue, type CompiledLexicon } from './lexicon.ts';
import { isNegatedAt } from './negation.ts';
import { riskConfidence, riskFeatures, type RiskCorrections, type RiskModel } from './risk-confidence.ts';
import type { PreparedMention, RiskResult } from './stage.ts';
import type { RatedSentiment } from './decide-sentiment.ts';

const round = (value: number): number => Math.round(value * 1000) / 1000;

export interface RiskOptions {
  lexicon: CompiledLexicon;
  model: RiskModel;
  corrections?: RiskCorrections;
  /** The mention's id, to find a person's "not a risk" for it. */
  mentionId?: string;
}

/**
 * The risks a mention raises: lexicon cues (first evidence span per risk, directly negated cues
 * skipped), each with a calibrated confidence from the risk model and the organisation's
 * corrections applied. `rated` is the sentiment after the rating was weighed in.
 */
export function detectRisks(m: PreparedMention, rated: RatedSentiment, options: RiskOptions): RiskResult[] {
  const { lexicon, model, corrections } = options;
  const { haystack, lang } = m;
  const hits: { risk: string; span: [number, number]; cue: string }[] = [];
  const riskScan = lexicon.riskScan[lang];
  const riskList = lexicon.risks[lang];
  if (riskScan && m.tokens.length > 0) {
    let seen: Set<string> | null = null;
    let match: RegExpExecArray | null;
    riskScan.lastIndex = 0;
    while ((match = riskScan.exec(haystack))) {
      let group = 1;
      while (match[group] === undefined) group++;
      const compiled = riskList[group - 1]!;
      const risk = compiled.risk;
      seen ??= new Set<string>();
      if (seen.has(risk) || isNegatedAt(haystack, match.index, lang)) continue;
      seen.add(risk);
      hits.push({ risk, span: [match.index, match.index + match[0].length], cue: matchedCue(compiled, match[0]) });
    }
    hits.sort((a, b) => a.span[0] - b.span[0]);
  }
  return hits.map((hit) => {
    const features = riskFeatures(
      { lang, text: haystack, span: hit.span, risk: hit.risk, cue: hit.cue, riskCount: hits.length, sentimentScore: rated.score, rating: m.rating, ratingConflict: rated.ratingConflict },
      model.generalUse,
    );
    const count = corrections?.cues.get(`${hit.risk}:${hit.cue}`) ?? 0;
    const dismissed = options.mentionId !== undefined && corrections?.mentions.has(`${options.mentionId}:${hit.risk}`) === true;
    return { ...hit, confidence: round(riskConfidence(model, features, count)), ...(count ? { corrections: count } : {}), ...(dismissed ? { dismissed } : {}) };
  });
}

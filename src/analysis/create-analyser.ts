import { createHash } from 'node:crypto';
import { analysisLanguage, detectLanguage } from './text.ts';
import { prepareText, type Token } from './tokenize.ts';
import { getSentimentModels, scoreTokens, type SentimentResult } from './sentiment.ts';
import { compileLexicon, matchedCue, type CompiledLexicon, type CompiledAspect } from './lexicon.ts';
import { getRiskModel, riskConfidence, riskFeatures, type RiskCorrections } from './risk-confidence.ts';
import { createStaffMatcher, type RosterMember } from './match-staff.ts';
import { AuthenticityIndex, singleTextSignals } from './authenticity.ts';
import type { SentimentLabel } from './sentiment-model.ts';

export interface AnalysisInput {
  id?: string;
  text: string;
  /** Star rating 1..5 when the source has one. */
  rating?: number | null;
  lang?: string | null;
  author?: string | null;
  publishedAt?: Date | null;
}

export interface Analysis {
  lang: string;
  sentiment: { label: SentimentLabel; score: number; confidence: number };
  aspects: { aspect: string; polarity: SentimentLabel; span: [number, number] }[];
  /** `confidence`: calibrated probability that the risk is real (risk-confidence.ts); `dismissed`: a person said "not a risk" for this mention. */
  risks: { risk: string; span: [number, number]; cue: string; confidence: number; corrections?: number; dismissed?: boolean }[];
  staff: { id: string; span: [number, number]; confidence: number }[];
  authenticity: { score: number; signals: string[] };
  ratingConflict: boolean;
  /** The calibrated confidence at or above which a major risk opens a Major case by itself (from the risk model). */
  riskThreshold: number;
  modelVersion: string;
}

export interface Analyser {
  analyse(input: AnalysisInput): Analysis;
  /** Analyses in order and adds cross-text authenticity signals (near-duplicates, bursts) within the batch. */
  analyseBatch(inputs: AnalysisInput[]): Analysis[];
}

export interface AnalyserOptions {
  roster?: RosterMember[];
  /** Extra cues merged into the built-in lexicons: an object shaped like lexicons/*.json or a JSON file path. */
  lexicons?: unknown;
  /** The organisation's "not a risk" corrections, applied to every risk confidence. */
  riskCorrections?: RiskCorrections;
}

let defaultLexicon: CompiledLexicon | undefined;
const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** The ISO code we report: zh/ru/en regional variants fold to the base code, others pass through untouched. */
function reportedLanguage(given: string | null | undefined, text: string): string {
  if (given && given.trim()) {
    const trimmed = given.trim();
    const base = trimmed.toLowerCase().split(/[-_]/)[0]!;
    return base === 'zh' || base === 'ru' || base === 'en' ? base : trimmed;
  }
  return detectLanguage(text);
}

/** Per-token [from, to) of the clause it belongs to (clauses end at punctuation and before contrast words). */
function clauseRanges(tokens: readonly Token[]): { from: Int32Array; to: Int32Array } {
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
function tokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

const ZH_NEGATION_BEFORE = /(没有|没|无|未|不|并非|排除)$/;
const WORD_NEGATION_BEFORE = /(?:^|[^\p{L}])(не|нет|без|no|not|never|without|nor|any)\s+$/iu;

function isNegatedAt(haystack: string, start: number, lang: 'zh' | 'ru' | 'en'): boolean {
  if (lang === 'zh') return ZH_NEGATION_BEFORE.test(haystack.slice(Math.max(0, start - 3), start));
  return WORD_NEGATION_BEFORE.test(haystack.slice(Math.max(0, start - 12), start));
}

/** Polarity fixed by the aspect's own cues in the clause (negated cues flip), or null to ask the model. */
function cuePolarity(aspect: CompiledAspect, clause: string, offset: number, haystack: string, lang: 'zh' | 'ru' | 'en'): SentimentLabel | null {
  let negative = false;
  let positive = false;
  for (const [regex, isNegativeCue] of [
    [aspect.negative, true],
    [aspect.positive, false],
  ] as const) {
    if (!regex) continue;
    const match = regex.exec(clause);
    if (!match) continue;
    const flipped = isNegatedAt(haystack, offset + match.index, lang) && !/^(不|没|не|no|not|never)/iu.test(match[0]);
    if (isNegativeCue !== flipped) negative = true;
    else positive = true;
  }
  if (negative === positive) return null;
  return negative ? 'negative' : 'positive';
}

/**
 * Loads the committed models (synchronously, cached per process) and compiles the roster and
 * lexicons. Throws when models/ is missing or an extra lexicon is unreadable or off-taxonomy.
 */
export function createAnalyser(options: AnalyserOptions = {}): Analyser {
  const { manifest, models } = getSentimentModels();
  const lexicon = options.lexicons === undefined ? (defaultLexicon ??= compileLexicon()) : compileLexicon(options.lexicons);
  const matchStaff = createStaffMatcher(options.roster ?? []);
  const riskModel = getRiskModel();
  const corrections = options.riskCorrections;
  const modelVersion = `${manifest.version}+lex-${createHash('sha256').update(lexicon.fingerprint).digest('hex').slice(0, 8)}+risk-${riskModel.version}`;

  function analyse(input: AnalysisInput): Analysis {
    if (typeof input?.text !== 'string') throw new TypeError('analysis input needs a text string');
    const text = input.text;
    const lang = reportedLanguage(input.lang, text);
    // reportedLanguage folds zh/ru/en variants, so anything else is a language we do not analyse.
    const supported = lang === 'zh' || lang === 'ru' || lang === 'en';
    const analysisLang = analysisLanguage(lang);
    const prepared = supported ? prepareText(text, analysisLang) : { simplified: null, tokens: [] as Token[] };
    const { tokens } = prepared;
    const haystack = prepared.simplified ?? text;
    const model = models.get(analysisLang);

    const textSentiment: SentimentResult =
      supported && model && tokens.length > 0
        ? scoreTokens(model, tokens, 0, tokens.length, prepared.simplified)
        : { label: 'neutral', score: 0, confidence: supported ? 0.5 : 0, probabilities: [0, 1, 0] };

    const aspects: Analysis['aspects'] = [];
    const riskHits: { risk: string; span: [number, number]; cue: string }[] = [];
    if (supported && tokens.length > 0 && model) {
      // Clause ranges are only needed once a cue matches (most texts have few or none).
      let clauses: { from: Int32Array; to: Int32Array } | null = null;
      let seen: Set<string> | null = null;
      const aspectScan = lexicon.aspectScan[analysisLang];
      const aspectList = lexicon.aspects[analysisLang];
      let match: RegExpExecArray | null;
      if (aspectScan) {
        aspectScan.lastIndex = 0;
        while ((match = aspectScan.exec(haystack))) {
          let group = 1;
          while (match[group] === undefined) group++;
          const aspect = aspectList[group - 1]!;
          const tokenIndex = tokenAt(tokens, match.index);
          clauses ??= clauseRanges(tokens);
          const from = clauses.from[tokenIndex]!;
          const to = clauses.to[tokenIndex]!;
          const start = tokens[from]!.start;
          const end = tokens[to - 1]!.end;
          const key = `${aspect.aspect}:${start}`;
          seen ??= new Set<string>();
          if (seen.has(key)) continue;
          seen.add(key);
          let polarity = cuePolarity(aspect, haystack.slice(start, end), start, haystack, analysisLang);
          if (!polarity) {
            const clause = scoreTokens(model, tokens, from, to, prepared.simplified);
            polarity = clause.confidence >= 0.55 ? clause.label : 'neutral';
          }
          aspects.push({ aspect: aspect.aspect, polarity, span: [start, end] });
        }
      }
      aspects.sort((a, b) => a.span[0] - b.span[0]);
      const riskScan = lexicon.riskScan[analysisLang];
      const riskList = lexicon.risks[analysisLang];
      let riskSeen: Set<string> | null = null;
      if (riskScan) {
        riskScan.lastIndex = 0;
        while ((match = riskScan.exec(haystack))) {
          let group = 1;
          while (match[group] === undefined) group++;
          const compiled = riskList[group - 1]!;
          const risk = compiled.risk;
          riskSeen ??= new Set<string>();
          if (riskSeen.has(risk) || isNegatedAt(haystack, match.index, analysisLang)) continue;
          riskSeen.add(risk);
          riskHits.push({ risk, span: [match.index, match.index + match[0].length], cue: matchedCue(compiled, match[0]) });
        }
      }
      riskHits.sort((a, b) => a.span[0] - b.span[0]);
    }

    // Rating and text together: the rating pulls the score, but a clear contradiction is flagged
    // and the text decides the label (an angry text under 5 stars is usually a mis-tap or a trap).
    let { label, score, confidence } = textSentiment;
    let ratingConflict = false;
    const rating = typeof input.rating === 'number' && input.rating >= 1 && input.rating <= 5 ? input.rating : null;
    if (rating !== null) {
      const ratingScore = (rating - 3) / 2;
      // The further the stars are from neutral, the less text evidence a contradiction needs:
      // 5★ conflicts with a text score ≤ −0.4, 4★ only with ≤ −0.6 (mirrored for 1★/2★).
      const needed = Math.abs(rating - 3) === 2 ? 0.4 : 0.6;
      ratingConflict =
        supported && ((rating >= 4 && textSentiment.label === 'negative' && textSentiment.score <= -needed) || (rating <= 2 && textSentiment.label === 'positive' && textSentiment.score >= needed));
      if (ratingConflict) {
        score = 0.7 * textSentiment.score + 0.3 * ratingScore;
        confidence = textSentiment.confidence * 0.8;
      } else {
        const textWeight = supported ? 0.6 : 0;
        score = textWeight * textSentiment.score + (1 - textWeight) * ratingScore;
        label = score > 0.2 ? 'positive' : score < -0.2 ? 'negative' : 'neutral';
        const agrees = label === textSentiment.label;
        confidence = agrees ? Math.min(1, textSentiment.confidence + 0.15 * Math.abs(ratingScore)) : Math.max(0.5, 0.5 + 0.3 * Math.abs(score));
      }
    }

    const finalScore = Math.max(-1, Math.min(1, score));
    const risks: Analysis['risks'] = riskHits.map((hit) => {
      const features = riskFeatures(
        { lang: analysisLang, text: haystack, span: hit.span, risk: hit.risk, cue: hit.cue, riskCount: riskHits.length, sentimentScore: finalScore, rating, ratingConflict },
        riskModel.generalUse,
      );
      const count = corrections?.cues.get(`${hit.risk}:${hit.cue}`) ?? 0;
      const dismissed = input.id !== undefined && corrections?.mentions.has(`${input.id}:${hit.risk}`) === true;
      return { ...hit, confidence: round(riskConfidence(riskModel, features, count)), ...(count ? { corrections: count } : {}), ...(dismissed ? { dismissed } : {}) };
    });
    const authenticity = singleTextSignals(text, rating, label);
    return {
      lang,
      sentiment: { label, score: round(finalScore), confidence: round(confidence) },
      aspects,
      risks,
      staff: matchStaff(text, haystack),
      authenticity: { score: round(authenticity.score), signals: authenticity.signals },
      ratingConflict,
      riskThreshold: riskModel.majorThreshold,
      modelVersion,
    };
  }

  function analyseBatch(inputs: AnalysisInput[]): Analysis[] {
    const results = inputs.map(analyse);
    const index = new AuthenticityIndex();
    const positions = inputs.map((input) => index.add(input.author, input.text, input.publishedAt));
    inputs.forEach((input, i) => {
      const cross = index.score(input.author, input.text, input.publishedAt, positions[i]);
      if (cross.signals.length === 0) return;
      const result = results[i]!;
      result.authenticity = {
        score: round(1 - (1 - result.authenticity.score) * (1 - cross.score)),
        signals: [...result.authenticity.signals, ...cross.signals],
      };
    });
    return results;
  }

  return { analyse, analyseBatch };
}

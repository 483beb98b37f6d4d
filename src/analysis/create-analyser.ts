import { createHash } from 'node:crypto';
import { analysisLanguage, detectLanguage } from './text.ts';
import { prepareText, type Token } from './tokenize.ts';
import { getSentimentModels, scoreTokens, type SentimentResult } from './sentiment.ts';
import { compileLexicon, type CompiledLexicon } from './lexicon.ts';
import { getRiskModel, type RiskCorrections } from './risk-confidence.ts';
import { createStaffMatcher, type RosterMember } from './match-staff.ts';
import { AuthenticityIndex, singleTextSignals } from './authenticity.ts';
import { clauseRanges, type AspectResult, type PreparedMention, type RiskResult, type StaffResult } from './stage.ts';
import { detectAspects } from './aspects.ts';
import { detectRisks } from './risks.ts';
import { decideSentiment, rateSentiment } from './decide-sentiment.ts';
import type { SentimentLabel } from './analysis.vocab.ts';

export interface AnalysisInput {
  id?: string;
  text: string;
  /** Star rating 1..5 when the source has one. */
  rating?: number | null;
  lang?: string | null;
  author?: string | null;
  publishedAt?: Date | null;
  /** The department the mention was filed under (name or id as the roster gives it), to tell apart staff who share a name. */
  department?: string | null;
}

export interface Analysis {
  lang: string;
  sentiment: { label: SentimentLabel; score: number; confidence: number };
  aspects: AspectResult[];
  /** `confidence`: calibrated probability that the risk is real (risk-confidence.ts); `dismissed`: a person said "not a risk" for this mention. */
  risks: RiskResult[];
  staff: StaffResult[];
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
    const rating = typeof input.rating === 'number' && input.rating >= 1 && input.rating <= 5 ? input.rating : null;
    let clauses: { from: Int32Array; to: Int32Array } | null = null;
    const mention: PreparedMention = {
      text,
      haystack,
      simplified: prepared.simplified,
      lang: analysisLang,
      tokens,
      model: model!,
      rating,
      department: input.department ?? null,
      textSentiment,
      clauses: () => (clauses ??= clauseRanges(tokens)),
    };
    const analysed = supported && tokens.length > 0 && model !== undefined;
    const aspects = analysed ? detectAspects(mention, lexicon) : [];
    const rated = rateSentiment(mention, supported);
    const risks = analysed ? detectRisks(mention, rated, { lexicon, model: riskModel, corrections, mentionId: input.id }) : [];
    const sentiment = analysed ? decideSentiment(mention, rated, aspects, risks) : rated;
    const authenticity = singleTextSignals(text, rating, sentiment.label);
    return {
      lang,
      sentiment: { label: sentiment.label, score: round(sentiment.score), confidence: round(sentiment.confidence) },
      aspects,
      risks,
      staff: matchStaff(text, haystack, input.department ?? null),
      authenticity: { score: round(authenticity.score), signals: authenticity.signals },
      ratingConflict: rated.ratingConflict,
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

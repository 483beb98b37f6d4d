import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * How sure the analysis is that a risk cue is a real risk. A lexicon hit is only a candidate: "so I
 * won't get it wrong at home" holds a medical-error cue and is praise. A small logistic model weighs
 * what surrounds the cue (its specificity and how often it appears in everyday, non-clinical text,
 * negation and hedging near it, the mention's sentiment and stars, first-person harm, intent, how many
 * risks are named) and Platt scaling on a held-apart dev split turns the score into a calibrated
 * probability. `npm run train:risks` (scripts/train-risks.ts, train-risk-confidence.ts) fits it from
 * risk-data/ and ../shared/data and writes models/risk-confidence.json.
 */

export type RiskLang = 'zh' | 'ru' | 'en';

export const RISK_FEATURES = ['bias', 'generalUse', 'specific', 'negatedNear', 'hedged', 'sentiment', 'rating', 'firstPersonHarm', 'intent', 'otherRisks', 'ratingConflict', 'newsStyle'] as const;

export interface RiskModel {
  version: string;
  features: readonly string[];
  weights: number[];
  /** Platt scaling fitted on the dev split: p = sigmoid(a · score + b). */
  platt: { a: number; b: number };
  /** A major risk at or above this calibrated confidence opens a Major case on its own (chosen on the dev split). */
  majorThreshold: number;
  /** log10(1 + hits per 10,000 everyday texts) of each cue, by language: a cue common outside clinics is weak evidence. */
  generalUse: Record<RiskLang, Record<string, number>>;
  metrics?: Record<string, unknown>;
}

/** What the features see of one risk hit. */
export interface RiskHit {
  lang: RiskLang;
  /** The analysed text (simplified for zh). */
  text: string;
  span: [number, number];
  risk: string;
  cue: string;
  /** Distinct risks found in the text, this one included. */
  riskCount: number;
  /** The mention's sentiment score after the rating (−1 … 1). */
  sentimentScore: number;
  rating: number | null;
  ratingConflict: boolean;
}

const NEGATION_NEAR: Record<RiskLang, RegExp> = {
  zh: /(不会|不要|不用|不|没有|没|无|未|别|避免|防止|以免|免得|以防|杜绝)/,
  ru: /(?:^|[^\p{L}])(не|нет|без|ни|ничего|избежать|избегать|чтобы\s+не)(?![\p{L}])/iu,
  en: /(?:^|[^\p{L}])(no|not|never|without|won't|wouldn't|don't|didn't|isn't|wasn't|nothing|avoid|prevent|zero|any)(?![\p{L}])|n't(?![\p{L}])/iu,
};
const HEDGE: Record<RiskLang, RegExp> = {
  zh: /(如果|万一|担心|怕|害怕|以防|会不会|怎么办|该怎么|提醒|教我|预防|一般不会|本来)/,
  ru: /(?:^|[^\p{L}])(если|вдруг|чтобы|боял\p{L}*|опасал\p{L}*|может|могут|как\s+избежать|что\s+делать|при|предупредил\p{L}*|рассказали|объяснил\p{L}*)(?![\p{L}])/iu,
  en: /(?:^|[^\p{L}])(if|in\s+case|so\s+that|so\s+i|worried|afraid|might|could|would|may|what\s+to\s+do|how\s+to|warned|explained|taught|check(?:ed)?|any\s+history)(?![\p{L}])/iu,
};
const FIRST_PERSON: Record<RiskLang, RegExp> = {
  zh: /(我|我的|我们|孩子|儿子|女儿|父亲|母亲|我爸|我妈|老公|老婆|奶奶|爷爷|外婆|家属)/,
  ru: /(?:^|[^\p{L}])(я|мне|меня|мой|моя|моего|моей|мою|мы|нам|нас|наш\p{L}*|мама|маме|маму|отец|отца|муж|мужа|ребён\p{L}*|ребен\p{L}*|сын\p{L}*|дочь|брат|бабушк\p{L}*)(?![\p{L}])/iu,
  en: /(?:^|[^\p{L}])(i|me|my|we|our|us|mum|mom|mother|father|dad|husband|wife|son|daughter|child|grandmother|grandfather)(?![\p{L}])/iu,
};
const HARM: Record<RiskLang, RegExp> = {
  zh: /(疼|痛|住院|急诊|抢救|更严重|恶化|差点|手术|吃了|进了|没人|不承认|道歉|水泡|穿孔)/,
  ru: /(?:^|[^\p{L}])(бол\p{L}*|больниц\p{L}*|скор\p{L}*|хуже|реанимаци\p{L}*|плохо|операци\p{L}*|никто|извинил\p{L}*|шок|заживает)(?![\p{L}])/iu,
  en: /(?:^|[^\p{L}])(pain|hospital|a&e|emergency|worse|intensive|suffer\p{L}*|hurt|vomiting|operation|surgery|nobody|apolog\p{L}*|reaction|collapsed|ended\s+up)(?![\p{L}])/iu,
};
const INTENT: Record<RiskLang, RegExp> = {
  zh: /(我要|要把|准备|一定要|已经|必须|不然|再不|否则|亲眼)/,
  ru: /(?:^|[^\p{L}])(буду|будем|подаю|подам|подала|подал|обращусь|обратилась|обратился|отправлю|напишу|пишу|написала|написал|добьюсь|уже)(?![\p{L}])/iu,
  en: /(?:^|[^\p{L}])(will|going\s+to|i'll|we'll|i\s+am\s+taking|have\s+contacted|expect|already|reported|sending)(?![\p{L}])/iu,
};
const NEWS = /(https?:\/\/|\bRT @|^[\p{Lu}А-Я]{2,6}:|#\p{L})/u;

const clamp = (value: number, low = 0, high = 1) => Math.max(low, Math.min(high, value));

/** The clause around the span: back to the last sentence end before it, on to the next one after it. */
function clauseAround(text: string, [start, end]: [number, number]): string {
  const before = text.slice(0, start);
  const from = Math.max(before.search(/[^.!?。！？;；\n]*$/u), 0);
  const after = text.slice(end).search(/[.!?。！？;；\n]/u);
  return text.slice(from, after < 0 ? text.length : end + after);
}

/** The feature vector of one risk hit, in RISK_FEATURES order. */
export function riskFeatures(hit: RiskHit, generalUse: RiskModel['generalUse']): number[] {
  const { lang, text, span, cue } = hit;
  const clause = clauseAround(text, span);
  const window = text.slice(Math.max(0, span[0] - (lang === 'zh' ? 6 : 30)), span[0]);
  const specific = lang === 'zh' ? cue.length >= 3 : /\s/.test(cue.trim());
  const rating = typeof hit.rating === 'number' && hit.rating >= 1 && hit.rating <= 5 ? hit.rating : null;
  const firstPerson = FIRST_PERSON[lang].test(text);
  const harm = HARM[lang].test(text);
  const values: Record<(typeof RISK_FEATURES)[number], number> = {
    bias: 1,
    generalUse: clamp((generalUse[lang]?.[cue] ?? 0) / 2),
    specific: specific ? 1 : 0,
    negatedNear: NEGATION_NEAR[lang].test(window) ? 1 : 0,
    hedged: HEDGE[lang].test(clause) ? 1 : 0,
    sentiment: clamp(hit.sentimentScore, -1, 1),
    rating: rating === null ? 0 : (rating - 3) / 2,
    firstPersonHarm: firstPerson && harm ? 1 : firstPerson ? 0.5 : 0,
    intent: INTENT[lang].test(text) ? 1 : 0,
    otherRisks: clamp((hit.riskCount - 1) / 3),
    ratingConflict: hit.ratingConflict ? 1 : 0,
    newsStyle: NEWS.test(text) ? 1 : 0,
  };
  return RISK_FEATURES.map((name) => values[name]);
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function rawScore(model: Pick<RiskModel, 'weights'>, features: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += (model.weights[i] ?? 0) * features[i]!;
  return z;
}

/** Each dismissal of the same risk and cue in the organisation lowers the odds by this much (in logits), at most three times. */
export const CORRECTION_LOGIT = 1.5;

/** The calibrated confidence of one hit, lowered by the organisation's corrections of the same cue. */
export function riskConfidence(model: RiskModel, features: readonly number[], corrections = 0): number {
  return sigmoid(model.platt.a * rawScore(model, features) + model.platt.b - CORRECTION_LOGIT * Math.min(corrections, 3));
}

/**
 * Corrections a team has made with "Not a risk" (mention_risk_dismissals), applied by the analysis:
 * the dismissed mention's risk stays dismissed when it is analysed again, and the same risk and cue
 * elsewhere in the organisation counts as weaker evidence (CORRECTION_LOGIT per dismissal).
 */
export interface RiskCorrections {
  /** `${risk}:${cue}` → how many times the organisation dismissed it. */
  cues: Map<string, number>;
  /** `${mentionId}:${risk}` of each dismissed mention risk. */
  mentions: Set<string>;
}

let cached: RiskModel | undefined;
const modelPath = () => process.env.VERITY_RISK_MODEL ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../models/risk-confidence.json');

/** The committed risk model (cached per process); a neutral one when none has been trained yet. */
export function getRiskModel(): RiskModel {
  if (cached) return cached;
  const path = modelPath();
  if (existsSync(path)) cached = JSON.parse(readFileSync(path, 'utf8')) as RiskModel;
  else cached = { version: 'untrained', features: RISK_FEATURES, weights: RISK_FEATURES.map(() => 0), platt: { a: 1, b: 0 }, majorThreshold: 0.5, generalUse: { zh: {}, ru: {}, en: {} } };
  return cached;
}

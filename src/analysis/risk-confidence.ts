import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RISKS } from './analysis.vocab.ts';

/*
 * The risk model: one logistic per risk over the engine's hashed features of the whole text (the
 * same token pass as sentiment, in a smaller hash space) plus dense features of the lexicon's cues
 * (a clean cue hit, a specific one, one that is negated, hypothetical or asked about, how common
 * the cue is in everyday text) and of the mention (first-person harm, intent, a question, the
 * sentiment and the stars). A cue hit is a strong feature, not an automatic output: "回家也不会弄错"
 * holds a cue and is praise; a wrong-site operation told as a story holds none and is an error.
 * Per-risk Platt scaling, fitted on out-of-fold predictions of the training side, makes the score
 * a calibrated probability; the reporting and Major thresholds are chosen on the same predictions.
 * `npm run train:risks` (scripts/train-risks.ts, train-risk-confidence.ts) writes models/risk-model.json.
 */

export type RiskLang = 'zh' | 'ru' | 'en';

/** The dense features of one (mention, risk), after the hashed ones, in this order. */
export const RISK_DENSE = ['bias', 'cue', 'cueSpecific', 'cueDiscounted', 'generalUse', 'sentiment', 'rating', 'firstPersonHarm', 'intent', 'question', 'otherRisks'] as const;
export const DENSE_SIZE = RISK_DENSE.length;

export interface RiskModelFile {
  version: string;
  risks: readonly string[];
  hashBits: number;
  dense: readonly string[];
  /** Float32 little-endian, base64: weight of feature f for risk r at f · risks.length + r (hashed features first, then dense). */
  weights: string;
  /** Per risk: p = sigmoid(a · score + b), fitted on out-of-fold scores of the training side. */
  platt: Record<string, { a: number; b: number }>;
  /** A risk is listed when its confidence reaches this (chosen on training-side cross-validation). */
  reportThreshold: number;
  /** A major risk at or above this confidence opens a Major case by itself (training-side cross-validation, precision ≥ 0.9). */
  majorThreshold: number;
  /** log10(1 + hits per 10,000 everyday texts) of each cue, by language: a cue common outside clinics is weak evidence. */
  generalUse: Record<RiskLang, Record<string, number>>;
  metrics?: Record<string, unknown>;
}

export interface RiskModel extends Omit<RiskModelFile, 'weights'> {
  /** Decoded weights, (2^hashBits + DENSE_SIZE) × risks.length. */
  weights: Float32Array;
  mask: number;
  /** Platt a and b by risk index. */
  plattA: Float64Array;
  plattB: Float64Array;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Each dismissal of the same risk and cue in the organisation lowers the odds by this much (in logits), at most three times. */
export const CORRECTION_LOGIT = 1.5;

/** The calibrated confidence of a raw score for risk index r, lowered by the organisation's corrections of the same cue. */
export function calibrated(model: RiskModel, r: number, score: number, corrections = 0): number {
  return sigmoid(model.plattA[r]! * score + model.plattB[r]! - CORRECTION_LOGIT * Math.min(corrections, 3));
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

export function encodeWeights(weights: Float32Array): string {
  return Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).toString('base64');
}

/** The in-memory model of a model file. */
export function decodeRiskModel(file: RiskModelFile): RiskModel {
  const bytes = Buffer.from(file.weights, 'base64');
  const weights = new Float32Array(bytes.byteLength / 4);
  for (let i = 0; i < weights.length; i++) weights[i] = bytes.readFloatLE(i * 4);
  const plattA = new Float64Array(file.risks.length);
  const plattB = new Float64Array(file.risks.length);
  file.risks.forEach((risk, r) => {
    plattA[r] = file.platt[risk]?.a ?? 1;
    plattB[r] = file.platt[risk]?.b ?? 0;
  });
  return { ...file, weights, mask: (1 << file.hashBits) - 1, plattA, plattB };
}

/** A model with no weights (before the first training): every score is 0 and only cue evidence lists a risk. */
export function untrainedRiskModel(hashBits = 10): RiskModel {
  const risks = [...RISKS];
  const weights = new Float32Array(((1 << hashBits) + DENSE_SIZE) * risks.length);
  // A clean cue alone is enough to list its risk (the lexicon's behaviour before training).
  const cue = (1 << hashBits) + RISK_DENSE.indexOf('cue');
  const bias = (1 << hashBits) + RISK_DENSE.indexOf('bias');
  for (let r = 0; r < risks.length; r++) {
    weights[cue * risks.length + r] = 4;
    weights[bias * risks.length + r] = -2;
  }
  const file: RiskModelFile = {
    version: 'untrained',
    risks,
    hashBits,
    dense: RISK_DENSE,
    weights: encodeWeights(weights),
    platt: {},
    reportThreshold: 0.5,
    majorThreshold: 0.5,
    generalUse: { zh: {}, ru: {}, en: {} },
  };
  return decodeRiskModel(file);
}

let cached: RiskModel | undefined;
const modelPath = () => process.env.VERITY_RISK_MODEL ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../models/risk-model.json');

/** The committed risk model (cached per process); an untrained one when none has been trained yet. */
export function getRiskModel(): RiskModel {
  if (cached) return cached;
  const path = modelPath();
  cached = existsSync(path) ? decodeRiskModel(JSON.parse(readFileSync(path, 'utf8')) as RiskModelFile) : untrainedRiskModel();
  return cached;
}

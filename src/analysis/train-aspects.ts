// Fits models/aspects-*: one-vs-rest logistic regressions (one per aspect of the taxonomy) over the
// engine's hashed features plus one feature per aspect whose lexicon cue the text contains, with a
// threshold per aspect chosen by cross-validation inside the training rows (never the dev rows).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASPECTS, type AnalysisLanguage } from './analysis.vocab.ts';
import { isClinicDev, type ClinicText } from './clinic-data.ts';
import type { CompiledLexicon } from './lexicon.ts';
import { hashString, isDevId, seededRandom } from './training-data.ts';
import { prepareText } from './tokenize.ts';
import { extractFeatures } from './features.ts';
import { ASPECT_COUNT, ASPECT_HASH_BITS, cueMaskOf, type AspectModelFile } from './aspects.ts';

/** The seven aspects the NHS patient experience set labels: a text without one of them is a negative only for these. */
export const NHS_LABELLED_ASPECTS = [
  'process.attitude',
  'process.waiting',
  'process.registration',
  'process.communication.listening',
  'process.communication.clarity',
  'process.facilities',
  'brand.price',
] as const;

/**
 * nhs_phase1.jsonl gives one category per text. Only categories that name one of our aspects
 * without doubt are mapped; the text is then a positive for that aspect and says nothing about the
 * others (a text filed under "Food" may still mention waiting). "Nothing to improve" texts are
 * negatives for every aspect. Broad categories (Care received, Staff: General, Communication,
 * Professionalism, Medication…) are left out: they could be any of several aspects.
 */
export const NHS_PHASE1_CATEGORY_ASPECTS: Record<string, string | null> = {
  'Attitude Of Staff': 'process.attitude',
  'Time spent waiting for first appt/referral/service': 'process.waiting',
  'Time spent waiting between appointments': 'process.waiting',
  Listening: 'process.communication.listening',
  'Amount/clarity of information': 'process.communication.clarity',
  'Facilities/equipment': 'process.facilities',
  'Parking/transport': 'process.facilities',
  Food: 'process.environment',
  Cleanliness: 'process.environment',
  'Dignity: General': 'process.communication.privacy',
  'Involvement: Of Service Users/Patients': 'process.communication.shared_decisions',
  'Consistency/Continuity of care': 'relationship.followup',
  'Made A Difference To My Life': 'outcome.efficacy',
  'Nothing to improve': null,
};

/** One training text: per aspect 1 (named), 0 (not named) or -1 (the source does not say). */
export interface AspectExample {
  id: string;
  text: string;
  lang: AnalysisLanguage;
  labels: Int8Array;
  weight: number;
  source: 'nhs' | 'nhs_phase1' | 'clinic';
}

/** A featurised example. */
export interface AspectRow {
  example: AspectExample;
  indices: Int32Array;
  value: number;
  cueMask: number;
}

const CLINIC_WEIGHT = 4;

function readJsonl(path: string): Record<string, unknown>[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The training side of every source: NHS patient experience (isDevId held out), NHS phase 1 (mapped categories), the clinic set's train rows. */
export function readAspectExamples(dataDir: string, clinic: readonly ClinicText[]): AspectExample[] {
  const examples: AspectExample[] = [];
  const nhsLabelled = new Set<string>(NHS_LABELLED_ASPECTS);
  const heldOutTexts = new Set<string>();
  for (const row of readJsonl(join(dataDir, 'en/nhs_patient_experience.train.jsonl'))) {
    const id = String(row.id);
    const text = typeof row.text === 'string' ? row.text : '';
    if (!text.trim()) continue;
    if (isDevId(id)) {
      heldOutTexts.add(text.trim().toLowerCase());
      continue;
    }
    const named = new Set((row.aspects as string[] | undefined) ?? []);
    const labels = Int8Array.from(ASPECTS, (a) => (named.has(a) ? 1 : nhsLabelled.has(a) ? 0 : -1));
    examples.push({ id: `nhs:${id}`, text, lang: 'en', labels, weight: 1, source: 'nhs' });
  }
  for (const row of readJsonl(join(dataDir, 'en/nhs_phase1.jsonl'))) {
    const text = typeof row.text === 'string' ? row.text : '';
    const category = String(row.category ?? '').trim();
    if (!text.trim() || !(category in NHS_PHASE1_CATEGORY_ASPECTS)) continue;
    // The same comment can appear in both NHS files: never train on a held-out text.
    if (heldOutTexts.has(text.trim().toLowerCase())) continue;
    const aspect = NHS_PHASE1_CATEGORY_ASPECTS[category];
    const labels = Int8Array.from(ASPECTS, (a) => (aspect === null ? 0 : a === aspect ? 1 : -1));
    examples.push({ id: `phase1:${String(row.id)}`, text, lang: 'en', labels, weight: 1, source: 'nhs_phase1' });
  }
  for (const row of clinic) {
    if (isClinicDev(row.id)) continue;
    const named = new Set(row.aspects.map((a) => a.aspect as string));
    examples.push({ id: `clinic:${row.id}`, text: row.text, lang: row.lang, labels: Int8Array.from(ASPECTS, (a) => (named.has(a) ? 1 : 0)), weight: CLINIC_WEIGHT, source: 'clinic' });
  }
  return examples;
}

/** Features exactly as the analyser computes them at run time (aspects.ts). */
export function featurise(examples: readonly AspectExample[], lexicon: CompiledLexicon): AspectRow[] {
  const mask = (1 << ASPECT_HASH_BITS) - 1;
  return examples.map((example) => {
    const prepared = prepareText(example.text, example.lang);
    const haystack = prepared.simplified ?? example.text;
    const features = extractFeatures(prepared.tokens, 0, prepared.tokens.length, mask, prepared.simplified);
    return { example, indices: features.indices.slice(0, features.length), value: features.value, cueMask: cueMaskOf(haystack, example.lang, lexicon) };
  });
}

export interface FitOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}
export const DEFAULT_FIT: FitOptions = { epochs: 12, learningRate: 2.5, l2: 1e-6, seed: 0x5eed };

/** Weights laid out [feature × aspect] (hashed features, then one cue feature per aspect) and a bias per aspect. */
export function fitAspects(rows: readonly AspectRow[], options: FitOptions = DEFAULT_FIT): { weights: Float32Array; bias: Float64Array } {
  const features = (1 << ASPECT_HASH_BITS) + ASPECT_COUNT;
  const weights = new Float64Array(features * ASPECT_COUNT);
  const bias = new Float64Array(ASPECT_COUNT);
  // Start each bias at the log-odds of its base rate.
  for (let a = 0; a < ASPECT_COUNT; a++) {
    let positives = 0.5;
    let known = 1;
    for (const row of rows) {
      const label = row.example.labels[a]!;
      if (label < 0) continue;
      known += row.example.weight;
      positives += label * row.example.weight;
    }
    bias[a] = Math.log(positives / (known - positives));
  }
  const order = rows.map((_, i) => i);
  const random = seededRandom(options.seed);
  const z = new Float64Array(ASPECT_COUNT);
  const g = new Float64Array(ASPECT_COUNT);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const r of order) {
      const row = rows[r]!;
      const rate = options.learningRate / (1 + step++ / rows.length);
      scoreRowFull(weights, bias, row, z);
      for (let a = 0; a < ASPECT_COUNT; a++) {
        const label = row.example.labels[a]!;
        g[a] = label < 0 ? 0 : (1 / (1 + Math.exp(-z[a]!)) - label) * row.example.weight * rate;
        bias[a]! -= g[a]! * 0.1;
      }
      const update = (feature: number, value: number): void => {
        const base = feature * ASPECT_COUNT;
        for (let a = 0; a < ASPECT_COUNT; a++) {
          const w = weights[base + a]!;
          weights[base + a] = w - g[a]! * value - rate * options.l2 * w;
        }
      };
      for (let k = 0; k < row.indices.length; k++) update(row.indices[k]!, row.value);
      for (let a = 0; a < ASPECT_COUNT; a++) if (row.cueMask & (1 << a)) update((1 << ASPECT_HASH_BITS) + a, 1);
    }
  }
  return { weights: Float32Array.from(weights), bias };
}

/** Probabilities per aspect for each row under fitted weights. */
export function predictRows(model: { weights: ArrayLike<number>; bias: ArrayLike<number> }, rows: readonly AspectRow[]): Float64Array[] {
  return rows.map((row) => {
    const z = new Float64Array(ASPECT_COUNT);
    scoreRowFull(model.weights, model.bias, row, z);
    for (let a = 0; a < ASPECT_COUNT; a++) z[a] = 1 / (1 + Math.exp(-z[a]!));
    return z;
  });
}

/** Logits of one row: hashed features (scaled by the row value), bias, and each cue feature, which weighs on every aspect (a price cue may say something about trust). */
function scoreRowFull(weights: ArrayLike<number>, bias: ArrayLike<number>, row: AspectRow, z: Float64Array): void {
  for (let a = 0; a < ASPECT_COUNT; a++) z[a] = 0;
  for (let k = 0; k < row.indices.length; k++) {
    const base = row.indices[k]! * ASPECT_COUNT;
    for (let a = 0; a < ASPECT_COUNT; a++) z[a]! += weights[base + a]!;
  }
  for (let a = 0; a < ASPECT_COUNT; a++) z[a] = z[a]! * row.value + bias[a]!;
  for (let c = 0; c < ASPECT_COUNT; c++) {
    if (!(row.cueMask & (1 << c))) continue;
    const base = ((1 << ASPECT_HASH_BITS) + c) * ASPECT_COUNT;
    for (let a = 0; a < ASPECT_COUNT; a++) z[a]! += weights[base + a]!;
  }
}

export const CV_FOLDS = 5;
const foldOf = (id: string): number => hashString(`aspects-cv:${id}`) % CV_FOLDS;

/** Out-of-fold probabilities of every row (k-fold inside the training rows). */
export function crossValidate(rows: readonly AspectRow[], options: FitOptions = DEFAULT_FIT): Float64Array[] {
  const out: Float64Array[] = new Array<Float64Array>(rows.length);
  for (let fold = 0; fold < CV_FOLDS; fold++) {
    const train = rows.filter((row) => foldOf(row.example.id) !== fold);
    const test = rows.map((row, i) => [row, i] as const).filter(([row]) => foldOf(row.example.id) === fold);
    const model = fitAspects(train, options);
    const predicted = predictRows(
      model,
      test.map(([row]) => row),
    );
    test.forEach(([, i], k) => (out[i] = predicted[k]!));
  }
  return out;
}

const MIN_POSITIVES_FOR_THRESHOLD = 8;
/** Per aspect, the threshold that maximises F1 on the out-of-fold probabilities of the chosen rows (`fallback`, else 0.5, when too few positives to say). */
export function chooseThresholds(rows: readonly AspectRow[], probabilities: readonly Float64Array[], only?: (row: AspectRow) => boolean, fallback?: Float32Array): Float32Array {
  const thresholds = fallback ? Float32Array.from(fallback) : new Float32Array(ASPECT_COUNT).fill(0.5);
  for (let a = 0; a < ASPECT_COUNT; a++) {
    const pairs: [number, number][] = [];
    rows.forEach((row, i) => {
      const label = row.example.labels[a]!;
      if (label >= 0 && (!only || only(row))) pairs.push([probabilities[i]![a]!, label]);
    });
    const positives = pairs.filter(([, l]) => l === 1).length;
    if (positives < MIN_POSITIVES_FOR_THRESHOLD) continue;
    let best = -1;
    for (let step = 4; step <= 36; step++) {
      const t = step / 40;
      let tp = 0;
      let fp = 0;
      for (const [p, l] of pairs)
        if (p >= t) {
          if (l) tp++;
          else fp++;
        }
      const f1 = (2 * tp) / (2 * tp + fp + (positives - tp));
      if (f1 > best + 1e-9) {
        best = f1;
        thresholds[a] = t;
      }
    }
  }
  return thresholds;
}

/** Thresholds per analysed language: each chosen on that language's rows (NHS and clinic; phase 1 labels one aspect per text), falling back to all of them. */
export function chooseLanguageThresholds(rows: readonly AspectRow[], probabilities: readonly Float64Array[]): Record<AnalysisLanguage, Float32Array> {
  const scored = (row: AspectRow): boolean => row.example.source !== 'nhs_phase1';
  const all = chooseThresholds(rows, probabilities, scored);
  const of = (lang: AnalysisLanguage): Float32Array => chooseThresholds(rows, probabilities, (row) => scored(row) && row.example.lang === lang, all);
  return { zh: of('zh'), ru: of('ru'), en: of('en') };
}

/** Micro precision/recall/F1 over the known labels of some rows, given a decision per row and aspect. */
export function microScores(
  rows: readonly AspectRow[],
  decide: (row: AspectRow, index: number, aspect: number) => boolean,
  only?: (row: AspectRow) => boolean,
): { precision: number; recall: number; f1: number; rows: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let count = 0;
  rows.forEach((row, i) => {
    if (only && !only(row)) return;
    count++;
    for (let a = 0; a < ASPECT_COUNT; a++) {
      const label = row.example.labels[a]!;
      if (label < 0) continue;
      const said = decide(row, i, a);
      if (said && label) tp++;
      else if (said) fp++;
      else if (label) fn++;
    }
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  return { precision: r4(precision), recall: r4(recall), f1: r4(precision + recall ? (2 * precision * recall) / (precision + recall) : 0), rows: count };
}

/** Quantises per aspect to int8 (scale = max |w| / 127): deterministic bytes. */
export function quantiseAspects(weights: Float32Array): { bytes: Uint8Array; scales: number[] } {
  const scales: number[] = [];
  for (let a = 0; a < ASPECT_COUNT; a++) {
    let max = 0;
    for (let i = a; i < weights.length; i += ASPECT_COUNT) max = Math.max(max, Math.abs(weights[i]!));
    scales.push(Number((max / 127 || 1e-9).toPrecision(9)));
  }
  const q = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(weights[i]! / scales[i % ASPECT_COUNT]!)));
  return { bytes: new Uint8Array(q.buffer), scales };
}

const rounded = (list: Float32Array): number[] => Array.from(list, (t) => Number(t.toFixed(3)));

/** Trains on every row with CV thresholds; returns the model file's metadata (without checksum) and weight bytes, and the CV figures. */
export function trainAspectModel(
  rows: readonly AspectRow[],
  options: FitOptions = DEFAULT_FIT,
): { meta: Omit<AspectModelFile, 'sha256' | 'version'>; bytes: Uint8Array; cv: Record<string, unknown>; oof: Float64Array[]; thresholds: Record<AnalysisLanguage, Float32Array> } {
  const oof = crossValidate(rows, options);
  const thresholds = chooseLanguageThresholds(rows, oof);
  const model = fitAspects(rows, options);
  const { bytes, scales } = quantiseAspects(model.weights);
  const lexiconOnly = (row: AspectRow, _i: number, a: number): boolean => (row.cueMask & (1 << a)) !== 0;
  const trained = (row: AspectRow, i: number, a: number): boolean => oof[i]![a]! >= thresholds[row.example.lang][a]!;
  const nhs = (row: AspectRow): boolean => row.example.source === 'nhs';
  const clinic = (row: AspectRow): boolean => row.example.source === 'clinic';
  const cv = {
    folds: CV_FOLDS,
    nhsTrain: { lexiconOnly: microScores(rows, lexiconOnly, nhs), model: microScores(rows, trained, nhs) },
    clinicTrain: { lexiconOnly: microScores(rows, lexiconOnly, clinic), model: microScores(rows, trained, clinic) },
  };
  const trainedOn: Record<string, number> = {};
  for (const row of rows) trainedOn[row.example.source] = (trainedOn[row.example.source] ?? 0) + 1;
  return {
    meta: {
      format: 1,
      hashBits: ASPECT_HASH_BITS,
      aspects: [...ASPECTS],
      bias: Array.from(model.bias, (b) => Number(b.toPrecision(9))),
      scales,
      thresholds: { zh: rounded(thresholds.zh), ru: rounded(thresholds.ru), en: rounded(thresholds.en) },
      trainedOn,
      options,
      cv,
    },
    bytes,
    cv,
    oof,
    thresholds,
  };
}

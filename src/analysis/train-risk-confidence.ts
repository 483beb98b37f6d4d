import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyser } from './create-analyser.ts';
import { compileLexicon, matchedCue, type CueMatch } from './lexicon.ts';
import { RISKS } from './analysis.vocab.ts';
import { isClinicDev, readClinicSet } from './clinic-data.ts';
import { captureRiskInputs, type RiskInputs } from './risks.ts';
import { DENSE_SIZE, RISK_DENSE, encodeWeights, sigmoid, type RiskLang, type RiskModelFile } from './risk-confidence.ts';
import { hashString, isDevId, readLabelledData } from './training-data.ts';

/*
 * Fits models/risk-model.json: one logistic per risk (risk-confidence.ts) on
 *  - the clinic set's TRAIN side (datasets/clinic, !isClinicDev: dev is only measured, never fitted or tuned on),
 *  - risk-data/*-<lang>.tsv, examples written for Verity (harm told as stories, veiled threats, privacy
 *    events, discrimination, media and regulator threats, and hard negatives: negated, hypothetical,
 *    preventive cues, idioms; no real patients),
 *  - weak labels from the public data (../shared/data, SOURCE files there; their fixed dev splits left
 *    out): a hashed sample of texts with no risk cue and no complaint is a negative for every risk, and
 *    a hashed sample of lexicon hits is labelled by hand in risk-data/shared-labels.json.
 * Five folds by a hash of the id give out-of-fold scores: per-risk Platt scaling is fitted on them and
 * the two thresholds chosen on them (reporting: the best pooled F1, at most the Major one; Major: the
 * lowest from 0.5 up with precision ≥ 0.9 on the major risks). Deterministic: fixed order, no randomness.
 */

export const RISK_HASH_BITS = 14;
const FOLDS = 5;
const PUBLIC_NEGATIVES_PER_LANG = 500;
const SHARED_SAMPLE_PER_LANG = 45;
const MAX_CHARS = 400;

export interface RiskExample {
  id: string;
  lang: RiskLang;
  text: string;
  rating: number | null;
  department?: string | null;
  /** The risks a reader would call real in this text. */
  truth: string[];
  /** clinic (datasets/clinic train side), written (risk-data), public (../shared/data weak labels). */
  source: 'clinic' | 'written' | 'public';
}

/** risk-data/<name>-<lang>.tsv: rating, true risks ("-" for none), text. */
export function readWrittenExamples(dir: string): RiskExample[] {
  const examples: RiskExample[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = /^([a-z]+)-(zh|ru|en)\.tsv$/.exec(file);
    if (!match) continue;
    const lang = match[2] as RiskLang;
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!line.trim() || line.startsWith('#')) return;
        const [rating, truth, text] = line.split('\t');
        if (!text) throw new Error(`${file}:${index + 1}: expected rating<TAB>risks<TAB>text`);
        const risks = truth === '-' ? [] : truth!.split(',');
        for (const risk of risks) if (!(RISKS as readonly string[]).includes(risk)) throw new Error(`${file}:${index + 1}: unknown risk ${risk}`);
        // Every third example is read without its stars: news, social posts and letters come without.
        const stars = rating && rating !== '-' && index % 3 !== 0 ? Number(rating) : null;
        examples.push({ id: `${match[1]}-${lang}-${index + 1}`, lang, text, rating: stars, truth: risks, source: 'written' });
      });
  }
  return examples;
}

/** The clinic set's train side. */
export function readClinicTrain(): RiskExample[] {
  return readClinicSet()
    .filter((row) => !isClinicDev(row.id))
    .map((row) => ({ id: row.id, lang: row.lang, text: row.text, rating: row.rating, department: row.department, truth: [...row.risks], source: 'clinic' as const }));
}

/** Weak labels from the public data: hashed samples of cue-free non-complaints (negatives) and of cue hits (shared-labels.json). */
export function readPublicExamples(dataDir: string, labelsFile: string): RiskExample[] {
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as { risks: Record<string, string[]> };
  const lexicon = compileLexicon();
  const hits = new Map<RiskLang, RiskExample[]>();
  const negatives = new Map<RiskLang, RiskExample[]>();
  for (const row of readLabelledData(dataDir)) {
    const lang = row.lang as RiskLang;
    const scan = lexicon.riskScan[lang];
    if (row.dataset === 'sst2' || isDevId(row.id) || row.text.length > MAX_CHARS || !scan) continue;
    scan.lastIndex = 0;
    const id = `${row.dataset}:${row.id}`;
    if (scan.exec(row.text) !== null) {
      const list = hits.get(lang) ?? [];
      list.push({ id, lang, text: row.text, rating: null, truth: labels.risks[id] ?? [], source: 'public' });
      hits.set(lang, list);
    } else if (row.label !== 'negative') {
      const list = negatives.get(lang) ?? [];
      list.push({ id, lang, text: row.text, rating: null, truth: [], source: 'public' });
      negatives.set(lang, list);
    }
  }
  const sample = (lists: Map<RiskLang, RiskExample[]>, n: number) =>
    [...lists.keys()].sort().flatMap((lang) =>
      lists
        .get(lang)!
        .sort((a, b) => hashString(a.id) - hashString(b.id) || (a.id < b.id ? -1 : 1))
        .slice(0, n),
    );
  return [...sample(hits, SHARED_SAMPLE_PER_LANG), ...sample(negatives, PUBLIC_NEGATIVES_PER_LANG)];
}

/** log10(1 + hits per 10,000 texts) of every risk cue in the everyday public texts, by language. */
export function generalUseOf(dataDir: string): RiskModelFile['generalUse'] {
  const lexicon = compileLexicon();
  const counts: Record<RiskLang, Map<string, number>> = { zh: new Map(), ru: new Map(), en: new Map() };
  const totals: Record<RiskLang, number> = { zh: 0, ru: 0, en: 0 };
  for (const row of readLabelledData(dataDir)) {
    const lang = row.lang as RiskLang;
    const scan = lexicon.riskScan[lang];
    if (!scan) continue;
    totals[lang]++;
    scan.lastIndex = 0;
    let match: CueMatch | null;
    const seen = new Set<string>();
    while ((match = scan.exec(row.text))) {
      let group = 1;
      while (match[group] === undefined) group++;
      const cue = matchedCue(lexicon.risks[lang][group - 1]!, match[0], match.cue);
      if (seen.has(cue)) continue;
      seen.add(cue);
      counts[lang].set(cue, (counts[lang].get(cue) ?? 0) + 1);
    }
  }
  const out = { zh: {}, ru: {}, en: {} } as RiskModelFile['generalUse'];
  for (const lang of ['zh', 'ru', 'en'] as const) {
    for (const [cue, n] of [...counts[lang]].sort(([a], [b]) => (a < b ? -1 : 1))) out[lang][cue] = Math.round(Math.log10(1 + (n * 10_000) / Math.max(1, totals[lang])) * 1000) / 1000;
  }
  return out;
}

export interface RiskRow {
  example: RiskExample;
  inputs: RiskInputs;
  /** 1/0 per risk, RISKS order. */
  labels: Uint8Array;
  fold: number;
}

/** The model inputs of every example, exactly as the analyser computes them (captured from detectRisks). */
export function riskRows(examples: RiskExample[], generalUse: RiskModelFile['generalUse']): RiskRow[] {
  const analyser = createAnalyser();
  const rows: RiskRow[] = [];
  for (const example of examples) {
    let inputs: RiskInputs | undefined;
    captureRiskInputs(
      RISK_HASH_BITS,
      generalUse,
      (captured) => (inputs = captured),
      () => analyser.analyse({ text: example.text, lang: example.lang, rating: example.rating, department: example.department ?? null }),
    );
    if (!inputs) continue;
    const labels = new Uint8Array(RISKS.length);
    RISKS.forEach((risk, r) => (labels[r] = example.truth.includes(risk) ? 1 : 0));
    rows.push({ example, inputs, labels, fold: hashString(`verity-risk-fold-v2:${example.id}`) % FOLDS });
  }
  return rows;
}

const R = RISKS.length;
const H = 1 << RISK_HASH_BITS;
const F = H + DENSE_SIZE;

function rawScores(weights: Float64Array, inputs: RiskInputs, out: Float64Array): void {
  out.fill(0);
  for (let k = 0; k < inputs.length; k++) {
    const base = inputs.indices[k]! * R;
    for (let r = 0; r < R; r++) out[r]! += weights[base + r]! * inputs.value;
  }
  for (let k = inputs.length; k < inputs.length + inputs.cues; k++) {
    const base = inputs.indices[k]! * R;
    for (let r = 0; r < R; r++) out[r]! += weights[base + r]!;
  }
  for (let r = 0; r < R; r++) for (let d = 0; d < DENSE_SIZE; d++) out[r]! += weights[(H + d) * R + r]! * inputs.dense[r * DENSE_SIZE + d]!;
}

const rowWeight = (row: RiskRow, r: number) => (row.labels[r] ? 3 : 1) * (row.example.source === 'public' ? 0.5 : 1);

/** Independent L2-regularised logistic regressions per risk by full-batch AdaGrad (deterministic). */
export function fitRiskWeights(rows: RiskRow[], options: { epochs?: number; rate?: number; l2Hashed?: number; l2Dense?: number } = {}): Float64Array {
  const { epochs = 250, rate = 0.5, l2Hashed = 2e-5, l2Dense = 1e-4 } = options;
  const weights = new Float64Array(F * R);
  const gradient = new Float64Array(F * R);
  const history = new Float64Array(F * R);
  const z = new Float64Array(R);
  let total = 0;
  for (const row of rows) for (let r = 0; r < R; r++) total += rowWeight(row, r);
  const norm = R / Math.max(total, 1);
  for (let epoch = 0; epoch < epochs; epoch++) {
    gradient.fill(0);
    for (const row of rows) {
      const { inputs } = row;
      rawScores(weights, inputs, z);
      for (let r = 0; r < R; r++) z[r] = (sigmoid(z[r]!) - row.labels[r]!) * rowWeight(row, r) * norm;
      for (let k = 0; k < inputs.length; k++) {
        const base = inputs.indices[k]! * R;
        for (let r = 0; r < R; r++) gradient[base + r]! += z[r]! * inputs.value;
      }
      for (let k = inputs.length; k < inputs.length + inputs.cues; k++) {
        const base = inputs.indices[k]! * R;
        for (let r = 0; r < R; r++) gradient[base + r]! += z[r]!;
      }
      for (let r = 0; r < R; r++) for (let d = 0; d < DENSE_SIZE; d++) gradient[(H + d) * R + r]! += z[r]! * inputs.dense[r * DENSE_SIZE + d]!;
    }
    for (let i = 0; i < weights.length; i++) {
      const f = Math.floor(i / R);
      const l2 = f < H ? l2Hashed : f === H ? 0 : l2Dense;
      const g = gradient[i]! / R + l2 * weights[i]!;
      if (g === 0) continue;
      history[i]! += g * g;
      weights[i]! -= (rate * g) / Math.sqrt(history[i]! + 1e-8);
    }
  }
  return weights;
}

/** Platt scaling: p = sigmoid(a·s + b) fitted to labels by Newton's method (deterministic). */
export function fitPlatt(scores: number[], labels: number[]): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let step = 0; step < 50; step++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-6;
    let hab = 0;
    let hbb = 1e-6;
    for (let i = 0; i < scores.length; i++) {
      const p = sigmoid(a * scores[i]! + b);
      const e = p - labels[i]!;
      const v = p * (1 - p);
      ga += e * scores[i]! + 1e-3 * (a - 1);
      gb += e;
      haa += v * scores[i]! * scores[i]! + 1e-3;
      hab += v * scores[i]!;
      hbb += v;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    a -= (hbb * ga - hab * gb) / det;
    b -= (haa * gb - hab * ga) / det;
  }
  return { a: Math.round(a * 1e4) / 1e4, b: Math.round(b * 1e4) / 1e4 };
}

export function precisionRecall(pairs: { p: number; label: number }[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { p, label } of pairs) {
    if (p >= threshold && label === 1) tp++;
    else if (p >= threshold) fp++;
    else if (label === 1) fn++;
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { precision: round(tp + fp ? tp / (tp + fp) : 1), recall: round(tp + fn ? tp / (tp + fn) : 1), tp, fp, fn };
}

/** The lowest threshold in [from, 0.95] whose precision reaches `target` with at least one true positive (0.95 when none does). */
function lowestThreshold(pairs: { p: number; label: number }[], from: number, target: number): number {
  for (let t = Math.round(from * 100); t <= 95; t++) {
    const pr = precisionRecall(pairs, t / 100);
    if (pr.precision >= target && pr.tp > 0) return t / 100;
  }
  return 0.95;
}

/**
 * The threshold in [from, to] with the best F1 (the lower one on a tie). Listing a risk asks a
 * person to look (the mention is flagged for review); only the Major threshold opens a case by
 * itself, so the listing threshold trades precision for recall where the Major one may not.
 */
function bestF1Threshold(pairs: { p: number; label: number }[], from: number, to: number): number {
  let best = from;
  let bestF1 = -1;
  for (let t = Math.round(from * 100); t <= Math.round(to * 100); t++) {
    const pr = precisionRecall(pairs, t / 100);
    const f1 = pr.tp === 0 ? 0 : (2 * pr.tp) / (2 * pr.tp + pr.fp + pr.fn);
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      best = t / 100;
    }
  }
  return best;
}

/** Cross-validates, calibrates, chooses the thresholds and fits the final model on every row. */
export function trainRiskModel(rows: RiskRow[], generalUse: RiskModelFile['generalUse'], majorRisks: readonly string[], log: (line: string) => void = () => {}): RiskModelFile {
  const oof = rows.map(() => new Float64Array(R));
  for (let fold = 0; fold < FOLDS; fold++) {
    const weights = fitRiskWeights(rows.filter((row) => row.fold !== fold));
    rows.forEach((row, i) => {
      if (row.fold === fold) rawScores(weights, row.inputs, oof[i]!);
    });
    log(`fold ${fold + 1}/${FOLDS} fitted`);
  }
  const platt: RiskModelFile['platt'] = {};
  const pooled = fitPlatt(
    rows.flatMap((_, i) => [...oof[i]!]),
    rows.flatMap((row) => [...row.labels]),
  );
  RISKS.forEach((risk, r) => {
    const positives = rows.filter((row) => row.labels[r]).length;
    platt[risk] =
      positives >= 8
        ? fitPlatt(
            rows.map((_, i) => oof[i]![r]!),
            rows.map((row) => row.labels[r]!),
          )
        : pooled;
  });
  // Thresholds are chosen on the clinic-like examples (the clinic train side and the written ones), not the easy public negatives.
  const judged = rows.map((row, i) => ({ row, i })).filter(({ row }) => row.example.source !== 'public');
  const pairsOf = (keep: (risk: string) => boolean) =>
    judged.flatMap(({ row, i }) => RISKS.flatMap((risk, r) => (keep(risk) ? [{ p: sigmoid(platt[risk]!.a * oof[i]![r]! + platt[risk]!.b), label: row.labels[r]! }] : [])));
  const all = pairsOf(() => true);
  const major = pairsOf((risk) => majorRisks.includes(risk));
  const majorThreshold = lowestThreshold(major, 0.5, 0.9);
  const reportThreshold = bestF1Threshold(all, 0.2, majorThreshold);
  const perRisk: Record<string, unknown> = {};
  RISKS.forEach((risk) => {
    const pr = precisionRecall(
      pairsOf((x) => x === risk),
      reportThreshold,
    );
    perRisk[risk] = { recall: pr.recall, precision: pr.precision, positives: pr.tp + pr.fn };
  });
  const clinic = rows.map((row, i) => ({ row, i })).filter(({ row }) => row.example.source === 'clinic');
  const clinicPairs = clinic.flatMap(({ row, i }) => RISKS.map((risk, r) => ({ p: sigmoid(platt[risk]!.a * oof[i]![r]! + platt[risk]!.b), label: row.labels[r]! })));
  const metrics = {
    rows: { clinic: clinic.length, written: rows.filter((r) => r.example.source === 'written').length, public: rows.filter((r) => r.example.source === 'public').length },
    cv: { reported: precisionRecall(all, reportThreshold), major: precisionRecall(major, majorThreshold), clinicTrain: precisionRecall(clinicPairs, reportThreshold), perRisk },
  };
  const final = fitRiskWeights(rows);
  const weights = new Float32Array(final.length);
  for (let i = 0; i < final.length; i++) weights[i] = final[i]!;
  const encoded = encodeWeights(weights);
  const version = createHash('sha256').update(JSON.stringify({ encoded, platt, reportThreshold, majorThreshold, generalUse })).digest('hex').slice(0, 8);
  return { version, risks: RISKS, hashBits: RISK_HASH_BITS, dense: RISK_DENSE, weights: encoded, platt, reportThreshold, majorThreshold, generalUse, metrics };
}

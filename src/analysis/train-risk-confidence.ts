import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyser } from './create-analyser.ts';
import { compileLexicon, matchedCue } from './lexicon.ts';
import { toSimplified } from './text.ts';
import { RISK_FEATURES, rawScore, riskFeatures, sigmoid, type RiskLang, type RiskModel } from './risk-confidence.ts';
import { hashString, readLabelledData } from './training-data.ts';

/*
 * Fits models/risk-confidence.json. Examples: risk-data/written-*.tsv (written for Verity: risks and
 * look-alikes in zh, ru and en, no real patients) and a fixed hashed sample of the lexicon's hits in
 * the public data (../shared/data, SOURCE files there), labelled by hand in risk-data/shared-labels.json
 * (every sampled hit is "not a risk" unless its id is listed there). Each hit of a major risk is one
 * row. Split by a hash of the example id: 60 % train (fitting), 20 % dev (Platt calibration and the
 * Major threshold: the lowest from 0.5 up with dev precision ≥ 0.9), 20 % held out (only reported).
 */

export interface RiskExample {
  id: string;
  lang: RiskLang;
  text: string;
  rating: number | null;
  /** The risks a reader would call real in this text. */
  truth: string[];
  /** Where the text comes from: "written" or "<dataset> (../shared/data/<lang>, see SOURCE-*)". */
  source: string;
}

export interface RiskRow {
  id: string;
  risk: string;
  features: number[];
  label: 0 | 1;
  split: 'train' | 'dev' | 'test';
}

const SHARED_SAMPLE_PER_LANG = 45;
const SHARED_MAX_CHARS = 400;

export function splitOf(id: string): RiskRow['split'] {
  const bucket = hashString(`verity-risk-v1:${id}`) % 10;
  return bucket < 6 ? 'train' : bucket < 8 ? 'dev' : 'test';
}

/** risk-data/written-<lang>.tsv: rating, true risks ("-" for none), text. */
export function readWrittenExamples(dir: string): RiskExample[] {
  const examples: RiskExample[] = [];
  for (const file of readdirSync(dir).sort()) {
    const lang = /^written-(zh|ru|en)\.tsv$/.exec(file)?.[1] as RiskLang | undefined;
    if (!lang) continue;
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!line.trim() || line.startsWith('#')) return;
        const [rating, truth, text] = line.split('\t');
        if (!text) throw new Error(`${file}:${index + 1}: expected rating<TAB>risks<TAB>text`);
        // Every third example is read without its stars: news, social posts and letters come without.
        examples.push({ id: `written-${lang}-${index + 1}`, lang, text, rating: rating && index % 3 !== 0 ? Number(rating) : null, truth: truth === '-' ? [] : truth!.split(','), source: 'written' });
      });
  }
  return examples;
}

/** The fixed sample of risk-cue hits in the public data, labelled by shared-labels.json. */
export function readSharedExamples(dataDir: string, labelsFile: string): RiskExample[] {
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as { risks: Record<string, string[]> };
  const lexicon = compileLexicon();
  const byLang = new Map<RiskLang, RiskExample[]>();
  for (const row of readLabelledData(dataDir)) {
    const lang = row.lang as RiskLang;
    if (row.dataset === 'sst2' || row.text.length > SHARED_MAX_CHARS || !lexicon.riskScan[lang]) continue;
    const scan = lexicon.riskScan[lang]!;
    scan.lastIndex = 0;
    if (!scan.test(row.text)) continue;
    const id = `${row.dataset}:${row.id}`;
    const list = byLang.get(lang) ?? [];
    list.push({ id, lang, text: row.text, rating: null, truth: labels.risks[id] ?? [], source: `${row.dataset} (../shared/data/${lang}, see its SOURCE file)` });
    byLang.set(lang, list);
  }
  return [...byLang.values()].flatMap((list) => list.sort((a, b) => hashString(a.id) - hashString(b.id)).slice(0, SHARED_SAMPLE_PER_LANG));
}

/** log10(1 + hits per 10,000 texts) of every risk cue in the everyday public texts, by language. */
export function generalUseOf(dataDir: string): RiskModel['generalUse'] {
  const lexicon = compileLexicon();
  const counts: Record<RiskLang, Map<string, number>> = { zh: new Map(), ru: new Map(), en: new Map() };
  const totals: Record<RiskLang, number> = { zh: 0, ru: 0, en: 0 };
  for (const row of readLabelledData(dataDir)) {
    const lang = row.lang as RiskLang;
    const scan = lexicon.riskScan[lang];
    if (!scan) continue;
    totals[lang]++;
    scan.lastIndex = 0;
    let match: RegExpExecArray | null;
    const seen = new Set<string>();
    while ((match = scan.exec(row.text))) {
      let group = 1;
      while (match[group] === undefined) group++;
      const cue = matchedCue(lexicon.risks[lang][group - 1]!, match[0]);
      if (seen.has(cue)) continue;
      seen.add(cue);
      counts[lang].set(cue, (counts[lang].get(cue) ?? 0) + 1);
    }
  }
  const out = { zh: {}, ru: {}, en: {} } as RiskModel['generalUse'];
  for (const lang of ['zh', 'ru', 'en'] as const) {
    for (const [cue, n] of [...counts[lang]].sort(([a], [b]) => (a < b ? -1 : 1))) out[lang][cue] = Math.round(Math.log10(1 + (n * 10_000) / Math.max(1, totals[lang])) * 1000) / 1000;
  }
  return out;
}

/** One row per hit of a major risk, with its features and label. */
export function riskRows(examples: RiskExample[], majorRisks: readonly string[], generalUse: RiskModel['generalUse']): RiskRow[] {
  const analyser = createAnalyser();
  const rows: RiskRow[] = [];
  for (const example of examples) {
    const analysis = analyser.analyse({ text: example.text, lang: example.lang, rating: example.rating });
    const lang = analysis.lang as RiskLang;
    const text = lang === 'zh' ? toSimplified(example.text) : example.text;
    for (const hit of analysis.risks) {
      if (!majorRisks.includes(hit.risk)) continue;
      const features = riskFeatures(
        {
          lang,
          text,
          span: hit.span,
          risk: hit.risk,
          cue: hit.cue,
          riskCount: analysis.risks.length,
          sentimentScore: analysis.sentiment.score,
          rating: example.rating,
          ratingConflict: analysis.ratingConflict,
        },
        generalUse,
      );
      rows.push({ id: example.id, risk: hit.risk, features, label: example.truth.includes(hit.risk) ? 1 : 0, split: splitOf(example.id) });
    }
  }
  return rows;
}

/** L2-regularised logistic regression by full-batch gradient descent (deterministic). */
export function fitLogistic(rows: { features: number[]; label: number }[], options: { l2?: number; steps?: number; rate?: number } = {}): number[] {
  const { l2 = 0.02, steps = 4000, rate = 0.5 } = options;
  const size = rows[0]?.features.length ?? RISK_FEATURES.length;
  const weights = new Array<number>(size).fill(0);
  for (let step = 0; step < steps; step++) {
    const gradient = new Array<number>(size).fill(0);
    for (const row of rows) {
      const error = sigmoid(rawScore({ weights }, row.features)) - row.label;
      for (let i = 0; i < size; i++) gradient[i]! += error * row.features[i]!;
    }
    for (let i = 0; i < size; i++) weights[i]! -= rate * (gradient[i]! / rows.length + (i === 0 ? 0 : l2 * weights[i]!));
  }
  return weights.map((w) => Math.round(w * 1e4) / 1e4);
}

/** Platt scaling: fits p = sigmoid(a·score + b) to the dev rows' labels. */
export function fitPlatt(scores: number[], labels: number[]): { a: number; b: number } {
  const [b, a] = fitLogistic(
    scores.map((s, i) => ({ features: [1, s], label: labels[i]! })),
    { l2: 0, steps: 3000, rate: 0.2 },
  );
  return { a: a!, b: b! };
}

export function precisionRecall(probabilities: number[], labels: number[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  probabilities.forEach((p, i) => {
    if (p >= threshold && labels[i] === 1) tp++;
    else if (p >= threshold) fp++;
    else if (labels[i] === 1) fn++;
  });
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn, n: labels.length };
}

/** Fits, calibrates and chooses the threshold; returns the model with its dev and held-out figures. */
export function trainRiskModel(rows: RiskRow[], generalUse: RiskModel['generalUse']): RiskModel {
  const train = rows.filter((r) => r.split === 'train');
  const dev = rows.filter((r) => r.split === 'dev');
  const test = rows.filter((r) => r.split === 'test');
  const weights = fitLogistic(train);
  const fitted = fitPlatt(
    dev.map((r) => rawScore({ weights }, r.features)),
    dev.map((r) => r.label),
  );
  const platt = { a: Math.round(fitted.a * 1000) / 1000, b: Math.round(fitted.b * 1000) / 1000 };
  const calibrated = (set: RiskRow[]) => set.map((r) => sigmoid(platt.a * rawScore({ weights }, r.features) + platt.b));
  const devP = calibrated(dev);
  const devLabels = dev.map((r) => r.label);
  let majorThreshold = 0.9;
  for (let t = 0.5; t <= 0.95; t += 0.01) {
    const pr = precisionRecall(devP, devLabels, t);
    if (pr.precision >= 0.9 && pr.tp > 0) {
      majorThreshold = Math.round(t * 100) / 100;
      break;
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const figures = (set: RiskRow[]) => {
    const pr = precisionRecall(
      calibrated(set),
      set.map((r) => r.label),
      majorThreshold,
    );
    return { ...pr, precision: round(pr.precision), recall: round(pr.recall) };
  };
  const metrics = { rows: { train: train.length, dev: dev.length, test: test.length, positives: rows.filter((r) => r.label === 1).length }, dev: figures(dev), heldOut: figures(test) };
  const version = createHash('sha256').update(JSON.stringify({ weights, platt, majorThreshold, generalUse })).digest('hex').slice(0, 8);
  return { version, features: RISK_FEATURES, weights, platt, majorThreshold, generalUse, metrics };
}

// Shared pieces of `npm run eval`: the clinic dev set analysed once, and the scores every section reports.
import { createAnalyser, type Analysis } from '../../src/analysis/index.ts';
import { isClinicDev, readClinicRosters, readClinicSet, type ClinicText } from '../../src/analysis/clinic-data.ts';
import type { SentimentLabel } from '../../src/analysis/analysis.vocab.ts';

/** What one section of the eval prints and contributes to the last JSON line. */
export interface EvalSection {
  title: string;
  lines: string[];
  /** Flat figures, e.g. { 'clinic.risk.recall': 0.87 }: null when not measurable (no data). */
  figures: Record<string, number | null>;
}

export interface ClinicPair {
  row: ClinicText;
  analysis: Analysis;
}

export const round4 = (value: number): number => Math.round(value * 10000) / 10000;

let clinicDev: ClinicPair[] | undefined;
/** The clinic set's dev rows, each analysed once by the full pipeline with its clinic's roster (cached for every section). */
export function analysedClinicDev(): ClinicPair[] {
  if (clinicDev) return clinicDev;
  const rosters = readClinicRosters();
  const analysers = new Map<string, ReturnType<typeof createAnalyser>>();
  clinicDev = readClinicSet()
    .filter((row) => isClinicDev(row.id))
    .map((row) => {
      let analyser = analysers.get(row.clinic);
      if (!analyser) analysers.set(row.clinic, (analyser = createAnalyser({ roster: rosters.get(row.clinic) ?? [] })));
      return { row, analysis: analyser.analyse({ id: row.id, text: row.text, rating: row.rating, department: row.department }) };
    });
  return clinicDev;
}

/** Precision, recall and F1 of sets of items per example (micro-averaged over all examples). */
export function setScores(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const goldSet = new Set(g);
    const predictedSet = new Set(predicted[i]);
    for (const item of predictedSet)
      if (goldSet.has(item)) tp++;
      else fp++;
    for (const item of goldSet) if (!predictedSet.has(item)) fn++;
  });
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round4(precision), recall: round4(recall), f1: round4(f1), tp, fp, fn };
}

/** Accuracy and macro-F1 over the given labels. */
export function labelScores(gold: readonly string[], predicted: readonly string[], labels: readonly string[]): { accuracy: number; macroF1: number; perLabel: Record<string, number> } {
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  const perLabel: Record<string, number> = {};
  let sum = 0;
  for (const label of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === label && gold[i] === label) tp++;
      else if (predicted[i] === label) fp++;
      else if (gold[i] === label) fn++;
    }
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    perLabel[label] = round4(f1);
    sum += f1;
  }
  return { accuracy: round4(gold.length ? correct / gold.length : 0), macroF1: round4(labels.length ? sum / labels.length : 0), perLabel };
}

/** The sentiment measure: mixed is counted as negative, on both sides. */
export const mixedAsNegative = (label: SentimentLabel | string): string => (label === 'mixed' ? 'negative' : label);

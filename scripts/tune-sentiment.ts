// Chooses decideSentiment's constants (DECISION) on the clinic set's train side, never on dev:
// models are trained without a held-out third of the clinic train rows, the analyser reads that
// third, and a coordinate search picks the constants with the best macro-F1 (mixed as negative,
// plus a quarter of the four-label macro-F1). `npx tsx scripts/tune-sentiment.ts` prints them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashString, readLabelledData } from '../src/analysis/training-data.ts';
import { clinicTrainingRows, trainAndWriteModels } from '../src/analysis/train-sentiment.ts';
import { isClinicDev, readClinicSet } from '../src/analysis/clinic-data.ts';
import { DECISION } from '../src/analysis/decide-sentiment.ts';
import { createAnalyser } from '../src/analysis/index.ts';
import { labelScores, mixedAsNegative } from './lib-eval/metrics.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.VERITY_TRAINING_DATA ?? resolve(repoRoot, '../shared/data');
const isTune = (id: string) => hashString(`verity-tune-v1:${id}`) % 10 < 3;

const modelDir = process.env.VERITY_TUNE_MODEL_DIR ?? mkdtempSync(join(tmpdir(), 'verity-tune-'));
if (!process.env.VERITY_TUNE_MODEL_DIR) {
  const extraRows = clinicTrainingRows().filter((row) => !isTune(row.id));
  trainAndWriteModels(readLabelledData(dataDir), modelDir, { withClinic: false, extraRows, log: (line) => console.log(line) });
}
process.env.VERITY_MODEL_DIR = modelDir;
const tune = readClinicSet().filter((row) => !isClinicDev(row.id) && isTune(row.id));
// Staff matching does not touch sentiment: one analyser without a roster reads every clinic.
const analyser = createAnalyser();

function objective(): { score: number; binary: number; four: number } {
  const predicted = tune.map((row) => analyser.analyse({ id: row.id, text: row.text, rating: row.rating, department: row.department }).sentiment.label);
  const binary = labelScores(
    tune.map((r) => mixedAsNegative(r.sentiment)),
    predicted.map(mixedAsNegative),
    ['negative', 'neutral', 'positive'],
  ).macroF1;
  const four = labelScores(
    tune.map((r) => r.sentiment),
    predicted,
    ['negative', 'neutral', 'positive', 'mixed'],
  ).macroF1;
  return { score: binary + 0.25 * four, binary, four };
}

const grid: Record<keyof typeof DECISION, number[]> = {
  textWeight: [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
  polar: [0, 0.05, 0.1, 0.2, 0.3],
  questionScore: [0, 0.5, 0.75, 0.9, 1.01],
  mixedSide: [0.05, 0.1, 0.15, 0.3, 0.45, 0.6, 2],
  mixedMaxScore: [0.5, 0.7, 0.8, 0.9, 0.95, 1.01],
  mixedAspects: [0, 0.4, 0.7, 1.01],
  riskConfidence: [0.4, 0.5, 0.6, 0.7, 0.8, 1.01],
};
console.log(`tuning on ${tune.length} clinic train rows held out of the models; start ${JSON.stringify(objective())}`);
for (let round = 0; round < 3; round++) {
  let changed = false;
  for (const key of Object.keys(grid) as (keyof typeof DECISION)[]) {
    let best = DECISION[key];
    let bestScore = objective().score;
    for (const value of grid[key]) {
      DECISION[key] = value;
      const { score } = objective();
      if (score > bestScore + 1e-9) {
        bestScore = score;
        best = value;
      }
    }
    if (best !== DECISION[key]) changed = true;
    DECISION[key] = best;
  }
  console.log(`round ${round + 1}: ${JSON.stringify(DECISION)} ${JSON.stringify(objective())}`);
  if (!changed) break;
}
if (!process.env.VERITY_TUNE_MODEL_DIR) rmSync(modelDir, { recursive: true, force: true });

// Rebuilds models/aspects-model.json + models/aspects-weights.bin: `npm run train:aspects`
// (VERITY_TRAINING_DATA overrides the public data path). Same bytes on every run.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { compileLexicon } from '../src/analysis/lexicon.ts';
import { readClinicSet } from '../src/analysis/clinic-data.ts';
import { featurise, microScores, readAspectExamples, trainAspectModel, type AspectRow } from '../src/analysis/train-aspects.ts';
import type { AspectModelFile } from '../src/analysis/aspects.ts';
import { ASPECTS } from '../src/analysis/analysis.vocab.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.VERITY_TRAINING_DATA ?? resolve(repoRoot, '../shared/data');
const modelDir = process.env.VERITY_ASPECT_MODEL_DIR ?? resolve(repoRoot, 'models');

const started = performance.now();
const examples = readAspectExamples(dataDir, readClinicSet());
const rows = featurise(examples, compileLexicon());
const { meta, bytes, cv, oof, thresholds } = trainAspectModel(rows);

// Model alone or model ∪ lexicon: whichever has the better out-of-fold micro-F1 on the training rows.
const byModel = (r: AspectRow, i: number, a: number): boolean => oof[i]![a]! >= thresholds[r.example.lang][a]!;
const byUnion = (r: AspectRow, i: number, a: number): boolean => byModel(r, i, a) || (r.cueMask & (1 << a)) !== 0;
const scored = (row: AspectRow): boolean => row.example.source !== 'nhs_phase1';
const modelF1 = microScores(rows, byModel, scored);
const unionF1 = microScores(rows, byUnion, scored);
const combine = unionF1.f1 > modelF1.f1 ? 'union' : 'model';
// Per aspect: does letting its cue name it whatever the model says raise the micro-F1 of the training rows (out of fold)?
const cueAlways: string[] = [];
ASPECTS.forEach((aspect, a) => {
  const withCue = (r: AspectRow, i: number, k: number): boolean => byModel(r, i, k) || (k === a && (r.cueMask & (1 << a)) !== 0);
  if (microScores(rows, withCue, scored).f1 > modelF1.f1) cueAlways.push(aspect);
});
const sha256 = createHash('sha256').update(bytes).digest('hex');
const file: AspectModelFile = { ...meta, combine, cueAlways, version: `asp1-${sha256.slice(0, 12)}`, sha256, cv: { ...cv, combine: { model: modelF1, union: unionF1 } } };
writeFileSync(resolve(modelDir, 'aspects-weights.bin'), bytes);
writeFileSync(resolve(modelDir, 'aspects-model.json'), `${JSON.stringify(file, null, 1)}\n`);
console.log(
  `${rows.length} rows (${JSON.stringify(meta.trainedOn)}), ${(bytes.length / 1024).toFixed(0)} KiB, combine=${combine}, cue always names: ${cueAlways.join(' ') || 'none'}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(JSON.stringify(file.cv));
for (const [lang, list] of Object.entries(meta.thresholds)) console.log(`thresholds ${lang}: ${list.join(' ')}`);

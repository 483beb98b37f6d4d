// Rebuilds models/ from the public labelled data: `npm run train` (VERITY_TRAINING_DATA overrides the path).
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLabelledData } from '../src/analysis/training-data.ts';
import { trainAndWriteModels } from '../src/analysis/train-sentiment.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.VERITY_TRAINING_DATA ?? resolve(repoRoot, '../shared/data');
const outDir = process.env.VERITY_MODEL_DIR ?? resolve(repoRoot, 'models');

const started = performance.now();
const rows = readLabelledData(dataDir);
console.log(`read ${rows.length} labelled rows from ${dataDir}`);
const manifest = trainAndWriteModels(rows, outDir, { log: (line) => console.log(line) });
console.log(`wrote ${Object.keys(manifest.models).length} models to ${outDir} (version ${manifest.version}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

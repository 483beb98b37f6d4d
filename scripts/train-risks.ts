// Rebuilds models/risk-confidence.json: `npm run train:risks` (VERITY_TRAINING_DATA overrides the public data path).
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAJOR_CASE_RISKS } from '../src/cases/cases.vocab.ts';
import { generalUseOf, readSharedExamples, readWrittenExamples, riskRows, trainRiskModel } from '../src/analysis/train-risk-confidence.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.VERITY_TRAINING_DATA ?? resolve(repoRoot, '../shared/data');
const riskData = resolve(repoRoot, 'src/analysis/risk-data');
const out = process.env.VERITY_RISK_MODEL ?? resolve(repoRoot, 'models/risk-confidence.json');

const generalUse = generalUseOf(dataDir);
const examples = [...readWrittenExamples(riskData), ...readSharedExamples(dataDir, resolve(riskData, 'shared-labels.json'))];
const rows = riskRows(examples, MAJOR_CASE_RISKS, generalUse);
const model = trainRiskModel(rows, generalUse);
writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
console.log(`${examples.length} examples, ${rows.length} major-risk hits; weights ${RISK_FEATURES_LINE(model)}`);
console.log(JSON.stringify(model.metrics));
console.log(`major threshold ${model.majorThreshold}; wrote ${out} (version ${model.version})`);

function RISK_FEATURES_LINE(m: typeof model): string {
  return m.features.map((f, i) => `${f}=${m.weights[i]}`).join(' ');
}

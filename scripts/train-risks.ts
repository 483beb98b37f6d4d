// Rebuilds models/risk-model.json: `npm run train:risks` (VERITY_TRAINING_DATA overrides the public data path).
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAJOR_CASE_RISKS } from '../src/cases/cases.vocab.ts';
import { generalUseOf, readClinicTrain, readPublicExamples, readWrittenExamples, riskRows, trainRiskModel } from '../src/analysis/train-risk-confidence.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.VERITY_TRAINING_DATA ?? resolve(repoRoot, '../shared/data');
const riskData = resolve(repoRoot, 'src/analysis/risk-data');
const out = process.env.VERITY_RISK_MODEL ?? resolve(repoRoot, 'models/risk-model.json');

const generalUse = generalUseOf(dataDir);
const examples = [...readClinicTrain(), ...readWrittenExamples(riskData), ...readPublicExamples(dataDir, resolve(riskData, 'shared-labels.json'))];
const rows = riskRows(examples, generalUse);
console.log(`${examples.length} examples (${rows.length} analysed)`);
const model = trainRiskModel(rows, generalUse, MAJOR_CASE_RISKS, (line) => console.log(line));
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(JSON.stringify(model.metrics));
console.log(`report threshold ${model.reportThreshold}, major threshold ${model.majorThreshold}; wrote ${out} (version ${model.version})`);

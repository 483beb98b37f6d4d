import { expect, test } from 'vitest';
import { createAnalyser, type Analysis } from './create-analyser.ts';
import { compileLexicon } from './lexicon.ts';
import { ASPECT_COUNT, cueMaskOf, getAspectModel } from './aspects.ts';
import { chooseThresholds, fitAspects, predictRows, quantiseAspects, NHS_PHASE1_CATEGORY_ASPECTS, type AspectRow } from './train-aspects.ts';
import { ASPECTS } from './analysis.vocab.ts';

const analyser = createAnalyser();
const polarity = (result: Analysis, name: string): string | undefined => result.aspects.find((a) => a.aspect === name)?.polarity;
const spanOf = (text: string, result: Analysis, name: string): string | undefined => {
  const found = result.aspects.find((a) => a.aspect === name);
  return found && text.slice(found.span[0], found.span[1]);
};

test.each([
  ['排队不算久，挺好的', 'process.waiting'],
  ['一点也不贵', 'brand.price'],
  ['Nobody was rude to us at any point.', 'process.attitude'],
  ['Никто не грубил, всё спокойно.', 'process.attitude'],
])('a negated polar cue is not a complaint: %s', (text, aspect) => {
  const result = analyser.analyse({ text });
  expect(result.aspects.map((a) => a.aspect)).toContain(aspect);
  expect(polarity(result, aspect)).not.toBe('negative');
});

test('a polar cue without a negator keeps its polarity', () => {
  expect(polarity(analyser.analyse({ text: '排队太久了' }), 'process.waiting')).toBe('negative');
  expect(polarity(analyser.analyse({ text: 'The receptionist was rude.' }), 'process.attitude')).toBe('negative');
  expect(polarity(analyser.analyse({ text: 'Администратор нахамила.' }), 'process.attitude')).toBe('negative');
});

test('a contrast splits the clauses: each aspect keeps its own polarity and span', () => {
  const text = '医生很耐心，但是排队三个小时';
  const result = analyser.analyse({ text });
  expect(polarity(result, 'process.attitude')).toBe('positive');
  expect(polarity(result, 'process.waiting')).toBe('negative');
  expect(spanOf(text, result, 'process.waiting')).toContain('排队三个小时');
});

test('Cantonese and traditional cues match after folding to simplified', () => {
  const text = '等咗兩個鐘，收費又貴';
  const result = analyser.analyse({ text });
  expect(polarity(result, 'process.waiting')).toBe('negative');
  expect(result.aspects.map((a) => a.aspect)).toContain('brand.price');
});

test('the committed model loads and names an aspect the NHS data labels', () => {
  const model = getAspectModel();
  expect(model).not.toBeNull();
  const result = analyser.analyse({ text: 'The staff on reception were so kind and helpful.' });
  expect(result.aspects.map((a) => a.aspect)).toContain('process.attitude');
});

test('every aspect result has a span inside the text', () => {
  const text = 'Waited two hours, then the doctor explained nothing and charged £120. Would not recommend.';
  const result = analyser.analyse({ text });
  expect(result.aspects.length).toBeGreaterThan(1);
  for (const a of result.aspects) {
    expect(a.span[0]).toBeGreaterThanOrEqual(0);
    expect(a.span[1]).toBeLessThanOrEqual(text.length);
    expect(a.span[1]).toBeGreaterThan(a.span[0]);
  }
});

test('cueMaskOf sets the bit of each aspect whose cue the text holds', () => {
  const lexicon = compileLexicon();
  const mask = cueMaskOf('排队很久，价格很贵', 'zh', lexicon);
  expect(mask & (1 << ASPECTS.indexOf('process.waiting'))).not.toBe(0);
  expect(mask & (1 << ASPECTS.indexOf('brand.price'))).not.toBe(0);
  expect(mask & (1 << ASPECTS.indexOf('process.communication.privacy'))).toBe(0);
});

test('the phase 1 category map names only aspects of the taxonomy', () => {
  for (const aspect of Object.values(NHS_PHASE1_CATEGORY_ASPECTS)) if (aspect !== null) expect(ASPECTS).toContain(aspect);
});

function syntheticRows(): AspectRow[] {
  // Feature 1 means aspect 0, feature 2 means aspect 1; aspect 2 is unknown on half the rows.
  const rows: AspectRow[] = [];
  for (let i = 0; i < 80; i++) {
    const has0 = i % 2 === 0;
    const has1 = i % 3 === 0;
    const labels = new Int8Array(ASPECT_COUNT);
    labels[0] = has0 ? 1 : 0;
    labels[1] = has1 ? 1 : 0;
    labels[2] = i % 2 ? -1 : 0;
    const indices = Int32Array.from([...(has0 ? [1] : []), ...(has1 ? [2] : []), 100 + (i % 7)]);
    rows.push({ example: { id: `r${i}`, text: '', lang: 'en', labels, weight: 1, source: 'clinic' }, indices, value: 1 / Math.sqrt(indices.length), cueMask: 0 });
  }
  return rows;
}

test('fitAspects learns separable aspects, deterministically, and the thresholds separate them', () => {
  const rows = syntheticRows();
  const options = { epochs: 8, learningRate: 1, l2: 1e-6, seed: 7 };
  const first = fitAspects(rows, options);
  const second = fitAspects(rows, options);
  expect(Buffer.from(quantiseAspects(first.weights).bytes).equals(Buffer.from(quantiseAspects(second.weights).bytes))).toBe(true);
  const probabilities = predictRows(first, rows);
  const thresholds = chooseThresholds(rows, probabilities);
  rows.forEach((row, i) => {
    expect(probabilities[i]![0]! >= thresholds[0]!).toBe(row.example.labels[0] === 1);
    expect(probabilities[i]![1]! >= thresholds[1]!).toBe(row.example.labels[1] === 1);
  });
});

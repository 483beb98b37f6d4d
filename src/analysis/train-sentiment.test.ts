import { test, expect } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLabelledData, isDevId } from './training-data.ts';
import { trainAndWriteModels } from './train-sentiment.ts';
import { loadModels } from './sentiment-model.ts';

const fixture = fileURLToPath(new URL('./fixtures/tiny-data/', import.meta.url));

test('training twice on the same data writes identical bytes', () => {
  const rows = readLabelledData(fixture);
  const first = mkdtempSync(join(tmpdir(), 'verity-train-a-'));
  const second = mkdtempSync(join(tmpdir(), 'verity-train-b-'));
  try {
    trainAndWriteModels(rows, first, { hashBits: 10, epochs: 3 });
    trainAndWriteModels(rows, second, { hashBits: 10, epochs: 3 });
    const files = readdirSync(first).sort();
    expect(files).toEqual(['manifest.json', 'sentiment-en.bin', 'sentiment-ru.bin', 'sentiment-zh.bin']);
    for (const file of files) expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file)))).toBe(true);
  } finally {
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  }
});

test('writes models that load back with the labels they were trained on', () => {
  const out = mkdtempSync(join(tmpdir(), 'verity-train-c-'));
  try {
    trainAndWriteModels(readLabelledData(fixture), out, { hashBits: 10, epochs: 3 });
    const { models } = loadModels(new URL(`file://${out}/`));
    expect(models.get('zh')!.labels).toEqual(['negative', 'positive']);
    expect(models.get('en')!.labels).toEqual(['negative', 'neutral', 'positive']);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('holds out the same ids for dev on every run', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `row-${i}`);
  const dev = ids.filter(isDevId);
  expect(dev.length).toBeGreaterThan(60);
  expect(dev.length).toBeLessThan(140);
  expect(ids.filter(isDevId)).toEqual(dev);
});

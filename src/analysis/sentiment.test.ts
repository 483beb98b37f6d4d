import { test, expect, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNegatedAt } from './negation.ts';
import { prepareText } from './tokenize.ts';
import { getSentimentModels } from './sentiment.ts';
import { trainAndWriteModels } from './train-sentiment.ts';
import { readLabelledData } from './training-data.ts';

const negated = (text: string, cue: string, lang: 'zh' | 'ru' | 'en') => isNegatedAt(text, text.indexOf(cue), lang);

test('a negator governs a cue through helpers (zh) and across a few words of its clause (ru/en)', () => {
  expect(negated('回家也不会弄错', '弄错', 'zh')).toBe(true);
  expect(negated('从没出错', '出错', 'zh')).toBe(true);
  expect(negated('没被弄错', '弄错', 'zh')).toBe(true);
  expect(negated('并没有漏诊', '漏诊', 'zh')).toBe(true);
  expect(negated('冇感染', '感染', 'zh')).toBe(true);
  expect(negated('nobody was rude', 'rude', 'en')).toBe(true);
  expect(negated('no one made a mistake', 'mistake', 'en')).toBe(true);
  expect(negated("I didn't get an infection", 'infection', 'en')).toBe(true);
  expect(negated('никто не грубил', 'грубил', 'ru')).toBe(true);
  expect(negated('ни разу не ошиблись', 'ошиблись', 'ru')).toBe(true);
});

test('a cue that is said, or negated only in another clause, is not negated', () => {
  expect(negated('医生弄错了', '弄错', 'zh')).toBe(false);
  expect(negated('the nurse was rude', 'rude', 'en')).toBe(false);
  expect(negated('they did not call and were rude', 'rude', 'en')).toBe(false);
  expect(negated('not great. the nurse was rude', 'rude', 'en')).toBe(false);
  expect(negated('врач ошибся', 'ошибся', 'ru')).toBe(false);
  expect(negated('не позвонили и нагрубили', 'нагрубили', 'ru')).toBe(false);
});

const negatedWords = (text: string, lang: 'zh' | 'ru' | 'en') =>
  prepareText(text, lang)
    .tokens.filter((token) => token.negated)
    .map((token) => text.slice(token.start, token.end));

test('litotes mark the word they soften as negated in all three languages', () => {
  expect(negatedWords('排队不算久', 'zh')).toContain('久');
  expect(negatedWords('冇話等好耐', 'zh')).toContain('話');
  expect(negatedWords('nobody was rude', 'en')).toContain('rude');
  expect(negatedWords('not bad at all', 'en')).toContain('bad');
  expect(negatedWords('никто не грубил', 'ru')).toContain('грубил');
  // The scope ends with the clause.
  expect(negatedWords('not bad. rude nurse', 'en')).not.toContain('rude');
});

const fixture = fileURLToPath(new URL('./fixtures/tiny-data/', import.meta.url));
const previous = process.env.VERITY_MODEL_DIR;
afterEach(() => {
  if (previous === undefined) delete process.env.VERITY_MODEL_DIR;
  else process.env.VERITY_MODEL_DIR = previous;
});

test('VERITY_MODEL_DIR loads an organisation’s retrained models instead of models/', () => {
  const committed = getSentimentModels().manifest.version;
  const out = mkdtempSync(join(tmpdir(), 'verity-models-'));
  try {
    const written = trainAndWriteModels(readLabelledData(fixture), out, { hashBits: 10, epochs: 2, withClinic: false });
    process.env.VERITY_MODEL_DIR = out;
    const loaded = getSentimentModels();
    expect(loaded.manifest.version).toBe(written.version);
    expect(loaded.manifest.version).not.toBe(committed);
    expect(loaded.models.get('en')!.hashBits).toBe(10);
    process.env.VERITY_MODEL_DIR = join(out, 'missing');
    expect(() => getSentimentModels()).toThrow();
    delete process.env.VERITY_MODEL_DIR;
    expect(getSentimentModels().manifest.version).toBe(committed);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

import { expect, test } from 'vitest';
import { ASPECTS, POLARITIES, RISKS, SENTIMENT_LABELS } from './analysis.vocab.ts';
import { isClinicDev, readClinicRosters, readClinicSet } from './clinic-data.ts';

const rows = readClinicSet();
const rosters = readClinicRosters();
const LANG_OF_VARIANT: Record<string, string> = { 'zh-Hans': 'zh', 'zh-Hant': 'zh', yue: 'zh', ru: 'ru', en: 'en' };

test('every row of the clinic set is labelled inside the taxonomy, names only staff of its own roster, and has a unique id', () => {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const row of rows) {
    const where = row.id ?? '(no id)';
    if (ids.has(row.id)) problems.push(`${where}: duplicate id`);
    ids.add(row.id);
    if (typeof row.text !== 'string' || !row.text.trim()) problems.push(`${where}: empty text`);
    if (LANG_OF_VARIANT[row.variant] !== row.lang) problems.push(`${where}: variant ${row.variant} with lang ${row.lang}`);
    if (!(SENTIMENT_LABELS as readonly string[]).includes(row.sentiment)) problems.push(`${where}: sentiment ${row.sentiment}`);
    if (row.rating !== null && !(Number.isInteger(row.rating) && row.rating >= 1 && row.rating <= 5)) problems.push(`${where}: rating ${row.rating}`);
    for (const a of row.aspects ?? []) {
      if (!(ASPECTS as readonly string[]).includes(a.aspect) || !(POLARITIES as readonly string[]).includes(a.polarity)) problems.push(`${where}: aspect ${JSON.stringify(a)}`);
    }
    for (const r of row.risks ?? []) if (!(RISKS as readonly string[]).includes(r)) problems.push(`${where}: risk ${r}`);
    const roster = new Set((rosters.get(row.clinic) ?? []).map((m) => m.id));
    if (!rosters.has(row.clinic)) problems.push(`${where}: clinic ${row.clinic} has no roster`);
    for (const s of row.staff ?? []) if (!roster.has(s)) problems.push(`${where}: staff ${s} is not on the ${row.clinic} roster`);
  }
  expect(problems).toEqual([]);
});

test('the set holds at least 800 texts across the four scripts, each side of the split in every language', () => {
  expect(rows.length).toBeGreaterThanOrEqual(800);
  for (const variant of ['zh-Hans', 'zh-Hant', 'yue', 'ru', 'en']) {
    const own = rows.filter((row) => row.variant === variant);
    expect(own.filter((row) => isClinicDev(row.id)).length, variant).toBeGreaterThan(30);
    expect(own.filter((row) => !isClinicDev(row.id)).length, variant).toBeGreaterThan(30);
  }
});

test('the split is fixed by the id and keeps about 40 % for dev', () => {
  expect(isClinicDev('zh-hans-0001')).toBe(isClinicDev('zh-hans-0001'));
  const ids = Array.from({ length: 2000 }, (_, i) => `x-${i}`);
  const share = ids.filter(isClinicDev).length / ids.length;
  expect(share).toBeGreaterThan(0.36);
  expect(share).toBeLessThan(0.44);
});

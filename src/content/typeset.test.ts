import { expect, test } from 'vitest';
import { breakUnits, fitText, NO_LINE_END, NO_LINE_START, wrapText, type Measure } from './typeset.ts';

/** A fixed-width measure: a Chinese character is 1 em, anything else half an em. */
const mono: Measure = (text, size) => [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? size : size / 2), 0);

test('Chinese breaks between characters and never joins them with spaces', () => {
  const lines = wrapText('医生非常耐心地解释了手术的每一个步骤', 100, 10, false, mono);
  expect(lines).toEqual(['医生非常耐心地解释了', '手术的每一个步骤']);
  for (const line of lines) expect(line).not.toContain(' ');
});

test('kinsoku: closing punctuation never starts a line, opening punctuation never ends one', () => {
  // 10 characters fit a line: the full stop after the 11th stays with it, so the 10th moves down with them.
  const lines = wrapText('护士们每天都来看我了。感谢骨科的全体医护人员！', 100, 10, false, mono);
  for (const line of lines) {
    expect(NO_LINE_START.has([...line][0]!)).toBe(false);
    expect(NO_LINE_END.has([...line].at(-1)!)).toBe(false);
  }
  expect(lines[0]).toBe('护士们每天都来看我');
  expect(lines[1]!.startsWith('了。')).toBe(true);
  const opening = wrapText('一二三四五六七八九「十一」', 100, 10, false, mono);
  expect(opening[0]).toBe('一二三四五六七八九');
  expect(opening[1]).toBe('「十一」');
  expect(breakUnits('好（很好）。')).toEqual(['好', '（很', '好）。']);
});

test('Russian and English break between words, without hyphens', () => {
  const ru = wrapText('Врачи объяснили каждый шаг операции, и я перестала бояться', 120, 10, false, mono);
  expect(ru).toEqual(['Врачи объяснили каждый', 'шаг операции, и я', 'перестала бояться']);
  const en = wrapText('The nurses came every single day', 80, 10, false, mono);
  expect(en).toEqual(['The nurses came', 'every single day']);
  for (const line of [...ru, ...en]) expect(line).not.toMatch(/-$/);
  // A word longer than the line is split between its letters, with no hyphen added.
  expect(wrapText('Достопримечательности', 50, 10, false, mono)).toEqual(['Достоприме', 'чательност', 'и']);
});

test('mixed Chinese and Latin: a Latin word stays whole and no space is added', () => {
  expect(breakUnits('我做了MRI检查')).toEqual(['我', '做', '了', 'MRI', '检', '查']);
});

test('a long quote is set smaller; one that cannot fit is cut with an ellipsis', () => {
  const short = fitText('谢谢医生', { width: 400, height: 200 }, { max: 60, min: 20 }, true, mono);
  const long = fitText('谢谢医生'.repeat(20), { width: 400, height: 200 }, { max: 60, min: 20 }, true, mono);
  expect(short.size).toBe(60);
  expect(long.size).toBeLessThan(short.size);
  expect(long.lines.length * long.lineHeight).toBeLessThanOrEqual(200);
  const cut = fitText('谢谢医生'.repeat(200), { width: 400, height: 200 }, { max: 60, min: 20 }, true, mono);
  expect(cut.size).toBe(20);
  expect(cut.lines.at(-1)!.endsWith('…')).toBe(true);
});

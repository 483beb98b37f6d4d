import { test, expect } from 'vitest';
import { createAnalyser, ASPECTS, RISKS, type Analysis } from './index.ts';
import { getRiskModel } from './risk-confidence.ts';

const analyser = createAnalyser({
  roster: [
    { id: 'wang', name: '王建国' },
    { id: 'ivanova', name: 'Иванова Мария Петровна' },
    { id: 'smith', name: 'John Smith', aliases: ['Джон Смит'] },
  ],
});

function aspect(result: Analysis, name: string): Analysis['aspects'][number] | undefined {
  return result.aspects.find((entry) => entry.aspect === name);
}
function spanText(text: string, span: [number, number]): string {
  return text.slice(span[0], span[1]);
}

test('gives attitude and waiting their own polarity in an English mixed review', () => {
  const result = analyser.analyse({ text: 'The doctor was kind but the queue took three hours.' });
  expect(result.lang).toBe('en');
  expect(aspect(result, 'process.attitude')?.polarity).toBe('positive');
  expect(aspect(result, 'process.waiting')?.polarity).toBe('negative');
});

test('splits a Chinese clause at 但是 so that patience is positive and the queue negative', () => {
  const text = '医生很耐心但是排队三个小时';
  const result = analyser.analyse({ text });
  expect(result.lang).toBe('zh');
  expect(aspect(result, 'process.attitude')?.polarity).toBe('positive');
  const waiting = aspect(result, 'process.waiting')!;
  expect(waiting.polarity).toBe('negative');
  expect(spanText(text, waiting.span)).toContain('排队三个小时');
});

test('splits a Russian sentence at «но»: attentive doctor, negative wait', () => {
  const result = analyser.analyse({ text: 'Врач внимательный, но ждали в очереди два часа' });
  expect(result.lang).toBe('ru');
  expect(aspect(result, 'process.attitude')?.polarity).toBe('positive');
  expect(aspect(result, 'process.waiting')?.polarity).toBe('negative');
});

test('detects traditional Chinese as zh and reports spans into the original text', () => {
  const text = '醫生很耐心但是排隊三個小時，還收了紅包';
  const result = analyser.analyse({ text });
  expect(result.lang).toBe('zh');
  const waiting = aspect(result, 'process.waiting')!;
  expect(spanText(text, waiting.span)).toContain('排隊三個小時');
  const corruption = result.risks.find((risk) => risk.risk === 'corruption')!;
  expect(spanText(text, corruption.span)).toBe('紅包');
});

test.each([
  ['主任收了红包才给安排手术', 'corruption', '红包'],
  ['I have spoken to my lawyer about this and we will sue the hospital.', 'legal_threat', 'lawyer'],
  ['Напишу заявление в прокуратуру на вашего хирурга.', 'legal_threat', 'в прокуратуру'],
  ['После операции пациент умер в реанимации', 'death', 'умер'],
])('finds the risk in %s with its evidence span', (text, risk, evidence) => {
  const result = analyser.analyse({ text });
  const found = result.risks.find((entry) => entry.risk === risk);
  expect(found).toBeDefined();
  expect(spanText(text, found!.span)).toBe(evidence);
});

// Short explicit threats and bribes are listed (flagged for a person to look at) even when the model
// is not sure enough to open a Major case by itself.
test.each([
  ['Врач требовал взятку за операцию.', 'corruption'],
  ['We are going to sue the hospital.', 'legal_threat'],
  ['我们要起诉这家医院', 'legal_threat'],
])('lists the risk in the short explicit %s', (text, risk) => {
  const result = analyser.analyse({ text });
  const found = result.risks.find((entry) => entry.risk === risk);
  expect(found).toBeDefined();
  expect(found!.confidence).toBeGreaterThanOrEqual(getRiskModel().reportThreshold);
});

// Known gap (issue 12 notes): a bribe only hinted at ("намекал на взятку") scores under the listing
// threshold. This fails today on purpose; when the model lists it, make it a plain test.
test.fails('known gap: lists the hinted bribe in Врач намекал на взятку за операцию', () => {
  expect(analyser.analyse({ text: 'Врач намекал на взятку за операцию' }).risks.map((entry) => entry.risk)).toContain('corruption');
});

test('does not read everyday words as risks', () => {
  const result = analyser.analyse({ text: 'Good news: the results came back fine and I fell asleep easily.' });
  expect(result.risks).toEqual([]);
});

test('does not flag a negated risk cue', () => {
  const result = analyser.analyse({ text: '术后没有感染，恢复很好' });
  expect(result.risks.map((risk) => risk.risk)).not.toContain('infection');
});

test.each([
  ['王医生看得很仔细', '王医生', 'wang'],
  ['感谢王建国主任', '王建国主任', 'wang'],
  ['感謝王建國主任', '王建國主任', 'wang'],
  ['Спасибо, доктор Иванова!', 'доктор Иванова', 'ivanova'],
  ['Благодарю Ивановой Марии Петровне за лечение', 'Ивановой Марии Петровне', 'ivanova'],
  ['Dr. Ivanova explained everything', 'Dr. Ivanova', 'ivanova'],
  ['Dr Wang was great', 'Dr Wang', 'wang'],
  ['Джон Смит принял быстро', 'Джон Смит', 'smith'],
  ['Приём вела Иванова М.П., всё понятно', 'Иванова М.П.', 'ivanova'],
])('matches the roster member named in %s', (text, evidence, id) => {
  const result = analyser.analyse({ text });
  const match = result.staff.find((entry) => entry.id === id);
  expect(match).toBeDefined();
  expect(spanText(text, match!.span)).toBe(evidence);
});

test('trusts a full name more than surname and title', () => {
  const full = analyser.analyse({ text: '感谢王建国主任' }).staff[0]!;
  const surname = analyser.analyse({ text: '感谢王医生' }).staff[0]!;
  expect(full.confidence).toBeGreaterThan(surname.confidence);
});

test('lowers confidence when two staff share a surname', () => {
  const twoWangs = createAnalyser({
    roster: [
      { id: 'a', name: '王建国' },
      { id: 'b', name: '王芳' },
    ],
  });
  const single = analyser.analyse({ text: '王医生很好' }).staff[0]!;
  const ambiguous = twoWangs.analyse({ text: '王医生很好' }).staff;
  expect(ambiguous).toHaveLength(2);
  expect(ambiguous[0]!.confidence).toBeLessThan(single.confidence);
});

test('flags five stars under an angry text as a rating conflict', () => {
  const result = analyser.analyse({ text: 'Terrible, rude staff, awful experience. Worst clinic ever, never again.', rating: 5 });
  expect(result.ratingConflict).toBe(true);
  expect(result.sentiment.label).toBe('negative');
});

test('flags one star under praise as a rating conflict', () => {
  const result = analyser.analyse({ text: '医生非常好，服务很周到，非常满意，谢谢！', rating: 1 });
  expect(result.ratingConflict).toBe(true);
});

test('does not flag a rating that agrees with the text', () => {
  const result = analyser.analyse({ text: 'Отличная клиника, очень довольна, спасибо врачам!', rating: 5 });
  expect(result.ratingConflict).toBe(false);
  expect(result.sentiment.label).toBe('positive');
});

test('passes another language through untouched without guessing sentiment', () => {
  const result = analyser.analyse({ text: 'Der Arzt war sehr freundlich und hat alles erklärt.' });
  expect(result.lang).toBe('de');
  expect(result.sentiment.confidence).toBe(0);
});

test('keeps sentiment score and confidence in range and reports the model version', () => {
  const result = analyser.analyse({ text: '很差劲的医院，再也不来了' });
  expect(result.sentiment.label).toBe('negative');
  expect(result.sentiment.score).toBeGreaterThanOrEqual(-1);
  expect(result.sentiment.confidence).toBeLessThanOrEqual(1);
  expect(result.modelVersion).toMatch(/^lr1-[0-9a-f]{12}\+lex-[0-9a-f]{8}\+risk-[0-9a-f]{8}$/);
});

test('applies a clinic lexicon extension', () => {
  const extended = createAnalyser({ lexicons: { aspects: { 'process.facilities': { en: ['hydrotherapy pool'] } } } });
  const result = extended.analyse({ text: 'The hydrotherapy pool was freezing.' });
  expect(result.aspects.map((entry) => entry.aspect)).toContain('process.facilities');
  expect(() => createAnalyser({ lexicons: { risks: { made_up: { en: ['x'] } } } })).toThrow(/unknown risk/);
});

test('exports the fixed taxonomies', () => {
  expect(ASPECTS).toHaveLength(16);
  expect(RISKS).toContain('corruption');
});

test('marks near-duplicate reviews by different authors in a batch', () => {
  const text = '这家医院非常好，医生专业耐心，环境干净整洁，强烈推荐给大家！';
  const results = analyser.analyseBatch([
    { text, author: 'a1' },
    { text: `${text}!`, author: 'a2' },
    { text: '排队太久了，护士态度也一般，不会再来了。', author: 'a3' },
  ]);
  expect(results[0]!.authenticity.signals.some((signal) => signal.startsWith('near_duplicate_across_authors'))).toBe(true);
  expect(results[1]!.authenticity.score).toBeGreaterThan(results[2]!.authenticity.score);
  expect(results[2]!.authenticity.signals).toEqual([]);
});

test('answers an empty text with an undetermined language and neutral sentiment', () => {
  const result = analyser.analyse({ text: '' });
  expect(result.lang).toBe('und');
  expect(result.sentiment.label).toBe('neutral');
  expect(result.aspects).toEqual([]);
});

test('reads a clinic lexicon extension from a JSON file path', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'verity-lexicon-'));
  try {
    const file = join(dir, 'extra.json');
    // 感谢费 is now a built-in cue, so the extension names one the built-in lexicon lacks.
    writeFileSync(file, JSON.stringify({ risks: { corruption: { zh: ['茶水费'] } } }));
    const extended = createAnalyser({ lexicons: file });
    const text = '护士要了茶水费';
    const risk = extended.analyse({ text }).risks.find((entry) => entry.risk === 'corruption')!;
    expect(text.slice(risk.span[0], risk.span[1])).toBe('茶水费');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cue made of digits or Latin letters does not match inside a longer number or word (120 is the ambulance, 1200 is a bill)', () => {
  const bill = analyser.analyse({ text: '一个普通感冒花了1200块，太离谱了。' });
  expect(bill.risks.map((r) => r.cue)).not.toContain('120');
  const lexicon = createAnalyser({ lexicons: { risks: { safety_incident: { zh: ['120'] } } } });
  expect(lexicon.analyse({ text: '孩子晕倒了，我们自己打了120才来人。' }).risks.map((r) => r.cue)).toContain('120');
  expect(lexicon.analyse({ text: '挂号费1200块。' }).risks.map((r) => r.cue)).not.toContain('120');
});

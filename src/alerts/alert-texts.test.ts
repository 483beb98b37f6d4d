import { expect, test } from 'vitest';
import { alertTitle, mentionSummary, updateTexts, volumeSummary } from './alert-texts.ts';
import { renderWords } from '../core/i18n.ts';
import type { AnalysedMention } from './match-mention.ts';

const mention = (over: Partial<AnalysedMention> = {}): AnalysedMention => ({
  id: 'm1',
  locationId: null,
  departmentId: null,
  sourceId: 's1',
  sentiment: 'negative',
  risks: ['legal_threat'],
  staffIds: [],
  rating: 1,
  title: null,
  text: 'I will sue the clinic',
  ...over,
});

test('titles an alert with its rule and marks it urgent in each language', () => {
  expect(renderWords('en', alertTitle('Legal threats', true))).toBe('Urgent: Legal threats');
  expect(renderWords('en', alertTitle('Legal threats', false))).toBe('Legal threats');
  expect(renderWords('ru', alertTitle('Юридические угрозы', true))).toBe('Срочно: Юридические угрозы');
  expect(renderWords('zh-CN', alertTitle('法律威胁', true))).toBe('紧急：法律威胁');
});

test('summarises a mention with its facts in words of the reader language', () => {
  const summary = mentionSummary(mention(), 2);
  expect(renderWords('en', summary)).toBe('“I will sue the clinic” (rating 1; Negative; risks: Legal threat)\n\nand 2 more matching mentions');
  expect(renderWords('ru', summary)).toBe('«I will sue the clinic» (оценка 1; Негатив; риски: Угроза суда)\n\nи ещё подходящих упоминаний: 2');
  expect(renderWords('zh-CN', summary)).toBe('“I will sue the clinic”（评分 1；负面；风险：法律威胁）\n\n另有 2 条匹配的提及');
});

test('leaves out the facts a mention lacks and the tail when it matched alone', () => {
  expect(renderWords('en', mentionSummary(mention({ rating: null, sentiment: null, risks: [] }), 0))).toBe('“I will sue the clinic”');
  expect(renderWords('en', mentionSummary(mention({ text: 'x'.repeat(300), sentiment: null, risks: [] }), 1))).toBe(`“${'x'.repeat(280)}…” (rating 1)\n\nand 1 more matching mention`);
});

test('counts the further mentions in English and in Russian without a plural to agree', () => {
  const tail = (locale: 'en' | 'ru', n: number) => renderWords(locale, mentionSummary(mention({ rating: null, sentiment: null, risks: [] }), n)).split('\n\n')[1];
  expect(tail('en', 1)).toBe('and 1 more matching mention');
  expect(tail('en', 21)).toBe('and 21 more matching mentions');
  expect(tail('ru', 1)).toBe('и ещё подходящих упоминаний: 1');
  expect(tail('ru', 3)).toBe('и ещё подходящих упоминаний: 3');
});

test('lists several risks in the words and punctuation of each language', () => {
  const summary = mentionSummary(mention({ rating: null, sentiment: null, risks: ['legal_threat', 'media', 'not_a_risk'] }), 0);
  expect(renderWords('en', summary)).toBe('“I will sue the clinic” (risks: Legal threat, Media attention, not_a_risk)');
  expect(renderWords('zh-CN', summary)).toMatch(/^“I will sue the clinic”（风险：法律威胁、.+、not_a_risk）$/);
});

test('keeps only codes, words people wrote and numbers in what it stores', () => {
  const json = JSON.stringify(mentionSummary(mention(), 1));
  expect(json).toContain('"code":"analysis.risk.legal_threat"');
  expect(json).not.toContain('Legal threat');
});

test('summarises volume rules as before, in each language', () => {
  const count = volumeSummary({ metric: 'negative_count', windowMinutes: 60, threshold: 10, minCount: 5 }, { negatives: 12, total: 40 });
  expect(renderWords('en', count)).toBe('12 negative mentions in the last 1 h (threshold 10).');
  expect(renderWords('ru', count)).toBe('Негативных упоминаний за 1 ч: 12 (порог 10).');
  const share = volumeSummary({ metric: 'negative_share', windowMinutes: 30, threshold: 0.5, minCount: 4 }, { negatives: 4, total: 5 });
  expect(renderWords('en', share)).toBe('80% of 5 mentions in the last 30 min were negative (threshold 50%).');
  expect(renderWords('zh-CN', share)).toBe('最近 30 分钟内的 5 条提及中有 80% 为负面（阈值 50%）。');
  expect(renderWords('ru', share)).toBe('Доля негативных упоминаний за 30 мин: 80% из 5 (порог 50%).');
  const spike = volumeSummary({ metric: 'spike', windowMinutes: 120, threshold: 3, minCount: 5 }, { negatives: 15, total: 15, expected: 1.25, pValue: 0.000012345, weeks: 6 });
  expect(renderWords('en', spike)).toBe('15 negative mentions in the last 2 h against 1.3 expected from the same hours of the previous 6 weeks (Poisson p = 0.000012).');
  expect(renderWords('en', volumeSummary({ metric: 'negative_count', windowMinutes: 10080, threshold: 1500, minCount: 5 }, { negatives: 1234, total: 2000 }))).toBe(
    '1234 negative mentions in the last 168 h (threshold 1500).',
  );
});

test('titles the summary of an open alert after the alert, urgent or not', () => {
  const urgent = updateTexts('Urgent: Legal threats', 'Legal threats', 200);
  expect(renderWords('en', urgent.title)).toBe('Update: Urgent: Legal threats');
  expect(renderWords('en', urgent.text)).toBe('Legal threats: 200 matches in total so far; the alert is still open.');
  expect(renderWords('ru', urgent.title)).toBe('Обновление: Срочно: Legal threats');
  expect(renderWords('zh-CN', updateTexts('Negatives', 'Negatives', 3).title)).toBe('更新：Negatives');
});

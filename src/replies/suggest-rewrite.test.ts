import { expect, test } from 'vitest';
import { forwardPath } from '../cases/advance-for-reply.ts';
import { checkPrivacy } from './privacy-check.ts';
import { fillPlaceholders } from './reply-templates.ts';
import { maskFindings, sentences } from './suggest-rewrite.ts';

const mask = (text: string) => maskFindings(text, checkPrivacy(text).findings);

test('splits a draft into sentences in each script, keeping what follows each', () => {
  const text = 'Sorry. Call us!\n您好。请联系我们？Спасибо…';
  expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['Sorry. ', 'Call us!\n', '您好。', '请联系我们？', 'Спасибо…']);
});

test('leaves out the sentences that hold a finding', () => {
  expect(mask('We are sorry for the wait. Your surgery went well, Dr. Wang says. Please call us.')).toBe('We are sorry for the wait. Please call us.');
  expect(mask('给您带来不便深表歉意。您的手术很顺利。')).toBe('给您带来不便深表歉意。');
  expect(mask('Нам жаль. Ваш диагноз мы обсудим лично.')).toBe('Нам жаль.');
});

test('offers nothing when nothing would be left or nothing changes', () => {
  expect(mask('Your surgery went well.')).toBeNull();
  expect(maskFindings('We are sorry.', [])).toBeNull();
});

test('calms exclamation marks instead of dropping their sentence', () => {
  expect(maskFindings('Thank you! See you', [{ code: 'exclamation', span: [9, 10] }])).toBe('Thank you. See you');
});

test('the way forward through the case workflow, never backwards', () => {
  expect(forwardPath('new', 'handling')).toEqual(['acknowledged', 'investigating', 'handling']);
  expect(forwardPath('investigating', 'responded')).toEqual(['responded']);
  expect(forwardPath('handling', 'responded')).toEqual(['responded']);
  expect(forwardPath('responded', 'handling')).toEqual([]);
  expect(forwardPath('handling', 'handling')).toEqual([]);
});

test('a template without the author’s name drops its greeting instead of reading "Dear, …"', () => {
  const fill = (text: string, lang: string) => fillPlaceholders(text, { clinic: 'Renhe', author: null, lang, caseNumber: 3 });
  expect(fill('Dear {{author}}, thank you for telling us. — {{clinic}}', 'en')).toBe('Thank you for telling us. — Renhe');
  expect(fill('{{author}}, спасибо, что рассказали нам.', 'ru')).toBe('Спасибо, что рассказали нам.');
  expect(fill('{{author}}您好，感谢您的反馈。', 'zh')).toBe('您好，感谢您的反馈。');
  expect(fillPlaceholders('Dear {{author}}, thank you.', { clinic: 'Renhe', author: 'li.wei', lang: 'en', caseNumber: 3 })).toBe('Dear li.wei, thank you.');
});

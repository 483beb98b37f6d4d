import { describe, expect, test } from 'vitest';
import { cleaned, freshId, move, newQuestion, withText, type Definition } from './definition.ts';

describe('builder edits', () => {
  const def: Definition = { intro: { en: ' ' }, pages: [{ title: {}, questions: [{ id: 'q1', type: 'free_text', text: { en: 'Why?' }, required: false, help: {} }] }] };
  test('an emptied language is removed, others kept', () => {
    expect(withText({ en: 'A', ru: 'Б' }, 'ru', '  ')).toEqual({ en: 'A' });
    expect(withText({ en: 'A' }, 'zh-CN', '为什么')).toEqual({ en: 'A', 'zh-CN': '为什么' });
  });
  test('cleaning drops empty optional texts and options of types that take none', () => {
    const withOptions: Definition = { pages: [{ questions: [{ ...def.pages[0]!.questions[0]!, options: [{ id: 'a', text: { en: 'A' } }] }] }] };
    expect(cleaned(def)).toEqual({ pages: [{ questions: [{ id: 'q1', type: 'free_text', text: { en: 'Why?' }, required: false }] }] });
    expect(cleaned(withOptions).pages[0]!.questions[0]).not.toHaveProperty('options');
  });
  test('new ids and moves', () => {
    expect(freshId(def)).toBe('q2');
    expect(newQuestion(def, 'single_choice').options).toHaveLength(2);
    expect(newQuestion(def, 'communication').options!.map((o) => o.id)).toEqual(['listening', 'clarity', 'shared_decisions', 'privacy']);
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

import { describe, expect, test } from 'vitest';
import { en } from './en.ts';
import { ru } from './ru.ts';
import { zhCN } from './zh-CN.ts';
import { detectLocale } from './locale.ts';

const dictionaries = { en, ru, 'zh-CN': zhCN } as Record<string, Record<string, string>>;

describe('UI dictionaries', () => {
  const reference = Object.keys(en).sort();

  for (const [name, dict] of Object.entries(dictionaries)) {
    test(`${name} has exactly the English key set`, () => {
      expect(Object.keys(dict).sort()).toEqual(reference);
    });

    test(`${name} has no empty messages`, () => {
      const empty = Object.entries(dict).filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    });

    test(`${name} keeps every {placeholder} of the English message`, () => {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      const mismatched = reference.filter(
        (key) => placeholders(dict[key] ?? '').join() !== placeholders(en[key as keyof typeof en]).join(),
      );
      expect(mismatched).toEqual([]);
    });
  }
});

describe('detectLocale', () => {
  test('prefers the stored choice over the browser language', () => {
    expect(detectLocale('ru', 'zh-CN')).toBe('ru');
  });

  test('maps browser languages to the nearest dictionary', () => {
    expect(detectLocale(null, 'zh-TW')).toBe('zh-CN');
    expect(detectLocale(null, 'ru-RU')).toBe('ru');
    expect(detectLocale(null, 'de-DE')).toBe('en');
    expect(detectLocale('fr', undefined)).toBe('en');
  });
});

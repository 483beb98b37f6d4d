import { describe, expect, test } from 'vitest';
import { catalogues, dictionaries } from './catalogues.ts';
import { detectLocale } from './locale.ts';

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('UI dictionaries', () => {
  const en = dictionaries.en as Record<string, string>;
  const reference = Object.keys(en).sort();

  for (const [name, dict] of Object.entries(dictionaries) as [string, Record<string, string>][]) {
    test(`${name} has exactly the English key set`, () => {
      expect(Object.keys(dict).sort()).toEqual(reference);
    });

    test(`${name} has no empty messages`, () => {
      const empty = Object.entries(dict)
        .filter(([, text]) => text.trim() === '')
        .map(([key]) => key);
      expect(empty).toEqual([]);
    });

    test(`${name} keeps every {placeholder} of the English message`, () => {
      const mismatched = reference.filter((key) => placeholders(dict[key] ?? '').join() !== placeholders(en[key] ?? '').join());
      expect(mismatched).toEqual([]);
    });
  }
});

describe('message catalogues', () => {
  for (const [feature, catalogue] of Object.entries(catalogues)) {
    const byLocale = catalogue as Record<string, Record<string, string>>;
    const english = Object.keys(byLocale.en ?? {}).sort();

    test(`${feature} declares at least one message`, () => {
      expect(english.length).toBeGreaterThan(0);
    });

    for (const locale of ['ru', 'zh-CN']) {
      test(`${feature}: ${locale} has exactly the English keys, none empty, with the same placeholders`, () => {
        const dict = byLocale[locale] ?? {};
        expect(Object.keys(dict).sort()).toEqual(english);
        expect(
          Object.entries(dict)
            .filter(([, text]) => text.trim() === '')
            .map(([key]) => key),
        ).toEqual([]);
        expect(english.filter((key) => placeholders(dict[key] ?? '').join() !== placeholders(byLocale.en?.[key] ?? '').join())).toEqual([]);
      });
    }
  }

  test('no key is declared by two catalogues (one would silently hide the other)', () => {
    const owners = new Map<string, string[]>();
    for (const [feature, catalogue] of Object.entries(catalogues)) {
      for (const key of Object.keys(catalogue.en)) owners.set(key, [...(owners.get(key) ?? []), feature]);
    }
    expect([...owners].filter(([, features]) => features.length > 1)).toEqual([]);
  });
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

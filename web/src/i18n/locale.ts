export type Locale = 'zh-CN' | 'ru' | 'en';

export const locales: { id: Locale; label: string }[] = [
  { id: 'zh-CN', label: '中文' },
  { id: 'ru', label: 'Русский' },
  { id: 'en', label: 'English' },
];

/** The UI language: the stored choice if valid, else the nearest match to the browser's language. */
export function detectLocale(stored: string | null, browser: string | undefined): Locale {
  if (stored === 'zh-CN' || stored === 'ru' || stored === 'en') return stored;
  const lang = (browser ?? '').toLowerCase();
  if (lang.startsWith('zh')) return 'zh-CN';
  if (lang.startsWith('ru')) return 'ru';
  return 'en';
}

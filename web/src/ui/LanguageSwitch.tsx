import { locales, useI18n, type Locale } from '../i18n/index.tsx';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <select className="lang-switch" aria-label={t('header.language')} title={t('header.language')} data-testid="language-switch" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
      {locales.map((l) => (
        <option key={l.id} value={l.id}>
          {l.label}
        </option>
      ))}
    </select>
  );
}

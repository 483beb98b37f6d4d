import { useI18n } from '../../i18n/index.tsx';

/** Advocates (issue 11 builds it). */
export function AdvocatesPage() {
  const { t } = useI18n();
  return <h1>{t('nav.advocates')}</h1>;
}

import { useI18n } from '../../i18n/index.tsx';

/** Sharing (issue 11 builds it). */
export function SharingPage() {
  const { t } = useI18n();
  return <h1>{t('nav.sharing')}</h1>;
}

import { useI18n } from '../../i18n/index.tsx';

/** Content (issue 11 builds it). */
export function ContentPage() {
  const { t } = useI18n();
  return <h1>{t('nav.content')}</h1>;
}

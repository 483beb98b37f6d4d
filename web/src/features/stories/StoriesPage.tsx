import { useI18n } from '../../i18n/index.tsx';

/** Stories (issue 11 builds it). */
export function StoriesPage() {
  const { t } = useI18n();
  return <h1>{t('nav.stories')}</h1>;
}

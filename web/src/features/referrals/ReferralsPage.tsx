import { useI18n } from '../../i18n/index.tsx';

/** Referrals (issue 11 builds it). */
export function ReferralsPage() {
  const { t } = useI18n();
  return <h1>{t('nav.referrals')}</h1>;
}

import { useI18n } from '../../i18n/index.tsx';

export function EnabledBadge({ enabled }: { enabled: boolean }) {
  const { t } = useI18n();
  return <span className={`badge ${enabled ? 'badge-positive' : ''}`}>{enabled ? t('rules.on') : t('rules.off')}</span>;
}

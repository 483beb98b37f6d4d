import { useI18n } from '../../i18n/index.tsx';
import type { MentionStatus, Sentiment } from '../../lib/vocab.ts';

export function SentimentBadge({ label }: { label: Sentiment }) {
  const { t } = useI18n();
  return <span className={`badge badge-${label}`}>{t(`sentiment.${label}`)}</span>;
}

export function StatusBadge({ status }: { status: MentionStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-status badge-status-${status}`}>{t(`status.${status}`)}</span>;
}

import { useI18n } from '../../i18n/index.tsx';
import type { StoryItem } from './api.ts';

const STATE_CLASS: Record<string, string> = { live: 'chip-positive', expiring: 'sty-chip-warn', pending: '', expired: 'chip-negative', revoked: 'chip-negative', none: 'sty-chip-none' };

/** One chip per use: live, ending soon, revoked, expired, or never consented. */
export function ConsentChips({ consents }: { consents: StoryItem['consents'] }) {
  const { t } = useI18n();
  return (
    <span className="chip-row sty-chips">
      {consents
        .filter((c) => c.state !== 'none')
        .map((c) => (
          <span key={c.use} className={`chip ${STATE_CLASS[c.state] ?? ''}`} title={`${t(`sty.use.${c.use}`)}: ${t(`sty.state.${c.state}`)}`} data-state={c.state}>
            {t(`sty.use.${c.use}`)} · {t(`sty.state.${c.state}`)}
          </span>
        ))}
      {consents.every((c) => c.state === 'none') && <span className="muted small">{t('sty.noConsents')}</span>}
    </span>
  );
}

export function StatusBadge({ status }: { status: StoryItem['status'] }) {
  const { t } = useI18n();
  const cls = status === 'approved' ? 'badge-positive' : status === 'rejected' || status === 'withdrawn' ? 'badge-negative' : 'badge-neutral';
  return <span className={`badge ${cls}`}>{t(`sty.status.${status}`)}</span>;
}

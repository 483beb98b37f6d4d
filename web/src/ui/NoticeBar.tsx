import { useI18n } from '../i18n/index.tsx';
import type { Notice } from '../lib/notices.tsx';

export function NoticeBar({ notices, dismiss }: { notices: Notice[]; dismiss(id: number): void }) {
  const { t } = useI18n();
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <button type="button" className="notice-close" aria-label={t('common.dismiss')} onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

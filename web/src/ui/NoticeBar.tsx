import { useI18n } from '../i18n/index.tsx';
import type { Notice } from '../lib/notices.tsx';

/**
 * The toasts: a short stack in a corner away from the page's own buttons (see .notices in
 * styles.css), each dismissible. The live region is always there, so that a screen reader hears
 * a toast the moment it is added.
 */
export function NoticeBar({ notices, dismiss }: { notices: Notice[]; dismiss(id: number): void }) {
  const { t } = useI18n();
  return (
    <div className="notices" aria-live="polite" data-testid="notices">
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

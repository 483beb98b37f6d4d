import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { navigate } from '../../lib/router.tsx';
import { listNotifications, markNotificationRead } from './api.ts';
import './bell.css';
import type { AppNotification } from './types.ts';

const pollMs = 30_000;

/** The bell in the header: unread count polled every 30 s, a dropdown of the latest, read on click. */
export function NotificationBell() {
  const { t, formatDate } = useI18n();
  const [items, setItems] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const res = await listNotifications();
      setItems(res.items);
      setUnread(res.unread);
    } catch {
      // A missed poll is retried on the next tick; the bell is not worth an error banner.
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), pollMs);
    return () => window.clearInterval(timer);
  }, [load]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const markRead = async (n: AppNotification) => {
    if (n.readAt) return;
    setItems((all) => all.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)));
    setUnread((u) => Math.max(0, u - 1));
    try {
      await markNotificationRead(n.id);
    } catch {
      void load();
    }
  };

  const openItem = (n: AppNotification) => {
    void markRead(n);
    // Only paths inside the app are followed; anything else stays text.
    if (n.url && n.url.startsWith('/') && !n.url.startsWith('//')) {
      setOpen(false);
      navigate(n.url);
    }
  };

  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="icon-btn bell-button"
        data-testid="notification-bell"
        aria-label={t('notifications.title', { n: unread })}
        aria-expanded={open}
        onClick={() => {
          setOpen((o) => !o);
          if (!open) void load();
        }}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 && <span className="bell-count">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div className="bell-menu" role="dialog" aria-label={t('notifications.heading')}>
          <div className="bell-head">{t('notifications.heading')}</div>
          {items.length === 0 ? (
            <div className="muted small bell-empty">{t('notifications.empty')}</div>
          ) : (
            <ul className="bell-list">
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? 'bell-item' : 'bell-item unread'}>
                  <button type="button" className="bell-item-main" onClick={() => openItem(n)}>
                    <span className="strong">{n.title}</span>
                    {n.body && <span className="small muted bell-body">{n.body}</span>}
                    <span className="small muted">{formatDate(n.createdAt)}</span>
                  </button>
                  {!n.readAt && (
                    <button type="button" className="btn btn-small btn-link" onClick={() => void markRead(n)}>
                      {t('notifications.markRead')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

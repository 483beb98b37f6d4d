import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from './api.ts';
import { useI18n } from './i18n/index.tsx';
import type { Me, OrgData, Permission } from './types.ts';

interface Notice {
  id: number;
  tone: 'error' | 'success';
  text: string;
}

interface AppContextValue {
  me: Me;
  can(permission: Permission): boolean;
  /** Shows a non-blocking banner with the server's message (or a generic one). */
  reportError(error: unknown): void;
  notify(text: string): void;
  org: OrgData | null;
  reloadOrg(): Promise<void>;
}

const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppProvider');
  return ctx;
}

export function useNotices() {
  const { t } = useI18n();
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    setNotices((all) => all.filter((n) => n.id !== id));
    const timer = timers.current.get(id);
    if (timer) window.clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const push = useCallback(
    (tone: Notice['tone'], text: string) => {
      const id = nextId.current++;
      setNotices((all) => [...all.filter((n) => n.text !== text), { id, tone, text }].slice(-4));
      timers.current.set(id, window.setTimeout(() => dismiss(id), tone === 'error' ? 10_000 : 4_000));
    },
    [dismiss],
  );

  const reportError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.status === 401) return; // the app is already on its way to the login page
        push('error', error.code === 'network' ? t('common.errorNetwork') : error.message || t('common.errorGeneric'));
      } else {
        push('error', t('common.errorGeneric'));
        console.error(error);
      }
    },
    [push, t],
  );

  const notify = useCallback((text: string) => push('success', text), [push]);
  return { notices, dismiss, reportError, notify };
}

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

export function AppProvider({
  me,
  reportError,
  notify,
  children,
}: {
  me: Me;
  reportError(error: unknown): void;
  notify(text: string): void;
  children: ReactNode;
}) {
  const [org, setOrg] = useState<OrgData | null>(null);
  const reloadOrg = useCallback(async () => {
    try {
      setOrg(await api<OrgData>('/api/org'));
    } catch (error) {
      reportError(error);
    }
  }, [reportError]);

  useEffect(() => {
    void reloadOrg();
  }, [reloadOrg]);

  const can = useCallback((permission: Permission) => me.permissions.includes(permission), [me]);

  return (
    <AppContext.Provider value={{ me, can, reportError, notify, org, reloadOrg }}>{children}</AppContext.Provider>
  );
}

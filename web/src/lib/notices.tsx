import { createContext, useCallback, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n, type Translate } from '../i18n/index.tsx';
import { ApiError } from './api.ts';

export interface Notice {
  id: number;
  tone: 'error' | 'success';
  text: string;
}

export interface Notices {
  /** Shows a non-blocking banner with the server's message (or a generic one). */
  reportError(error: unknown): void;
  notify(text: string): void;
}

/** What to tell a person about a failure: the server's message (in their language), or a generic sentence. */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('common.errorGeneric');
  return error.code === 'network' ? t('common.errorNetwork') : error.message || t('common.errorGeneric');
}

/** How many toasts show at once; an older one makes way for a newer. */
const maxNotices = 3;

/**
 * The toasts' state; the app keeps one and hands its reportError/notify down through NoticesProvider.
 * `session` names who is signed in: when it changes (sign-out, another user) every toast goes, and
 * a late answer to a request of the last session (its reportError/notify) shows nothing.
 */
export function useNoticeState(session: string): Notices & { notices: Notice[]; dismiss(id: number): void } {
  const { t } = useI18n();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [shownFor, setShownFor] = useState(session);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());
  const currentSession = useRef(session);

  // A new session starts with no toasts (set during render, so not even one frame shows the old ones).
  if (shownFor !== session) {
    setShownFor(session);
    setNotices([]);
  }
  useLayoutEffect(() => {
    currentSession.current = session;
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
      pending.clear();
    };
  }, [session]);

  const dismiss = useCallback((id: number) => {
    setNotices((all) => all.filter((n) => n.id !== id));
    const timer = timers.current.get(id);
    if (timer) window.clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const push = useCallback(
    (tone: Notice['tone'], text: string) => {
      if (currentSession.current !== session) return; // a request of a session that has ended
      const id = nextId.current++;
      setNotices((all) => [...all.filter((n) => n.text !== text), { id, tone, text }].slice(-maxNotices));
      timers.current.set(
        id,
        window.setTimeout(() => dismiss(id), tone === 'error' ? 10_000 : 4_000),
      );
    },
    [dismiss, session],
  );

  const reportError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) return; // the app is already on its way to the login page
      if (!(error instanceof ApiError)) console.error(error);
      push('error', errorText(error, t));
    },
    [push, t],
  );

  const notify = useCallback((text: string) => push('success', text), [push]);
  return { notices, dismiss, reportError, notify };
}

const NoticesContext = createContext<Notices | null>(null);

export function NoticesProvider({ value, children }: { value: Notices; children: ReactNode }) {
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export function useNotices(): Notices {
  const ctx = useContext(NoticesContext);
  if (!ctx) throw new Error('useNotices outside NoticesProvider');
  return ctx;
}

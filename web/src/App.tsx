import { Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { me as fetchMe, saveLocale, logout as signOut } from './features/auth/api.ts';
import { NotificationBell } from './features/alerts/index.ts';
import { hasStoredLocale, useI18n } from './i18n/index.tsx';
import { setUnauthorizedHandler } from './lib/api.ts';
import { AppProvider, type Me } from './lib/app-context.tsx';
import { NoticesProvider, useNoticeState } from './lib/notices.tsx';
import { Link, navigate, useLocation } from './lib/router.tsx';
import type { Permission } from './lib/vocab.ts';
import { LoginPage, NAV_SECTIONS, routes, type Route } from './routes.tsx';
import { LanguageSwitch } from './ui/LanguageSwitch.tsx';
import { NoticeBar } from './ui/NoticeBar.tsx';
import { Spinner } from './ui/states.tsx';

export function App() {
  const { path, key: navigationKey } = useLocation();
  const { t, locale, setLocale } = useI18n();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  // Toasts belong to one session: signing out or in as someone else clears them.
  const notices = useNoticeState(me ? `user:${me.id}` : 'signed-out');
  const { reportError } = notices;

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setMe(null);
      navigate('/login', { replace: true });
    });
    fetchMe()
      .then((res) => setMe(res.user))
      .catch(() => setMe(null));
  }, []);

  const onLogin = useCallback((user: Me) => {
    setMe(user);
    navigate('/'); // the redirect below picks the first page this user may see
  }, []);

  const logout = useCallback(async () => {
    try {
      await signOut();
    } catch (error) {
      reportError(error);
    }
    setMe(null);
    navigate('/login');
  }, [reportError]);

  // The reader's language lives on the server too, for the notifications and e-mails written to
  // them: a browser without its own choice takes the user's, and a choice made here is stored.
  useEffect(() => {
    if (!me) return;
    if (me.locale && !hasStoredLocale()) {
      if (me.locale !== locale) setLocale(me.locale);
      return;
    }
    if (me.locale === locale) return;
    setMe({ ...me, locale });
    saveLocale(locale).catch(reportError);
  }, [me, locale, setLocale, reportError]);

  const can = (p: Permission) => me?.permissions.includes(p) ?? false;
  const visible = me ? routes.filter((route) => route.allowed(can, me)) : [];
  const current = visible.find((route) => path === route.path || path.startsWith(`${route.path}/`));

  // Where the address bar should be instead of where it is: login when signed out, the first
  // permitted page after signing in or on an unknown path.
  const home = me ? ((visible.find((route) => route.home?.(me.role)) ?? visible[0])?.path ?? null) : null;
  let redirect: string | null = null;
  if (me === null && path !== '/login') redirect = '/login';
  else if (me && (path === '/login' || path === '/')) redirect = home;
  else if (me && !current && !routes.some((r) => path.startsWith(r.path))) redirect = home;

  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (me === undefined) {
    return <div className="boot">{t('common.loading')}</div>;
  }

  return (
    <NoticesProvider value={notices}>
      {me === null ? (
        <>
          <NoticeBar notices={notices.notices} dismiss={notices.dismiss} />
          <main className="login-main">
            <Suspense fallback={<div className="boot">{t('common.loading')}</div>}>
              <LoginPage onLogin={onLogin} />
            </Suspense>
          </main>
        </>
      ) : (
        <AppProvider me={me}>
          <Shell me={me} visible={visible} current={current} onLogout={() => void logout()}>
            <NoticeBar notices={notices.notices} dismiss={notices.dismiss} />
            <main className="content" id="main-content" tabIndex={-1}>
              <Suspense fallback={<Spinner />}>
                <Page key={navigationKey} route={current} fullPath={path} />
              </Suspense>
            </main>
          </Shell>
        </AppProvider>
      )}
    </NoticesProvider>
  );
}

/** The frame around every page: the navigation of the routes this user may see, and the top bar. Below 768 px the navigation is a drawer behind the menu button. */
function Shell({ me, visible, current, onLogout, children }: { me: Me; visible: Route[]; current: Route | undefined; onLogout(): void; children: ReactNode }) {
  const { t } = useI18n();
  const { key: navigationKey } = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLDivElement>(null);

  // The drawer closes when a page is chosen, and on Escape (giving the focus back to the menu button).
  useEffect(() => setNavOpen(false), [navigationKey]);
  useEffect(() => {
    if (!navOpen) return;
    nav.current?.querySelector<HTMLElement>('a')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setNavOpen(false);
      toggle.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navOpen]);

  const account = (
    <>
      <div className="user-chip" title={me.email}>
        <span className="avatar" aria-hidden="true">
          {(me.name || me.email).slice(0, 1).toUpperCase()}
        </span>
        <span className="user-name">{me.name || me.email}</span>
        <span className="user-role">{t(`role.${me.role}`)}</span>
      </div>
      <button type="button" className="btn btn-ghost logout-button" onClick={onLogout}>
        {t('header.logout')}
      </button>
    </>
  );

  return (
    <div className={`shell${navOpen ? ' nav-open' : ''}`}>
      <a className="skip-link" href="#main-content">
        {t('shell.skipToContent')}
      </a>
      <div className="sidenav" id="app-navigation" ref={nav}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            V
          </span>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <nav aria-label={t('shell.navigation')}>
          {NAV_SECTIONS.map((section) => {
            const inSection = visible.filter((route) => route.section === section);
            if (!inSection.length) return null;
            return (
              <div key={section} className="nav-section" role="group" aria-labelledby={`nav-section-${section}`}>
                <div className="nav-section-title" id={`nav-section-${section}`}>
                  {t(`nav.section.${section}`)}
                </div>
                {inSection.map((route) => (
                  <Link key={route.path} href={route.path} className={`nav-item${current === route ? ' active' : ''}`} aria-current={current === route ? 'page' : undefined}>
                    <span className="nav-icon" aria-hidden="true">
                      {route.icon}
                    </span>
                    {t(route.label)}
                  </Link>
                ))}
              </div>
            );
          })}
        </nav>
        <div className="sidenav-account">{account}</div>
        <div className="sidenav-footer">{me.org.name}</div>
      </div>
      {navOpen && <div className="nav-backdrop" aria-hidden="true" onClick={() => setNavOpen(false)} />}
      <div className="main-column">
        <header className="topbar">
          <button
            type="button"
            ref={toggle}
            className="nav-toggle icon-btn"
            aria-expanded={navOpen}
            aria-controls="app-navigation"
            aria-label={t('shell.menu')}
            onClick={() => setNavOpen((open) => !open)}
          >
            <span aria-hidden="true">☰</span>
          </button>
          <div className="topbar-title">{current ? t(current.label) : ''}</div>
          <div className="topbar-actions">
            <NotificationBell />
            <LanguageSwitch />
            <div className="topbar-account">{account}</div>
          </div>
        </header>
        {children}
      </div>
    </div>
  );
}

function Page({ route, fullPath }: { route: Route | undefined; fullPath: string }) {
  const { t } = useI18n();
  if (!route) return <div className="empty-state">{t('common.forbidden')}</div>;
  // The rest of the address after the route's path: /cases/<id>, /alerts/rules…
  const rest = decodeURIComponent(fullPath.slice(route.path.length).replace(/^\/+|\/+$/g, ''));
  const Component = route.page;
  return <Component rest={rest} />;
}

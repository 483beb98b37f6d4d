import { useCallback, useEffect, useState } from 'react';
import { api, setUnauthorizedHandler } from './api.ts';
import { AppProvider, NoticeBar, useNotices } from './app-context.tsx';
import { useI18n, type MessageKey } from './i18n/index.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { Link, navigate, useLocation } from './router.tsx';
import type { Me, Permission } from './types.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { SourcesPage } from './pages/SourcesPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { AlertsPage } from './pages/AlertsPage.tsx';
import { CasesPage } from './pages/CasesPage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { MyWorkPage } from './pages/MyWorkPage.tsx';
import { NotificationBell } from './components/NotificationBell.tsx';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: string;
  allowed(can: (p: Permission) => boolean): boolean;
}

const navItems: NavItem[] = [
  { path: '/inbox', label: 'nav.inbox', icon: '✉', allowed: (can) => can('mentions.read') },
  { path: '/my-work', label: 'nav.myWork', icon: '✓', allowed: () => true },
  { path: '/cases', label: 'nav.cases', icon: '▦', allowed: (can) => can('cases.read') },
  { path: '/alerts', label: 'nav.alerts', icon: '⚑', allowed: (can) => can('alerts.read') },
  { path: '/import', label: 'nav.import', icon: '⇪', allowed: (can) => can('imports.run') },
  { path: '/sources', label: 'nav.sources', icon: '⛁', allowed: (can) => can('sources.manage') },
  { path: '/settings', label: 'nav.settings', icon: '⚙', allowed: (can) => can('org.manage') || can('users.manage') || can('cases.manage') },
  { path: '/audit', label: 'nav.audit', icon: '☰', allowed: (can) => can('audit.read') },
];

export function App() {
  const { path, key: navigationKey } = useLocation();
  const { t } = useI18n();
  const { notices, dismiss, reportError, notify } = useNotices();
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setMe(null);
      navigate('/login', { replace: true });
    });
    api<{ user: Me }>('/api/auth/me')
      .then((res) => setMe(res.user))
      .catch(() => setMe(null));
  }, []);

  const onLogin = useCallback((user: Me) => {
    setMe(user);
    navigate('/'); // the redirect below picks the first page this user may see
  }, []);

  const logout = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } catch (error) {
      reportError(error);
    }
    setMe(null);
    navigate('/login');
  }, [reportError]);

  const can = (p: Permission) => me?.permissions.includes(p) ?? false;
  const visible = me ? navItems.filter((item) => item.allowed(can)) : [];
  const current = visible.find((item) => path === item.path || path.startsWith(`${item.path}/`));

  // Where the address bar should be instead of where it is: login when signed out, the first
  // permitted page after signing in or on an unknown path.
  let redirect: string | null = null;
  if (me === null && path !== '/login') redirect = '/login';
  else if (me && (path === '/login' || path === '/')) redirect = visible[0]?.path ?? null;
  else if (me && !current && !navItems.some((i) => path.startsWith(i.path))) redirect = visible[0]?.path ?? null;

  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (me === undefined) {
    return <div className="boot">{t('common.loading')}</div>;
  }

  if (me === null) {
    return (
      <>
        <NoticeBar notices={notices} dismiss={dismiss} />
        <LoginPage onLogin={onLogin} />
      </>
    );
  }

  return (
    <AppProvider me={me} reportError={reportError} notify={notify}>
      <div className="shell">
        <aside className="sidenav">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">V</span>
            <div>
              <div className="brand-name">{t('app.name')}</div>
              <div className="brand-tagline">{t('app.tagline')}</div>
            </div>
          </div>
          <nav>
            {visible.map((item) => (
              <Link
                key={item.path}
                href={item.path}
                className={`nav-item${current === item ? ' active' : ''}`}
                aria-current={current === item ? 'page' : undefined}
              >
                <span className="nav-icon" aria-hidden="true">{item.icon}</span>
                {t(item.label)}
              </Link>
            ))}
          </nav>
          <div className="sidenav-footer">{me.org.name}</div>
        </aside>
        <div className="main-column">
          <header className="topbar">
            <div className="topbar-title">{current ? t(current.label) : ''}</div>
            <div className="topbar-actions">
              <NotificationBell />
              <LanguageSwitch />
              <div className="user-chip" title={me.email}>
                <span className="avatar" aria-hidden="true">{(me.name || me.email).slice(0, 1).toUpperCase()}</span>
                <span className="user-name">{me.name || me.email}</span>
                <span className="user-role">{t(`role.${me.role}` as MessageKey)}</span>
              </div>
              <button type="button" className="btn btn-ghost" onClick={() => void logout()}>
                {t('header.logout')}
              </button>
            </div>
          </header>
          <NoticeBar notices={notices} dismiss={dismiss} />
          <main className="content">
            <Page key={navigationKey} path={current?.path} fullPath={path} />
          </main>
        </div>
      </div>
    </AppProvider>
  );
}

function Page({ path, fullPath }: { path: string | undefined; fullPath: string }) {
  const { t } = useI18n();
  // The rest of the address after the nav item: /cases/<id>, /alerts/rules…
  const rest = path ? decodeURIComponent(fullPath.slice(path.length).replace(/^\/+|\/+$/g, '')) : '';
  switch (path) {
    case '/my-work':
      return <MyWorkPage />;
    case '/cases':
      return rest ? <CasePage id={rest} /> : <CasesPage />;
    case '/alerts':
      return <AlertsPage tab={rest} />;
    case '/inbox':
      return <InboxPage />;
    case '/import':
      return <ImportPage />;
    case '/sources':
      return <SourcesPage />;
    case '/settings':
      return <SettingsPage />;
    case '/audit':
      return <AuditPage />;
    default:
      return <div className="empty-state">{t('common.forbidden')}</div>;
  }
}

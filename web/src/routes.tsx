import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from './i18n/index.tsx';
import type { PageProps } from './lib/router.tsx';
import type { Permission, Role } from './lib/vocab.ts';

/** The navigation's groups, in order: the day's work, what it adds up to, the patients, word of mouth, the set-up. */
export const NAV_SECTIONS = ['work', 'insight', 'patients', 'growth', 'setup'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

export interface Route {
  /** The address; the page also serves everything below it (/cases/<id>). */
  path: string;
  /** Its name in the navigation and the top bar. */
  label: MessageKey;
  icon: string;
  /** Its group in the navigation (NAV_SECTIONS, in that order). */
  section: NavSection;
  /** Whether a user of this role lands here on signing in (else the first page they may see). */
  home?(role: Role): boolean;
  /** Who sees it in the navigation and may open it. */
  allowed(can: (p: Permission) => boolean, me: { staffId: string | null }): boolean;
  page: LazyExoticComponent<ComponentType<PageProps>>;
}

/** A page of a feature's bundle; the bundle loads the first time one of its pages is shown. */
function page<M>(bundle: () => Promise<M>, pick: (module: M) => ComponentType<PageProps>): LazyExoticComponent<ComponentType<PageProps>> {
  return lazy(() => bundle().then((module) => ({ default: pick(module) })));
}

// One lazily loaded bundle per feature: its pages, components, styles.
const mentions = () => import('./features/mentions/mentions.pages.tsx');
const cases = () => import('./features/cases/cases.pages.tsx');
const alerts = () => import('./features/alerts/alerts.pages.tsx');
const ingest = () => import('./features/ingest/ingest.pages.tsx');
const settings = () => import('./features/settings/settings.pages.tsx');
const audit = () => import('./features/audit/audit.pages.tsx');
const patients = () => import('./features/patients/patients.pages.tsx');
const surveyReports = () => import('./features/survey-reports/survey-reports.pages.tsx');
const surveys = () => import('./features/surveys/surveys.pages.tsx');
const followups = () => import('./features/followups/followups.pages.tsx');
const outreach = () => import('./features/outreach/outreach.pages.tsx');
const dashboards = () => import('./features/dashboards/dashboards.pages.tsx');
const scorecards = () => import('./features/scorecards/scorecards.pages.tsx');
const reports = () => import('./features/reports/reports.pages.tsx');
const referrals = () => import('./features/referrals/referrals.pages.tsx');
const sharing = () => import('./features/sharing/sharing.pages.tsx');
const advocates = () => import('./features/advocates/advocates.pages.tsx');
const stories = () => import('./features/stories/stories.pages.tsx');
const content = () => import('./features/content/content.pages.tsx');

/**
 * The app's pages, in navigation order (grouped by section, in NAV_SECTIONS order): a user lands on
 * the page whose `home` claims their role, else on the first one they may see. A new capability
 * adds its routes here (and its messages to i18n/catalogues.ts).
 */
export const routes: Route[] = [
  { path: '/inbox', label: 'nav.inbox', icon: '✉', section: 'work', allowed: (can) => can('mentions.read'), page: page(mentions, (m) => m.InboxPage) },
  { path: '/my-work', label: 'nav.myWork', icon: '✓', section: 'work', allowed: () => true, page: page(cases, (m) => m.MyWorkPage) },
  { path: '/cases', label: 'nav.cases', icon: '▦', section: 'work', allowed: (can) => can('cases.read'), page: page(cases, (m) => m.CasesRoute) },
  { path: '/alerts', label: 'nav.alerts', icon: '⚑', section: 'work', allowed: (can) => can('alerts.read'), page: page(alerts, (m) => m.AlertsPage) },
  {
    path: '/dashboards',
    label: 'nav.dashboards',
    icon: '▤',
    section: 'insight',
    home: (role) => role === 'leadership',
    allowed: (can) => can('dashboards.read'),
    page: page(dashboards, (m) => m.DashboardsPage),
  },
  {
    path: '/scorecards',
    label: 'nav.scorecards',
    icon: '★',
    section: 'insight',
    allowed: (can, me) => can('scorecards.read') || me.staffId !== null,
    page: page(scorecards, (m) => m.ScorecardsRoute),
  },
  { path: '/surveys', label: 'nav.surveys', icon: '☑', section: 'patients', allowed: (can) => can('surveys.read'), page: page(surveys, (m) => m.SurveysRoute) },
  { path: '/outreach', label: 'nav.outreach', icon: '✆', section: 'patients', allowed: (can) => can('patients.read'), page: page(outreach, (m) => m.OutreachPage) },
  { path: '/follow-ups', label: 'nav.followups', icon: '♡', section: 'patients', allowed: (can) => can('followups.read'), page: page(followups, (m) => m.FollowupsRoute) },
  { path: '/patients', label: 'nav.patients', icon: '☺', section: 'patients', allowed: (can) => can('patients.read'), page: page(patients, (m) => m.PatientsRoute) },
  { path: '/referrals', label: 'nav.referrals', icon: '⇄', section: 'growth', allowed: (can) => can('referrals.read'), page: page(referrals, (m) => m.ReferralsPage) },
  { path: '/stories', label: 'nav.stories', icon: '❝', section: 'growth', allowed: (can) => can('stories.read'), page: page(stories, (m) => m.StoriesPage) },
  { path: '/content', label: 'nav.content', icon: '✎', section: 'growth', allowed: (can) => can('content.read'), page: page(content, (m) => m.ContentPage) },
  { path: '/advocates', label: 'nav.advocates', icon: '☆', section: 'growth', allowed: (can) => can('advocates.read'), page: page(advocates, (m) => m.AdvocatesPage) },
  { path: '/sharing', label: 'nav.sharing', icon: '⤴', section: 'growth', allowed: (can) => can('sharing.read'), page: page(sharing, (m) => m.SharingPage) },
  { path: '/import', label: 'nav.import', icon: '⇪', section: 'setup', allowed: (can) => can('imports.run'), page: page(ingest, (m) => m.ImportPage) },
  { path: '/sources', label: 'nav.sources', icon: '⛁', section: 'setup', allowed: (can) => can('sources.manage'), page: page(ingest, (m) => m.SourcesPage) },
  { path: '/survey-reports', label: 'nav.surveyReports', icon: '◔', section: 'insight', allowed: (can) => can('surveys.read'), page: page(surveyReports, (m) => m.SurveyReportsPage) },
  { path: '/reports', label: 'nav.reports', icon: '▥', section: 'insight', allowed: (can) => can('reports.read'), page: page(reports, (m) => m.ReportsPage) },
  {
    path: '/settings',
    label: 'nav.settings',
    icon: '⚙',
    section: 'setup',
    allowed: (can) => can('org.manage') || can('users.manage') || can('cases.manage'),
    page: page(settings, (m) => m.SettingsPage),
  },
  { path: '/audit', label: 'nav.audit', icon: '☰', section: 'setup', allowed: (can) => can('audit.read'), page: page(audit, (m) => m.AuditPage) },
];

/** The signed-out page, a bundle of its own. */
export const LoginPage = lazy(() => import('./features/auth/auth.pages.tsx').then((m) => ({ default: m.LoginPage })));

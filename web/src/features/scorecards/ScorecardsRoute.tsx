import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { navigate, type PageProps } from '../../lib/router.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { Leaderboard } from './Leaderboard.tsx';
import { ManagePanel } from './ManagePanel.tsx';
import { ScorecardPage } from './ScorecardPage.tsx';

type Tab = 'leaderboard' | 'me' | 'manage';

/**
 * /scorecards: the leaderboard (scorecards.read), /scorecards/me (a user linked to a roster entry),
 * /scorecards/staff/<id> and /scorecards/departments/<id>, /scorecards/manage (scorecards.manage).
 */
export function ScorecardsRoute({ rest }: PageProps) {
  const { t } = useI18n();
  const { me, can } = useApp();
  const canRead = can('scorecards.read');
  const [kind, id] = rest.split('/');
  const tab: Tab | null = kind === 'me' || (!kind && !canRead) ? 'me' : kind === 'manage' ? 'manage' : !kind ? 'leaderboard' : null;
  const tabs = [
    ...(canRead ? [{ id: 'leaderboard' as const, label: t('sc.tab.leaderboard') }] : []),
    ...(me.staffId ? [{ id: 'me' as const, label: t('sc.tab.mine') }] : []),
    ...(can('scorecards.manage') ? [{ id: 'manage' as const, label: t('sc.tab.manage') }] : []),
  ];
  return (
    <div className="page page-wide sc-page">
      <section className="card">
        <h2>{t('sc.title')}</h2>
        <p className="muted small">{t('sc.hint')}</p>
        {tabs.length > 1 && <Tabs tabs={tabs} current={tab ?? 'leaderboard'} onSelect={(next) => navigate(next === 'leaderboard' ? '/scorecards' : `/scorecards/${next}`)} />}
      </section>
      {tab === 'leaderboard' && <Leaderboard />}
      {tab === 'me' && <ScorecardPage subject="staff" own />}
      {tab === 'manage' && can('scorecards.manage') && <ManagePanel />}
      {kind === 'staff' && id && <ScorecardPage key={id} subject="staff" id={id} />}
      {kind === 'departments' && id && <ScorecardPage key={id} subject="department" id={id} />}
    </div>
  );
}

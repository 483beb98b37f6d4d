import { useI18n } from '../../i18n/index.tsx';
import { navigate, type PageProps } from '../../lib/router.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { InvitationsTab } from './InvitationsTab.tsx';
import { RankedList } from './RankedList.tsx';

/** /advocates: the ranked list of key patients and authors with their evidence; /advocates/invitations: the invitations and their answers. */
export function AdvocatesPage({ rest }: PageProps) {
  const { t } = useI18n();
  const tab = rest === 'invitations' ? 'invitations' : 'ranked';
  return (
    <div className="page page-wide adv-page">
      <section className="card">
        <h2>{t('adv.title')}</h2>
        <p className="muted small">{t('adv.hint')}</p>
        <Tabs
          tabs={[
            { id: 'ranked' as const, label: t('adv.tab.ranked') },
            { id: 'invitations' as const, label: t('adv.tab.invitations') },
          ]}
          current={tab}
          onSelect={(next) => navigate(next === 'ranked' ? '/advocates' : '/advocates/invitations')}
        />
      </section>
      {tab === 'ranked' ? <RankedList /> : <InvitationsTab />}
    </div>
  );
}

import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { CardHead } from '../../ui/CardHead.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { listProgrammes, type Programme } from './api.ts';
import { LedgerTab, ReviewTab } from './LedgerTab.tsx';
import { StatusBadge, useRewardText } from './parts.tsx';
import { ProgrammeForm } from './ProgrammeForm.tsx';
import { ReferralsTab } from './ReferralsTab.tsx';
import './referrals.css';

type TabId = 'programmes' | 'referrals' | 'ledger' | 'review';
const TABS: TabId[] = ['programmes', 'referrals', 'ledger', 'review'];
type Editing = { programme: Programme | null } | null;

function tabOfLocation(): TabId {
  const tab = new URLSearchParams(window.location.search).get('tab');
  return (TABS as string[]).includes(tab ?? '') ? (tab as TabId) : 'programmes';
}

/** Referrals ("old brings new"): programmes and their editor, the referrals, the rewards ledger and the review queue. */
export function ReferralsPage() {
  const { t, formatDate } = useI18n();
  const { can } = useApp();
  const manage = can('referrals.manage');
  const [tab, setTab] = useState<TabId>(tabOfLocation);
  const [editing, setEditing] = useState<Editing>(null);
  const programmes = useResource(listProgrammes, []);
  const rewardText = useRewardText();
  const select = (next: TabId) => {
    setTab(next);
    const url = new URL(window.location.href);
    url.searchParams.set('tab', next);
    window.history.replaceState(null, '', url);
  };
  const items = programmes.data?.items ?? null;
  const validity = (p: Programme) => (p.startsOn || p.endsOn ? `${p.startsOn ? formatDate(p.startsOn, false) : '…'} – ${p.endsOn ? formatDate(p.endsOn, false) : '…'}` : t('ref.always'));

  return (
    <div className="page page-wide ref-page">
      <Tabs tabs={TABS.map((id) => ({ id, label: t(`ref.tab.${id}`) }))} current={tab} onSelect={select} />
      {tab === 'programmes' && (
        <section className="card" data-testid="programmes">
          {!editing && <CardHead title={t('ref.programmes')} newLabel={t('ref.newProgramme')} onNew={manage ? () => setEditing({ programme: null }) : undefined} />}
          <p className="muted small">{t('ref.programmesHint')}</p>
          {editing && programmes.data && (
            <ProgrammeForm
              key={editing.programme?.id ?? 'new'}
              programme={editing.programme}
              defaults={programmes.data.marketDefaults}
              onDone={async (saved) => {
                setEditing(null);
                if (saved) await programmes.reload();
              }}
            />
          )}
          <RecordTable<Programme>
            items={items}
            emptyTitle={t('ref.noProgrammes')}
            testId="programmes-table"
            columns={[
              { header: t('ref.name'), cellClassName: 'strong', render: (p) => p.name },
              { header: t('ref.status'), render: (p) => <StatusBadge status={p.status === 'active' ? 'earned' : p.status === 'ended' ? 'expired' : 'booked'} label={t(`ref.status.${p.status}`)} /> },
              { header: t('ref.referrerReward'), render: (p) => rewardText({ ...p.referrerReward, unit: p.referrerReward.unit ?? '', label: p.referrerReward.label ?? '' }) },
              { header: t('ref.refereeReward'), render: (p) => rewardText({ ...p.refereeReward, unit: p.refereeReward.unit ?? '', label: p.refereeReward.label ?? '' }) },
              { header: t('ref.trigger'), render: (p) => t(`ref.triggerShort.${p.trigger}`) },
              { header: t('ref.validity'), cellClassName: 'nowrap small', render: validity },
              { header: t('ref.referralsCount'), className: 'num', render: (p) => p.referrals },
            ]}
            actions={
              manage
                ? (p) => (
                    <button type="button" className="btn btn-small" onClick={() => setEditing({ programme: p })}>
                      {t('common.edit')}
                    </button>
                  )
                : undefined
            }
          />
        </section>
      )}
      {tab === 'referrals' && <ReferralsTab programmes={items ?? []} />}
      {tab === 'ledger' && <LedgerTab />}
      {tab === 'review' && <ReviewTab />}
    </div>
  );
}

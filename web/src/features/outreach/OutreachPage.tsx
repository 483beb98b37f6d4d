import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { ImportTab } from './ImportTab.tsx';
import { InvitationsTab, SmsOutboxTab } from './InvitationsTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';

type TabId = 'invitations' | 'import' | 'settings' | 'sms';
const initialTab = (): TabId => {
  const tab = new URLSearchParams(window.location.search).get('tab');
  return tab === 'import' || tab === 'settings' || tab === 'sms' ? tab : 'invitations';
};

/** /outreach: the invitations, the visit import, the settings and the development SMS outbox (the last three for outreach managers). */
export function OutreachPage() {
  const { t } = useI18n();
  const { can } = useApp();
  const manage = can('outreach.manage');
  const [tab, setTab] = useState<TabId>(() => (manage ? initialTab() : 'invitations'));
  const select = (id: TabId) => {
    setTab(id);
    window.history.replaceState(null, '', `${window.location.pathname}?tab=${id}`);
  };
  const tabs = [
    { id: 'invitations' as const, label: t('or.tab.invitations') },
    ...(manage
      ? [
          { id: 'import' as const, label: t('or.tab.import') },
          { id: 'settings' as const, label: t('or.tab.settings') },
          { id: 'sms' as const, label: t('or.tab.smsOutbox') },
        ]
      : []),
  ];
  return (
    <div className="page or-page">
      {tabs.length > 1 && <Tabs tabs={tabs} current={tab} onSelect={select} />}
      {tab === 'invitations' && <InvitationsTab />}
      {tab === 'import' && <ImportTab />}
      {tab === 'settings' && <SettingsTab />}
      {tab === 'sms' && <SmsOutboxTab />}
    </div>
  );
}

import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { SlaSettingsTab } from '../cases/index.ts';
import { ReplySettingsTab } from '../replies/index.ts';
import { OrganisationTab } from './OrganisationTab.tsx';
import { OrgTab } from './OrgTab.tsx';
import { UsersTab } from './UsersTab.tsx';

type Tab = 'organisation' | 'locations' | 'departments' | 'staff' | 'users' | 'cases' | 'replies';

/** The organisation, its users, and the case and reply settings: each tab for those who may change it. */
export function SettingsPage() {
  const { t } = useI18n();
  const { can } = useApp();
  const tabs: Tab[] = [
    ...(can('org.manage') ? (['organisation', 'locations', 'departments', 'staff'] as const) : []),
    ...(can('users.manage') ? (['users'] as const) : []),
    ...(can('cases.manage') ? (['cases', 'replies'] as const) : []),
  ];
  const [tab, setTab] = useState<Tab>(tabs[0] ?? 'locations');

  return (
    <div className="page">
      <Tabs tabs={tabs.map((id) => ({ id, label: t(`settings.${id}`) }))} current={tab} onSelect={setTab} />
      {tab === 'organisation' ? <OrganisationTab /> : tab === 'users' ? <UsersTab /> : tab === 'cases' ? <SlaSettingsTab /> : tab === 'replies' ? <ReplySettingsTab /> : <OrgTab tab={tab} />}
    </div>
  );
}

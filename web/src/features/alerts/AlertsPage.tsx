import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { navigate } from '../../lib/router.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { AlertChannelsTab } from './AlertChannelsTab.tsx';
import { AlertList } from './AlertList.tsx';
import { AlertRulesTab } from './AlertRulesTab.tsx';
import { DeadLetters } from './DeadLetters.tsx';
import { Outbox } from './Outbox.tsx';

const tabs = [
  { id: '', label: 'alerts.tabAlerts', permission: null },
  { id: 'rules', label: 'alerts.tabRules', permission: 'alerts.manage' },
  { id: 'channels', label: 'alerts.tabChannels', permission: 'alerts.manage' },
  { id: 'dead-letters', label: 'alerts.tabDead', permission: 'alerts.manage' },
  { id: 'outbox', label: 'alerts.tabOutbox', permission: 'notifications.outbox' },
] as const satisfies readonly { id: string; label: MessageKey; permission: string | null }[];

/** Alerts and, for those who manage them, the rules, channels and failed deliveries behind them, and the admin's mail outbox; the tab is in the address. */
export function AlertsPage({ rest: tab }: { rest: string }) {
  const { t } = useI18n();
  const { can } = useApp();
  const visible = tabs.filter((x) => !x.permission || can(x.permission));
  const current = visible.find((x) => x.id === tab) ?? visible[0]!;

  return (
    <div className="page">
      {visible.length > 1 && <Tabs tabs={visible.map((x) => ({ id: x.id, label: t(x.label) }))} current={current.id} onSelect={(id) => navigate(id ? `/alerts/${id}` : '/alerts')} />}
      {current.id === '' && <AlertList />}
      {current.id === 'rules' && <AlertRulesTab />}
      {current.id === 'channels' && <AlertChannelsTab />}
      {current.id === 'dead-letters' && <DeadLetters />}
      {current.id === 'outbox' && <Outbox />}
    </div>
  );
}

import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { LinksTab } from './LinksTab.tsx';
import { PropagationTab } from './PropagationTab.tsx';
import './sharing.css';

type TabId = 'links' | 'propagation';

/** Sharing: the tracked links (make one, its QR code, its figures) and the propagation path of each chain of shares. */
export function SharingPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<TabId>('links');
  return (
    <div className="page page-wide shr-page">
      <h1>{t('nav.sharing')}</h1>
      <Tabs
        tabs={[
          { id: 'links', label: t('shr.tab.links') },
          { id: 'propagation', label: t('shr.tab.propagation') },
        ]}
        current={tab}
        onSelect={setTab}
      />
      {tab === 'links' ? <LinksTab /> : <PropagationTab />}
    </div>
  );
}

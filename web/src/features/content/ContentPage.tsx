import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { navigate } from '../../lib/router.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { BrandTab } from './BrandTab.tsx';
import { CalendarTab } from './CalendarTab.tsx';
import { PostersTab } from './PostersTab.tsx';
import './content.css';

type TabId = 'calendar' | 'posters' | 'brand';
const TABS: readonly TabId[] = ['calendar', 'posters', 'brand'];

/** The content calendar (posts per channel, checked against each story's consent), posters made from approved story quotes, and the brand they use. `?tab=posters&story=<id>` preselects a story. */
export function ContentPage() {
  const { t } = useI18n();
  const params = new URLSearchParams(window.location.search);
  const [tab, setTab] = useState<TabId>(TABS.find((x) => x === params.get('tab')) ?? 'calendar');
  const story = params.get('story') ?? undefined;
  const select = (next: TabId) => {
    setTab(next);
    navigate(next === 'calendar' ? '/content' : `/content?tab=${next}`, { replace: true });
  };
  return (
    <div className="page page-wide cnt-page">
      <h1>{t('nav.content')}</h1>
      <Tabs tabs={TABS.map((id) => ({ id, label: t(`cnt.tab.${id}`) }))} current={tab} onSelect={select} />
      {tab === 'calendar' && <CalendarTab storyId={story} />}
      {tab === 'posters' && <PostersTab storyId={story} />}
      {tab === 'brand' && <BrandTab />}
    </div>
  );
}

import { useI18n } from '../../i18n/index.tsx';
import { navigate } from '../../lib/router.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { ReviewLinksCard } from './ReviewLinksCard.tsx';
import { SurveyDetail } from './SurveyDetail.tsx';
import { SurveyList } from './SurveyList.tsx';
import './surveys.css';

/** /surveys the list, /surveys/settings the review links, /surveys/<id>[/links|/versions] one survey. */
export function SurveysRoute({ rest }: { rest: string }) {
  const { t } = useI18n();
  if (rest && rest !== 'settings') {
    const [id, tab = ''] = rest.split('/');
    return <SurveyDetail id={id!} tab={tab} />;
  }
  const current = rest === 'settings' ? 'settings' : 'list';
  return (
    <div className="page">
      <Tabs
        tabs={(['list', 'settings'] as const).map((x) => ({ id: x, label: t(`surveys.tab.${x}`) }))}
        current={current}
        onSelect={(x) => navigate(x === 'list' ? '/surveys' : '/surveys/settings')}
      />
      {current === 'list' ? <SurveyList /> : <ReviewLinksCard />}
    </div>
  );
}

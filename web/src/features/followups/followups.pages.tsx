import { useI18n } from '../../i18n/index.tsx';
import { navigate } from '../../lib/router.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { EnrolmentPage } from './EnrolmentPage.tsx';
import { EnrolmentsTab } from './EnrolmentsTab.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { PlansTab } from './PlansTab.tsx';
import { TasksTab } from './TasksTab.tsx';
import './followups.css';

const TABS = ['tasks', 'enrolments', 'plans'] as const;

/** /follow-ups today's tasks, /follow-ups/enrolments the patients, /follow-ups/plans the plans, and one enrolment or plan below them. */
export function FollowupsRoute({ rest }: { rest: string }) {
  const { t } = useI18n();
  const [section = '', id] = rest.split('/');
  if (section === 'enrolments' && id) return <EnrolmentPage id={id} />;
  if (section === 'plans' && id) return <PlanEditor id={id} />;
  const current = (TABS as readonly string[]).includes(section) ? (section as (typeof TABS)[number]) : 'tasks';
  return (
    <div className="page fu-page">
      <Tabs tabs={TABS.map((x) => ({ id: x, label: t(`fu.tab.${x}`) }))} current={current} onSelect={(x) => navigate(x === 'tasks' ? '/follow-ups' : `/follow-ups/${x}`)} />
      {current === 'tasks' ? <TasksTab /> : current === 'enrolments' ? <EnrolmentsTab /> : <PlansTab />}
    </div>
  );
}

import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { completeTask, listPlans, listTasks, type Task, type TaskFilter } from './api.ts';
import { key, TASK_FILTERS } from './labels.ts';
import { PlanFilter } from './PlanFilter.tsx';

/** Today's follow-up tasks, urgent first; filters; complete with a note. */
export function TasksTab() {
  const { t, formatDate } = useI18n();
  const { can } = useApp();
  const initial = new URLSearchParams(window.location.search).get('filter') as TaskFilter | null;
  const [filter, setFilter] = useState<TaskFilter>(initial && (TASK_FILTERS as readonly string[]).includes(initial) ? initial : 'today');
  const [planId, setPlanId] = useState('');
  const plans = useResource(listPlans, [], { fallback: [] }).data ?? [];
  const tasks = useResource(() => listTasks(filter, planId), [filter, planId], { fallback: [] });
  const [open, setOpen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const { busy, error, submit } = useSubmit('refused');

  return (
    <section className="card">
      <div className="fu-filters" role="group" aria-label={t('fu.tab.tasks')}>
        {TASK_FILTERS.map((f) => (
          <button key={f} type="button" className={`btn btn-small${f === filter ? ' btn-primary' : ''}`} aria-pressed={f === filter} onClick={() => setFilter(f)} data-testid={`fu-filter-${f}`}>
            {t(key('fu.filter', f))}
          </button>
        ))}
        <PlanFilter plans={plans} value={planId} onChange={setPlanId} />
      </div>
      <RecordTable<Task>
        items={tasks.data}
        emptyTitle={t('fu.noTasks')}
        emptyHint={t('fu.noTasksHint')}
        testId="fu-tasks"
        columns={[
          {
            header: t('fu.task'),
            render: (x) => (
              <>
                {x.priority === 'urgent' && <span className="badge badge-negative">{t('fu.urgent')}</span>} {t(key('fu.task', x.kind))}
                {x.optedOut && <span className="badge"> {t('fu.optedOut')}</span>}
              </>
            ),
          },
          { header: t('fu.patient'), render: (x) => <Link href={`/follow-ups/enrolments/${x.enrolmentId}`}>{x.patientName}</Link> },
          { header: t('fu.plan'), cellClassName: 'small', render: (x) => x.planName },
          { header: t('fu.detail'), cellClassName: 'cell-clip small', title: (x) => x.detail ?? undefined, render: (x) => x.detail ?? x.note ?? '' },
          {
            header: t('fu.due'),
            cellClassName: 'nowrap small',
            render: (x) => (
              <>
                {formatDate(x.dueAt)} {x.overdue && <span className="badge badge-risk">{t('fu.overdue')}</span>}
              </>
            ),
          },
          { header: t('fu.status'), cellClassName: 'small', render: (x) => t(key('fu.taskStatus', x.status)) },
        ]}
        actions={(x) =>
          x.status === 'open' && can('followups.work') ? (
            <button type="button" className="btn btn-small" onClick={() => (setOpen(open === x.id ? null : x.id), setNote(''))} data-testid="fu-complete">
              {t('fu.complete')}
            </button>
          ) : null
        }
        detail={(x) =>
          open === x.id ? (
            <form
              className="form-row"
              onSubmit={submit(async () => {
                await completeTask(x.id, note.trim());
                setOpen(null);
                await tasks.reload();
              })}
            >
              <label className="fu-grow">
                {t('fu.note')}
                <input name="note" value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)} />
              </label>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t('fu.saveDone')}
              </button>
              <button type="button" className="btn" onClick={() => setOpen(null)}>
                {t('fu.cancel')}
              </button>
              <FormError error={error} />
            </form>
          ) : null
        }
      />
    </section>
  );
}

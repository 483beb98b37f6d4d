import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { addDefaultPlans, copyPlan, listPlans, planQr, type Plan } from './api.ts';
import { key, percent, scheduleLabel } from './labels.ts';

/** The plans: condition and risk, schedule, what they collect, adherence, the enrolment link and its QR code; copy and edit. */
export function PlansTab() {
  const { t } = useI18n();
  const { can } = useApp();
  const plans = useResource(listPlans, [], { fallback: [] });
  const { busy, error, run } = useSubmit('refused');
  const manage = can('followups.manage');

  return (
    <section className="card">
      {manage && plans.data?.length === 0 && (
        <p>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run(async () => plans.setData(await addDefaultPlans()))} data-testid="fu-defaults">
            {t('fu.addDefaults')}
          </button>
        </p>
      )}
      <FormError error={error} />
      <RecordTable<Plan>
        items={plans.data}
        emptyTitle={t('fu.noPlans')}
        emptyHint={t('fu.noPlansHint')}
        testId="fu-plans"
        columns={[
          {
            header: t('fu.plan'),
            render: (p) => (
              <>
                <strong>{p.name}</strong>
                <div className="small">
                  {t(key('fu.condition', p.condition))} · {t(key('fu.risk', p.risk))} · {t('fu.version')} {p.version}
                  {p.status === 'archived' && ` · ${t('fu.archived')}`}
                </div>
              </>
            ),
          },
          { header: t('fu.schedule'), cellClassName: 'small', render: (p) => scheduleLabel(t, p.definition.schedule) },
          {
            header: t('fu.collects'),
            cellClassName: 'small',
            render: (p) => [...p.definition.readings.map((r) => t(key('fu.metric', r.metric))), ...(p.definition.photo ? [t('fu.photo')] : [])].join(', ') || '—',
          },
          { header: t('fu.performer'), cellClassName: 'small', render: (p) => t(key('fu.performer', p.definition.performer)) },
          { header: t('fu.active'), className: 'num', render: (p) => p.activeEnrolments },
          { header: t('fu.adherence'), className: 'num', title: (p) => t('fu.adherenceOf', { onTime: p.onTime, due: p.due }), render: (p) => percent(p.adherence) },
          {
            header: t('fu.enrolLink'),
            render: (p) => (
              <div className="fu-link">
                <a href={p.enrolUrl} target="_blank" rel="noreferrer" className="cell-clip small" data-testid="fu-enrol-url">
                  {p.enrolUrl}
                </a>
                <CopyButton text={p.enrolUrl} />
                <a className="btn btn-small" href={planQr(p.id)} target="_blank" rel="noreferrer">
                  {t('fu.qr')}
                </a>
              </div>
            ),
          },
        ]}
        actions={(p) =>
          manage ? (
            <>
              <Link className="btn btn-small" href={`/follow-ups/plans/${p.id}`}>
                {t('fu.edit')}
              </Link>
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run(async () => navigate(`/follow-ups/plans/${(await copyPlan(p.id)).id}`))}>
                {t('fu.copyPlan')}
              </button>
            </>
          ) : null
        }
      />
    </section>
  );
}

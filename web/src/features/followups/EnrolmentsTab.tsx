import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { enrol, listEnrolments, listPlans, type Enrolment } from './api.ts';
import { key, percent } from './labels.ts';
import { PlanFilter } from './PlanFilter.tsx';

/** Enrolled patients with adherence per plan; a staff member enrols a patient. */
export function EnrolmentsTab() {
  const { t, formatDate } = useI18n();
  const { can } = useApp();
  const plans = useResource(listPlans, [], { fallback: [] }).data ?? [];
  const [planFilter, setPlanFilter] = useState('');
  const enrolments = useResource(() => listEnrolments(planFilter), [planFilter], { fallback: [] });
  const [form, setForm] = useState({ planId: '', name: '', phone: '', email: '', externalId: '', discharge: '' });
  const [portal, setPortal] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit('refused');
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const active = plans.filter((p) => p.status === 'active');

  return (
    <>
      {can('followups.work') && (
        <section className="card">
          <h2>{t('fu.enrol')}</h2>
          <form
            className="fu-grid"
            onSubmit={submit(async () => {
              const res = await enrol({
                planId: form.planId || active[0]!.id,
                patient: {
                  name: form.name.trim(),
                  ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
                  ...(form.email.trim() ? { email: form.email.trim() } : {}),
                  ...(form.externalId.trim() ? { externalId: form.externalId.trim() } : {}),
                },
                ...(form.discharge ? { anchorAt: new Date(form.discharge).toISOString() } : {}),
              });
              setPortal(res.portalUrl);
              setForm({ ...form, name: '', phone: '', email: '', externalId: '', discharge: '' });
              await enrolments.reload();
            })}
          >
            <Field label={t('fu.plan')}>
              <select value={form.planId} onChange={set('planId')} required>
                {active.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('fu.name')}>
              <input value={form.name} onChange={set('name')} required maxLength={200} />
            </Field>
            <Field label={t('fu.phone')} optional>
              <input type="tel" value={form.phone} onChange={set('phone')} maxLength={40} />
            </Field>
            <Field label={t('fu.email')} optional>
              <input type="email" value={form.email} onChange={set('email')} maxLength={200} />
            </Field>
            <Field label={t('fu.mrn')} optional>
              <input value={form.externalId} onChange={set('externalId')} maxLength={100} />
            </Field>
            <Field label={t('fu.discharge')} optional>
              <input type="date" value={form.discharge} onChange={set('discharge')} />
            </Field>
            <button type="submit" className="btn btn-primary field-button" disabled={busy || !active.length}>
              {t('fu.enrol')}
            </button>
          </form>
          <FormError error={error} />
          {portal && (
            <p role="status" className="fu-link">
              <span className="cell-clip">{t('fu.enrolled', { url: portal })}</span> <CopyButton text={portal} />
            </p>
          )}
        </section>
      )}
      <section className="card">
        <div className="fu-filters">
          <PlanFilter plans={plans} value={planFilter} onChange={setPlanFilter} />
        </div>
        <RecordTable<Enrolment>
          items={enrolments.data}
          emptyTitle={t('fu.noEnrolments')}
          emptyHint={t('fu.noEnrolmentsHint')}
          testId="fu-enrolments"
          columns={[
            { header: t('fu.patient'), render: (e) => <Link href={`/follow-ups/enrolments/${e.id}`}>{e.patientName}</Link> },
            { header: t('fu.plan'), cellClassName: 'small', render: (e) => e.planName },
            {
              header: t('fu.status'),
              cellClassName: 'small',
              render: (e) => (
                <>
                  {t(key('fu.enrolStatus', e.status))} {e.urgentOpen > 0 && <span className="badge badge-negative">{t('fu.urgent')}</span>}
                </>
              ),
            },
            { header: t('fu.adherence'), className: 'num', title: (e) => t('fu.adherenceOf', { onTime: e.onTime, due: e.due }), render: (e) => percent(e.adherence) },
            { header: t('fu.next'), cellClassName: 'nowrap small', render: (e) => formatDate(e.nextDueAt, false) },
          ]}
        />
      </section>
    </>
  );
}

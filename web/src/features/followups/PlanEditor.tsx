import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Check, Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getPlan, updatePlan, type Plan } from './api.ts';
import { CONDITIONS, key, METRICS, PERFORMERS, RISKS } from './labels.ts';

type Definition = Plan['definition'];

/** Edits a plan; saving makes a new version, which only new enrolments follow. */
export function PlanEditor({ id }: { id: string }) {
  const { t } = useI18n();
  const plan = useResource(() => getPlan(id), [id]);
  const [name, setName] = useState('');
  const [condition, setCondition] = useState<Plan['condition']>('custom');
  const [risk, setRisk] = useState<Plan['risk']>('medium');
  const [status, setStatus] = useState<Plan['status']>('active');
  const [def, setDef] = useState<Definition | null>(null);
  const [daysText, setDaysText] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const { busy, error, submit } = useSubmit('invalid');

  useEffect(() => {
    const p = plan.data;
    if (!p) return;
    setName(p.name);
    setCondition(p.condition);
    setRisk(p.risk);
    setStatus(p.status);
    setDef(p.definition);
    setDaysText(p.definition.schedule.kind === 'days_after' ? p.definition.schedule.days.join(', ') : '1, 7, 30');
  }, [plan.data]);

  if (!plan.data || !def) return <Spinner />;
  const s = def.schedule;
  const setMetric = (metric: (typeof METRICS)[number], on: boolean) => setDef({ ...def, readings: on ? [...def.readings, { metric }] : def.readings.filter((r) => r.metric !== metric) });

  const save = async () => {
    const schedule =
      s.kind === 'interval'
        ? s
        : {
            kind: 'days_after' as const,
            days: daysText
              .split(/[,\s]+/)
              .filter(Boolean)
              .map(Number),
          };
    const next = await updatePlan(id, { name: name.trim(), condition, risk, status, definition: { ...def, schedule } });
    plan.setData(next);
    setSaved(next.version);
  };

  return (
    <div className="page fu-page">
      <p>
        <Link href="/follow-ups/plans">← {t('fu.back')}</Link>
      </p>
      <section className="card">
        <h1>{t('fu.editPlan')}</h1>
        <p className="small">{t('fu.newVersionHint')}</p>
        <form onSubmit={submit(save)} className="fu-form">
          <Field label={t('fu.name')}>
            <input name="name" value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />
          </Field>
          <div className="form-row">
            <Field label={t('fu.condition')}>
              <select value={condition} onChange={(e) => setCondition(e.target.value as Plan['condition'])}>
                {CONDITIONS.map((c) => (
                  <option key={c} value={c}>
                    {t(key('fu.condition', c))}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('fu.risk')}>
              <select value={risk} onChange={(e) => setRisk(e.target.value as Plan['risk'])}>
                {RISKS.map((r) => (
                  <option key={r} value={r}>
                    {t(key('fu.risk', r))}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('fu.planStatus')}>
              <select value={status} onChange={(e) => setStatus(e.target.value as Plan['status'])}>
                <option value="active">{t('fu.enrolStatus.active')}</option>
                <option value="archived">{t('fu.archived')}</option>
              </select>
            </Field>
          </div>
          <div className="form-row">
            <Field label={t('fu.scheduleKind')}>
              <select
                value={s.kind}
                onChange={(e) => setDef({ ...def, schedule: e.target.value === 'interval' ? { kind: 'interval', everyDays: 30, count: 6 } : { kind: 'days_after', days: [1, 7, 30] } })}
              >
                <option value="interval">{t('fu.kind.interval')}</option>
                <option value="days_after">{t('fu.kind.days_after')}</option>
              </select>
            </Field>
            {s.kind === 'interval' ? (
              <>
                <Field label={t('fu.everyDays')}>
                  <input type="number" min={1} max={365} value={s.everyDays} onChange={(e) => setDef({ ...def, schedule: { ...s, everyDays: Number(e.target.value) } })} />
                </Field>
                <Field label={t('fu.count')}>
                  <input type="number" min={1} max={60} value={s.count} onChange={(e) => setDef({ ...def, schedule: { ...s, count: Number(e.target.value) } })} />
                </Field>
              </>
            ) : (
              <Field label={t('fu.days')}>
                <input value={daysText} onChange={(e) => setDaysText(e.target.value)} />
              </Field>
            )}
          </div>
          <fieldset className="fu-metrics">
            <legend>{t('fu.readings')}</legend>
            {METRICS.map((metric) => (
              <Check key={metric} label={t(key('fu.metric', metric))} checked={def.readings.some((r) => r.metric === metric)} onChange={(on) => setMetric(metric, on)} />
            ))}
            <Check label={t('fu.collectPhoto')} checked={def.photo} onChange={(on) => setDef({ ...def, photo: on })} />
          </fieldset>
          <div className="form-row">
            <Field label={t('fu.performer')}>
              <select value={def.performer} onChange={(e) => setDef({ ...def, performer: e.target.value as Definition['performer'] })}>
                {PERFORMERS.map((p) => (
                  <option key={p} value={p}>
                    {t(key('fu.performer', p))}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('fu.taskKind')}>
              <select value={def.taskKind} onChange={(e) => setDef({ ...def, taskKind: e.target.value as Definition['taskKind'] })}>
                <option value="call">{t('fu.task.call')}</option>
                <option value="review">{t('fu.task.review')}</option>
              </select>
            </Field>
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="fu-save-plan">
            {t('fu.save')}
          </button>
          {saved !== null && <p role="status">{t('fu.saved', { n: saved })}</p>}
          <FormError error={error} />
        </form>
      </section>
    </div>
  );
}

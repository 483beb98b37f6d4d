import { useI18n } from '../../i18n/index.tsx';

/** "All plans" or one plan: the filter of the task and enrolment lists. */
export function PlanFilter({ plans, value, onChange }: { plans: readonly { id: string; name: string }[]; value: string; onChange(planId: string): void }) {
  const { t } = useI18n();
  return (
    <select aria-label={t('fu.plan')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('fu.allPlans')}</option>
      {plans.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}

import type { MessageKey } from '../../i18n/index.tsx';

// The closed lists of follow-up, as the server's vocabulary has them (src/followups/followups.vocab.ts).
export const CONDITIONS = ['diabetes', 'hypertension', 'cancer', 'post_surgery', 'pregnancy', 'custom'] as const;
export const RISKS = ['low', 'medium', 'high'] as const;
export const PERFORMERS = ['nurse', 'doctor', 'service'] as const;
export const METRICS = ['glucose_fasting', 'bp_systolic', 'bp_diastolic', 'heart_rate', 'weight', 'temperature', 'pain'] as const;
export const TASK_FILTERS = ['today', 'overdue', 'urgent', 'mine', 'open', 'done'] as const;

/** A message key built from a list value (the catalogue declares one for each). */
export const key = (prefix: string, value: string) => `${prefix}.${value}` as MessageKey;

type Schedule = { kind: 'interval'; everyDays: number; count: number } | { kind: 'days_after'; days: number[] };
export function scheduleLabel(t: (k: MessageKey, v?: Record<string, string | number>) => string, s: Schedule): string {
  return s.kind === 'interval' ? t('fu.scheduleInterval', { days: s.everyDays, count: s.count }) : t('fu.scheduleDays', { days: s.days.join(', ') });
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

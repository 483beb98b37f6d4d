import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { CaseStatus, CaseTier } from '../../lib/vocab.ts';
import { liveSlaState, slaTarget, splitDuration } from './sla.ts';
import type { Case } from './types.ts';

/** The current time, refreshed every `intervalMs` so countdowns move without reloading. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function TierBadge({ tier }: { tier: CaseTier }) {
  const { t } = useI18n();
  return <span className={`badge badge-tier badge-tier-${tier}`}>{t(`tier.${tier}`)}</span>;
}

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-case-${status}`}>{t(`caseStatus.${status}`)}</span>;
}

export function caseLabel(c: Pick<Case, 'number'>): string {
  return `#${c.number}`;
}

/** "3 h 20 min left" / "overdue 1 h 5 min", coloured green, amber or red. */
export function SlaCountdown({ value, now }: { value: Case; now: number }) {
  const { t, formatDate } = useI18n();
  const target = slaTarget(value);
  if (!target) return null;
  const remaining = new Date(target.dueAt).getTime() - now;
  if (Number.isNaN(remaining)) return null;
  const state = liveSlaState(value.slaState, remaining, new Date(target.dueAt).getTime() - new Date(value.openedAt).getTime());
  const d = splitDuration(remaining);
  const amount = d.days > 0 ? t('sla.daysHours', { d: d.days, h: d.hours }) : d.hours > 0 ? t('sla.hoursMinutes', { h: d.hours, m: d.minutes }) : t('sla.minutes', { m: d.minutes });
  const label = target.kind === 'firstResponse' ? t('sla.firstResponse') : t('sla.resolution');
  return (
    <span className={`sla sla-${state}`} data-testid="sla" data-state={state} title={`${label}: ${formatDate(target.dueAt)}`}>
      <span aria-hidden="true">◷</span> {d.overdue ? t('sla.overdue', { amount }) : t('sla.left', { amount })}
    </span>
  );
}

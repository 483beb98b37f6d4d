import { useI18n } from '../../i18n/index.tsx';
import { referralReasonWords, type HoldReason } from '../../lib/vocab.ts';
import type { Reward } from './api.ts';

/** The reasons a reward or referral is held, withheld or capped, as the server words them. */
export function Reasons({ reasons }: { reasons: readonly HoldReason[] }) {
  const { locale } = useI18n();
  if (!reasons.length) return null;
  return (
    <ul className="ref-reasons" data-testid="hold-reasons">
      {reasons.map((r) => (
        <li key={r}>{referralReasonWords[locale][`reason.${r}`]}</li>
      ))}
    </ul>
  );
}

const TONE: Record<string, string> = {
  earned: 'badge-positive',
  issued: 'badge-positive',
  redeemed: '',
  held: 'badge-held',
  expired: '',
  reversed: 'badge-negative',
  visited: 'badge-positive',
  booked: '',
  cancelled: 'badge-negative',
};

export function StatusBadge({ label, status }: { label: string; status: string }) {
  return <span className={`badge ${TONE[status] ?? ''}`}>{label}</span>;
}

/** A reward as staff read it: its label, else its kind and amount with the unit. */
export function useRewardText() {
  const { t, formatNumber } = useI18n();
  return (r: Pick<Reward, 'kind' | 'amount' | 'unit' | 'label'>) =>
    r.label || `${t(`ref.kind.${r.kind}`)} · ${formatNumber(r.amount)}${r.unit ? ` ${r.unit}` : r.kind === 'discount_percent' ? ' %' : ''}`;
}

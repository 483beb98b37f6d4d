import { useI18n } from '../../i18n/index.tsx';
import { holdReasons, referralReasonWords, rewardActionsFrom, rewardStatuses, type HoldReason } from '../../lib/vocab.ts';
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

const ACTIONS = new Set(rewardStatuses.flatMap(rewardActionsFrom).concat('expire'));

/** A ledger memo in the reader's language: the server writes `earned`, `held: reasons`, `withheld: reasons`, `<action>[: note]` or `referral cancelled`. */
export function useMemoText() {
  const { t, locale } = useI18n();
  return (memo: string) => {
    const [head, ...rest] = memo.split(': ');
    const tail = rest.join(': ');
    if (memo === 'referral cancelled') return t('ref.memo.cancelled');
    if (head === 'earned') return t('ref.memo.earned');
    if (head === 'held' || head === 'withheld') {
      const reasons = tail.split(', ').map((r) => ((holdReasons as readonly string[]).includes(r) ? referralReasonWords[locale][`reason.${r as HoldReason}`] : r));
      return `${t(head === 'held' ? 'ref.memo.held' : 'ref.memo.withheld')}: ${reasons.join('; ')}`;
    }
    if (head && ACTIONS.has(head as never)) return tail ? `${t(`ref.action.${head as 'issue'}`)}: ${tail}` : t(`ref.action.${head as 'issue'}`);
    return memo;
  };
}

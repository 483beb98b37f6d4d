import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { kocSignals, kocWeights, type AdvocateInviteStatus, type KocSignal } from '../../lib/vocab.ts';
import type { Advocate } from './api.ts';

/** The colour of each part of the score (the bars and their legend). */
export const SIGNAL_COLOURS: Record<KocSignal, string> = {
  referrals_converted: '#0d7279',
  shares: '#5b4bb7',
  share_reach: '#8c7ae6',
  positive_mentions: '#187040',
  mention_engagement: '#6fb28a',
  promoter: '#e3a008',
};

export const signalKey = (s: KocSignal) => `adv.signal.${s}` as MessageKey;

/** The parts of a score as one bar of segments (each as wide as its points, out of the list's best score), each with its count and points in a tooltip. */
export function ScoreBars({ advocate, max }: { advocate: Pick<Advocate, 'parts' | 'counts'>; max: number }) {
  const { t } = useI18n();
  const parts = kocSignals.filter((s) => advocate.parts[s] > 0);
  const tip = (s: KocSignal) => t('adv.partTip', { signal: t(signalKey(s)), count: advocate.counts[s], points: advocate.parts[s] });
  return (
    <div className="adv-parts">
      <div className="adv-bar" role="img" aria-label={parts.map(tip).join('; ')}>
        {parts.map((s) => (
          <span key={s} className="adv-seg" title={tip(s)} style={{ width: `${(advocate.parts[s] / Math.max(max, 1)) * 100}%`, background: SIGNAL_COLOURS[s] }} />
        ))}
      </div>
      <ul className="adv-counts small">
        {parts.map((s) => (
          <li key={s} title={tip(s)}>
            <i style={{ background: SIGNAL_COLOURS[s] }} aria-hidden="true" />
            {t(signalKey(s))} {s === 'promoter' ? '' : advocate.counts[s]}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The formula in words, with the weights. */
export function Formula() {
  const { t } = useI18n();
  const weights = kocSignals
    .filter((s) => s !== 'promoter')
    .map((s) => `${t(signalKey(s))} ${kocWeights[s]}`)
    .join(', ');
  return <p className="muted small">{t('adv.formula', { weights, promoter: kocWeights.promoter })}</p>;
}

const STATUS_CLASS: Record<AdvocateInviteStatus, string> = {
  invited: 'badge',
  accepted: 'badge badge-positive',
  declined: 'badge badge-neutral',
  withdrawn: 'badge badge-neutral',
  expired: 'badge badge-neutral',
};

export function InviteStatus({ status }: { status: AdvocateInviteStatus | null }) {
  const { t } = useI18n();
  if (!status) return <span className="muted small">{t('adv.notInvited')}</span>;
  return <span className={STATUS_CLASS[status]}>{t(`adv.status.${status}` as MessageKey)}</span>;
}

export function PromoterBadge({ nps }: { nps: number | null }) {
  const { t } = useI18n();
  return (
    <span className="badge adv-promoter" title={t('adv.promoterHint', { nps: nps ?? '—' })}>
      ★ {t('adv.promoter')}
    </span>
  );
}

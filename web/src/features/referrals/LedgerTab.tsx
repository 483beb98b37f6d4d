import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { rewardActionsFrom, rewardStatuses, type RewardAction, type RewardStatus } from '../../lib/vocab.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Field } from '../../ui/Field.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { getLedger, listRewards, moveReward, type Ledger, type Reward } from './api.ts';
import { Reasons, StatusBadge, useMemoText, useRewardText } from './parts.tsx';

type Entry = Ledger['entries'][number];
type Balance = Ledger['balances'][number];

/** The rewards with their status actions, the balances per account, kind and unit, and the latest ledger entries. */
export function LedgerTab() {
  const { t, formatDate, formatNumber } = useI18n();
  const { can, notify, reportError } = useApp();
  const review = can('referrals.review');
  const rewardText = useRewardText();
  const [status, setStatus] = useState<RewardStatus | ''>('');
  const rewards = useResource(() => listRewards(status || undefined).then((r) => r.items), [status], { fallback: [] });
  const ledger = useResource(getLedger, []);
  const act = async (reward: Reward, action: RewardAction) => {
    try {
      await moveReward(reward.id, action);
      notify(t('common.saved'));
      await Promise.all([rewards.reload(), ledger.reload()]);
    } catch (error) {
      reportError(error);
    }
  };
  const memoText = useMemoText();
  const account = (a: string) => (a === 'funding' ? t('ref.account.funding') : t(`ref.rwstatus.${a as RewardStatus}`));
  return (
    <>
      <section className="card" data-testid="rewards">
        <h2>{t('ref.rewards')}</h2>
        <div className="ref-filters">
          <Field label={t('ref.status')}>
            <EnumSelect name="rewardStatus" values={rewardStatuses} labelOf={(s) => t(`ref.rwstatus.${s}`)} value={status} emptyLabel={t('ref.allRewardStatuses')} onChange={setStatus} />
          </Field>
        </div>
        <RecordTable<Reward>
          items={rewards.data}
          emptyTitle={t('ref.noRewards')}
          testId="rewards-table"
          columns={[
            { header: t('ref.patient'), cellClassName: 'strong', render: (r) => r.patient?.name ?? '—' },
            { header: t('ref.role'), render: (r) => t(`ref.role.${r.role}`) },
            { header: t('ref.reward'), render: (r) => rewardText(r) },
            { header: t('ref.status'), render: (r) => <StatusBadge status={r.status} label={t(`ref.rwstatus.${r.status}`)} /> },
            { header: t('ref.reasons'), render: (r) => <Reasons reasons={r.holdReasons} /> },
            { header: t('ref.expires'), cellClassName: 'nowrap small', render: (r) => (r.expiresAt ? formatDate(r.expiresAt, false) : '—') },
          ]}
          actions={
            review
              ? (r) => (
                  <div className="row-actions">
                    {rewardActionsFrom(r.status)
                      .filter((a) => a !== 'approve' && a !== 'refuse')
                      .map((a) => (
                        <ConfirmButton key={a} question={t('ref.actionQuestion', { action: t(`ref.action.${a}`) })} onConfirm={() => void act(r, a)}>
                          {t(`ref.action.${a}`)}
                        </ConfirmButton>
                      ))}
                  </div>
                )
              : undefined
          }
        />
      </section>
      <section className="card" data-testid="balances">
        <h2>{t('ref.balances')}</h2>
        <p className="muted small">{t('ref.balancesHint')}</p>
        <RecordTable<Balance>
          items={ledger.data?.balances ?? null}
          emptyTitle={t('ref.noEntries')}
          compact
          rowKey={(b) => `${b.kind}/${b.unit}/${b.account}`}
          columns={[
            { header: t('ref.kind'), render: (b) => `${t(`ref.kind.${b.kind}`)}${b.unit ? ` (${b.unit})` : ''}` },
            { header: t('ref.account'), render: (b) => account(b.account) },
            { header: t('ref.balance'), className: 'num', render: (b) => formatNumber(b.balance) },
          ]}
        />
      </section>
      <section className="card" data-testid="ledger-entries">
        <h2>{t('ref.entries')}</h2>
        <RecordTable<Entry>
          items={ledger.data?.entries ?? null}
          emptyTitle={t('ref.noEntries')}
          compact
          columns={[
            { header: t('ref.at'), cellClassName: 'nowrap small', render: (e) => formatDate(e.at) },
            { header: t('ref.txn'), cellClassName: 'ref-mono small', render: (e) => <code>{e.txnId.slice(0, 8)}</code> },
            { header: t('ref.account'), render: (e) => account(e.account) },
            { header: t('ref.kind'), render: (e) => (e.kind ? t(`ref.kind.${e.kind}`) : '—') },
            { header: t('ref.amount'), className: 'num', render: (e) => `${e.amount > 0 ? '+' : ''}${formatNumber(e.amount)}${e.unit ? ` ${e.unit}` : ''}` },
            { header: t('ref.memo'), cellClassName: 'cell-clip small', title: (e) => memoText(e.memo), render: (e) => memoText(e.memo) },
          ]}
        />
      </section>
    </>
  );
}

/** Held rewards with their reasons: approve to pay, or refuse with a note (both audited). */
export function ReviewTab() {
  const { t } = useI18n();
  const { can, notify, reportError } = useApp();
  const review = can('referrals.review');
  const rewardText = useRewardText();
  const held = useResource(() => listRewards('held').then((r) => r.items), [], { fallback: [] });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const act = async (reward: Reward, action: 'approve' | 'refuse') => {
    try {
      await moveReward(reward.id, action, notes[reward.id] || undefined);
      notify(t('common.saved'));
      await held.reload();
    } catch (error) {
      reportError(error);
    }
  };
  return (
    <section className="card" data-testid="review">
      <h2>{t('ref.review')}</h2>
      <p className="muted small">{t('ref.reviewHint')}</p>
      <RecordTable<Reward>
        items={held.data}
        emptyTitle={t('ref.noHeld')}
        testId="review-table"
        columns={[
          { header: t('ref.patient'), cellClassName: 'strong', render: (r) => r.patient?.name ?? '—' },
          { header: t('ref.role'), render: (r) => t(`ref.role.${r.role}`) },
          { header: t('ref.reward'), render: (r) => rewardText(r) },
          { header: t('ref.reasons'), render: (r) => <Reasons reasons={r.holdReasons} /> },
          ...(review
            ? [
                {
                  header: t('ref.reviewNote'),
                  render: (r: Reward) => (
                    <input aria-label={t('ref.reviewNote')} className="ref-note" value={notes[r.id] ?? ''} maxLength={1000} onChange={(e) => setNotes({ ...notes, [r.id]: e.target.value })} />
                  ),
                },
              ]
            : []),
        ]}
        actions={
          review
            ? (r) => (
                <div className="row-actions">
                  <button type="button" className="btn btn-small btn-primary" onClick={() => void act(r, 'approve')}>
                    {t('ref.action.approve')}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => void act(r, 'refuse')}>
                    {t('ref.action.refuse')}
                  </button>
                </div>
              )
            : undefined
        }
      />
    </section>
  );
}

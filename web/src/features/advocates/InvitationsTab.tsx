import { useState } from 'react';
import { Pager } from './Pager.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { advocateInviteStatuses, type AdvocateInviteStatus } from '../../lib/vocab.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { listInvitations, withdraw, type Invitation } from './api.ts';
import { InviteStatus } from './parts.tsx';

/** Every invitation with its status, channel, dates and the referral code made on joining; withdraw an open or accepted one. */
export function InvitationsTab() {
  const { t, formatDate } = useI18n();
  const { can } = useApp();
  const [status, setStatus] = useState<AdvocateInviteStatus | ''>('');
  const [page, setPage] = useState(1);
  const list = useResource(() => listInvitations(status, page), [status, page]);
  const { busy, run } = useSubmit();
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const who = (i: Invitation) => (i.kind === 'patient' ? (i.patientName ?? '—') : (i.authorKey ?? '').replace(':', ' · '));
  return (
    <section className="card">
      <div className="adv-controls">
        <label className="sc-filter">
          <span>{t('adv.inv.status')}</span>
          <EnumSelect
            values={advocateInviteStatuses}
            value={status}
            emptyLabel={t('adv.inv.all')}
            onChange={(s) => {
              setStatus(s);
              setPage(1);
            }}
            labelOf={(s) => t(`adv.status.${s}` as MessageKey)}
          />
        </label>
        {data && <span className="muted small">{t('adv.total', { n: data.total })}</span>}
      </div>
      <RecordTable
        items={data?.items ?? null}
        testId="adv-invitations"
        emptyTitle={t('adv.inv.empty')}
        emptyHint={t('adv.inv.emptyHint')}
        columns={[
          { header: t('adv.name'), render: (i) => who(i) },
          { header: t('adv.inv.status'), render: (i) => <InviteStatus status={i.status} /> },
          { header: t('adv.channel'), render: (i) => t(`adv.channel.${i.channel}` as MessageKey) },
          { header: t('adv.inv.invitedAt'), cellClassName: 'nowrap small', render: (i) => formatDate(String(i.invitedAt), false) },
          { header: t('adv.inv.expiresAt'), cellClassName: 'nowrap small', render: (i) => formatDate(String(i.expiresAt), false) },
          { header: t('adv.inv.respondedAt'), cellClassName: 'nowrap small', render: (i) => (i.respondedAt ? formatDate(String(i.respondedAt), false) : '—') },
          { header: t('adv.inv.code'), render: (i) => (i.referralCode ? <code>{i.referralCode}</code> : '—') },
          { header: t('adv.inv.by'), cellClassName: 'small', render: (i) => i.invitedBy ?? '—' },
        ]}
        actions={
          can('advocates.manage')
            ? (i) =>
                i.status === 'invited' || i.status === 'accepted' ? (
                  <ConfirmButton question={t('adv.withdrawQuestion')} disabled={busy} onConfirm={() => void run(async () => withdraw(i.id)).then(() => list.reload())}>
                    {t('adv.withdraw')}
                  </ConfirmButton>
                ) : null
            : undefined
        }
      />
      <Pager page={page} pages={pages} setPage={setPage} />
    </section>
  );
}

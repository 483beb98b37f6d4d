import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { usePagedList, useResource } from '../../lib/use-resource.ts';
import { invitationStatuses } from '../../lib/vocab.ts';
import { Field } from '../../ui/Field.tsx';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { listInvitations, listSmsOutbox } from './api.ts';

/** Every invitation: its status, why it was skipped (in words), the channel, the patient; contact only for roles that may see it. */
export function InvitationsTab() {
  const { t, formatDate, formatNumber } = useI18n();
  const [status, setStatus] = useState<(typeof invitationStatuses)[number] | ''>('');
  const [total, setTotal] = useState<number | null>(null);
  const { items, cursor, loadMore } = usePagedList(
    async (from) => {
      const page = await listInvitations(status, from);
      setTotal(page.total);
      return page;
    },
    [status],
  );
  return (
    <section className="card" data-testid="or-invitations">
      <h2>{t('or.tab.invitations')}</h2>
      <div className="or-filters">
        <Field label={t('or.status')}>
          <EnumSelect name="status" values={invitationStatuses} labelOf={(s) => t(`or.status.${s}`)} value={status} onChange={setStatus} emptyLabel={t('or.allStatuses')} />
        </Field>
        {total !== null && <p className="muted small">{t('or.total', { n: formatNumber(total) })}</p>}
      </div>
      <RecordTable
        items={items}
        testId="or-invitation-list"
        emptyTitle={t('or.noInvitations')}
        emptyHint={t('or.noInvitationsHint')}
        columns={[
          { header: t('or.patient'), render: (i) => i.patientName || '—' },
          { header: t('or.status'), cellClassName: 'nowrap', render: (i) => <span className={`or-status or-status-${i.status}`}>{t(`or.status.${i.status}`)}</span> },
          { header: t('or.why'), cellClassName: 'small', render: (i) => i.skipReasonText ?? (i.error ? `${i.error} (${t('or.attempts', { n: i.attempts })})` : i.responded ? t('or.responded') : '—') },
          { header: t('or.kind'), cellClassName: 'nowrap small', render: (i) => `${t(`or.invKind.${i.kind}`)}${i.visitKind ? ` · ${t(`or.visitKind.${i.visitKind}`)}` : ''}` },
          { header: t('or.channel'), cellClassName: 'nowrap small', render: (i) => t(`or.channel.${i.channel}`) },
          { header: t('or.to'), cellClassName: 'nowrap small', render: (i) => (i.contactHidden ? <span className="muted">{t('or.hidden')}</span> : (i.to ?? '—')) },
          { header: t('or.when'), cellClassName: 'nowrap small', render: (i) => formatDate(i.sentAt ?? i.scheduledFor) },
        ]}
      />
      <LoadMore cursor={cursor} onMore={loadMore} />
    </section>
  );
}

/** What the development SMS provider kept instead of sending. */
export function SmsOutboxTab() {
  const { t, formatDate } = useI18n();
  const outbox = useResource(listSmsOutbox, []);
  return (
    <section className="card" data-testid="or-sms-outbox">
      <h2>{t('or.tab.smsOutbox')}</h2>
      <RecordTable
        items={outbox.data}
        emptyTitle={t('or.smsEmpty')}
        columns={[
          { header: t('or.when'), cellClassName: 'nowrap small', render: (m) => formatDate(m.createdAt) },
          { header: t('or.to'), cellClassName: 'nowrap small', render: (m) => m.to },
          { header: t('or.text'), cellClassName: 'or-sms-text', render: (m) => m.text },
        ]}
      />
    </section>
  );
}

import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getOutboxMail, listOutbox } from './api.ts';

/**
 * The local outbox: e-mail Verity kept because no SMTP server is configured (the demo, a fresh
 * install), newest first, a page at a time; one opens to its text. Admins only: mail may quote patients.
 */
export function Outbox() {
  const { t, formatDate, formatNumber } = useI18n();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const outbox = useResource(() => listOutbox(page), [page]);
  const data = outbox.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <section className="card">
      <p className="muted">{data?.smtpConfigured ? t('outbox.introSmtp') : t('outbox.intro')}</p>
      <RecordTable
        items={data?.items ?? null}
        emptyTitle={t('outbox.empty')}
        testId="outbox"
        columns={[
          { header: t('outbox.time'), cellClassName: 'nowrap', render: (m) => formatDate(m.createdAt) },
          { header: t('outbox.to'), cellClassName: 'cell-clip', render: (m) => m.recipients.join(', ') },
          { header: t('outbox.subject'), render: (m) => m.subject },
        ]}
        actions={(m) => (
          <button type="button" className="btn btn-small" aria-expanded={open === m.id} onClick={() => setOpen((x) => (x === m.id ? null : m.id))}>
            {open === m.id ? t('outbox.close') : t('outbox.open')}
          </button>
        )}
        detail={(m) => open === m.id && <OutboxBody id={m.id} />}
      />
      {data && data.total > data.pageSize && (
        <nav className="outbox-pages" aria-label={t('outbox.pages')}>
          <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            {t('outbox.previous')}
          </button>
          <span className="muted small">{t('outbox.pageOf', { page: formatNumber(page), pages: formatNumber(pages), total: formatNumber(data.total) })}</span>
          <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            {t('outbox.next')}
          </button>
        </nav>
      )}
    </section>
  );
}

/** One mail's text as it would have been sent (plain text: patient words are never rendered as HTML). */
function OutboxBody({ id }: { id: string }) {
  const { data } = useResource(() => getOutboxMail(id).then((res) => res.mail), [id]);
  if (!data) return <Spinner />;
  return (
    <pre className="outbox-body" data-testid="outbox-body">
      {data.text}
    </pre>
  );
}

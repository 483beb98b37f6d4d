import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { dismissDeliveries, listDeadDeliveries, retryDeliveries, retryDelivery } from './api.ts';
import type { Delivery } from './types.ts';

/** Notifications that failed every attempt: retry them once the channel is fixed, or dismiss them; one at a time or the ticked ones together. */
export function DeadLetters() {
  const { t, formatDate } = useI18n();
  const { reportError, notify } = useApp();
  const deliveries = useResource(() => listDeadDeliveries().then((res) => res.items), [], { fallback: [] });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const items = deliveries.data ?? [];
  const ticked = items.filter((d) => selected.has(d.id)).map((d) => d.id);
  const allTicked = items.length > 0 && ticked.length === items.length;

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      notify(await action());
      setSelected(new Set());
      await deliveries.reload();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };
  const retryOne = (d: Delivery) => act(() => retryDelivery(d.id).then(() => t('dead.retried')));
  const retryTicked = () => act(() => retryDeliveries(ticked).then((res) => t('dead.retriedMany', { n: res.retried.length })));
  const dismissTicked = () => act(() => dismissDeliveries(ticked).then((res) => t('dead.dismissedMany', { n: res.dismissed.length })));

  return (
    <section className="card">
      <p className="muted">{t('dead.intro')}</p>
      {items.length > 0 && (
        <div className="bulk-bar" role="group" aria-label={t('dead.bulk')}>
          <span className="muted small">{t('dead.selected', { n: ticked.length })}</span>
          <button type="button" className="btn btn-small btn-primary" disabled={busy || !ticked.length} onClick={() => void retryTicked()}>
            {t('dead.retrySelected')}
          </button>
          <button type="button" className="btn btn-small" disabled={busy || !ticked.length} onClick={() => void dismissTicked()}>
            {t('dead.dismissSelected')}
          </button>
        </div>
      )}
      <RecordTable
        items={deliveries.data}
        emptyTitle={t('dead.empty')}
        testId="dead-letters"
        columns={[
          {
            header: <input type="checkbox" aria-label={t('dead.selectAll')} checked={allTicked} onChange={() => setSelected(allTicked ? new Set() : new Set(items.map((d) => d.id)))} />,
            render: (d) => <input type="checkbox" aria-label={t('dead.select', { title: d.title })} checked={selected.has(d.id)} onChange={() => toggle(d.id)} />,
          },
          { header: t('dead.created'), cellClassName: 'nowrap', render: (d) => formatDate(d.createdAt) },
          { header: t('alerts.alert'), render: (d) => d.title },
          {
            header: t('dead.channel'),
            render: (d) => (
              <>
                {d.channelName ?? t('common.none')}
                <span className="muted small"> · {t(`channelKind.${d.channelKind}`)}</span>
              </>
            ),
          },
          { header: t('dead.attempts'), className: 'num', render: (d) => d.attempts },
          { header: t('dead.error'), cellClassName: 'cell-clip small', render: (d) => d.lastError ?? t('common.none') },
        ]}
        actions={(d) => (
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void retryOne(d)}>
            {t('dead.retry')}
          </button>
        )}
      />
    </section>
  );
}

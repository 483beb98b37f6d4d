import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { listDeadDeliveries, retryDelivery } from './api.ts';
import type { Delivery } from './types.ts';

/** Notifications that failed every attempt, to retry once the channel is fixed. */
export function DeadLetters() {
  const { t, formatDate } = useI18n();
  const { reportError, notify } = useApp();
  const deliveries = useResource(() => listDeadDeliveries().then((res) => res.items), [], { fallback: [] });

  const retry = async (d: Delivery) => {
    try {
      await retryDelivery(d.id);
      notify(t('dead.retried'));
      await deliveries.reload();
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <section className="card">
      <p className="muted">{t('dead.intro')}</p>
      <RecordTable
        items={deliveries.data}
        emptyTitle={t('dead.empty')}
        testId="dead-letters"
        columns={[
          { header: t('dead.created'), cellClassName: 'nowrap', render: (d) => formatDate(d.createdAt) },
          { header: t('alerts.alert'), render: (d) => d.title },
          {
            header: t('dead.channel'),
            render: (d) => (
              <>
                {d.channelName ?? t('common.none')}
                {d.channelKind && <span className="muted small"> · {d.channelKind}</span>}
              </>
            ),
          },
          { header: t('dead.attempts'), className: 'num', render: (d) => d.attempts },
          { header: t('dead.error'), cellClassName: 'cell-clip small', render: (d) => d.lastError ?? t('common.none') },
        ]}
        actions={(d) => (
          <button type="button" className="btn btn-small" onClick={() => void retry(d)}>
            {t('dead.retry')}
          </button>
        )}
      />
    </section>
  );
}

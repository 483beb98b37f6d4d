import { useI18n } from '../../i18n/index.tsx';
import { api } from '../../lib/api.ts';
import type { ApiResponse } from '../../lib/api-types.ts';
import { usePagedList } from '../../lib/use-resource.ts';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { Spinner } from '../../ui/states.tsx';

export type AuditEntry = ApiResponse<'/api/audit'>['items'][number];

const listAudit = (cursor: string | null) => api<ApiResponse<'/api/audit'>>('/api/audit', { query: { cursor } });

function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details === 'string') return details;
  return JSON.stringify(details);
}

/** Who did what, when and from where; newest first, a page at a time. */
export function AuditPage() {
  const { t, tx, formatDate } = useI18n();
  const { items, cursor, loading, loadMore } = usePagedList(listAudit, []);

  return (
    <div className="page">
      <section className="card">
        <h2>{t('audit.title')}</h2>
        <RecordTable
          items={items}
          emptyTitle={t('audit.empty')}
          columns={[
            { header: t('audit.when'), cellClassName: 'nowrap', render: (e) => formatDate(e.at) },
            { header: t('audit.who'), render: (e) => e.userEmail ?? t('common.none') },
            { header: t('audit.action'), render: (e) => e.actionLabel },
            {
              header: t('audit.target'),
              cellClassName: 'small',
              render: (e) =>
                e.targetType ? (
                  <>
                    {tx('audit.targetType', e.targetType)}
                    {e.targetId && <code className="muted"> · {e.targetId}</code>}
                  </>
                ) : (
                  t('common.none')
                ),
            },
            { header: t('audit.ip'), cellClassName: 'nowrap small', render: (e) => e.ip ?? t('common.none') },
            { header: t('audit.details'), cellClassName: 'cell-clip small muted', title: (e) => detailsText(e.details), render: (e) => <code>{detailsText(e.details)}</code> },
          ]}
        />
        {loading && items !== null && <Spinner />}
        {!loading && <LoadMore cursor={cursor} onMore={loadMore} />}
      </section>
    </div>
  );
}

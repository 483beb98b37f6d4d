import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/index.tsx';
import { EmptyState, Spinner } from '../components/ui.tsx';
import type { AuditEntry, Page } from '../types.ts';

function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details === 'string') return details;
  return JSON.stringify(details);
}

export function AuditPage() {
  const { t, formatDate } = useI18n();
  const { reportError } = useApp();
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      try {
        const page = await api<Page<AuditEntry>>('/api/audit', { query: { cursor: after } });
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (error) {
        reportError(error);
      } finally {
        setLoading(false);
      }
    },
    [reportError],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <div className="page">
      <section className="card">
        <h2>{t('audit.title')}</h2>
        {items.length === 0 && !loading ? (
          <EmptyState title={t('audit.empty')} />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('audit.when')}</th>
                  <th>{t('audit.who')}</th>
                  <th>{t('audit.action')}</th>
                  <th>{t('audit.target')}</th>
                  <th>{t('audit.ip')}</th>
                  <th>{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">{formatDate(e.at)}</td>
                    <td>{e.userEmail ?? t('common.none')}</td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td className="small">
                      {e.targetType ? (
                        <>
                          {e.targetType}
                          {e.targetId && <span className="muted"> · {e.targetId}</span>}
                        </>
                      ) : (
                        t('common.none')
                      )}
                    </td>
                    <td className="nowrap small">{e.ip ?? t('common.none')}</td>
                    <td className="cell-clip small muted" title={detailsText(e.details)}>
                      {detailsText(e.details)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {loading && <Spinner />}
        {!loading && cursor && (
          <div className="load-more">
            <button type="button" className="btn" onClick={() => void load(cursor)}>
              {t('common.loadMore')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}

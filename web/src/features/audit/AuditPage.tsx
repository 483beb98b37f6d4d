import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { api } from '../../lib/api.ts';
import type { ApiResponse } from '../../lib/api-types.ts';
import { usePagedList, useResource } from '../../lib/use-resource.ts';
import { DateField } from '../../ui/DateField.tsx';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { Select } from '../../ui/Select.tsx';
import { Spinner } from '../../ui/states.tsx';
import './audit.css';

export type AuditEntry = ApiResponse<'/api/audit'>['items'][number];

interface Filters {
  action: string;
  actor: string;
  from: string;
  to: string;
}
const noFilters: Filters = { action: '', actor: '', from: '', to: '' };

const listAudit = (filters: Filters, cursor: string | null) =>
  api<ApiResponse<'/api/audit'>>('/api/audit', {
    query: { cursor, action: filters.action || undefined, actor: filters.actor.trim() || undefined, from: filters.from || undefined, to: filters.to || undefined },
  });
const listActions = () => api<ApiResponse<'/api/audit/actions'>>('/api/audit/actions').then((res) => res.items);

/** An entry's details as the server worded them in the reader's language: "Status: new → handling", one line a field. */
function DetailLines({ lines }: { lines: AuditEntry['detailLines'] }) {
  if (!lines.length) return null;
  return (
    <dl className="audit-details">
      {lines.map((line, i) => (
        <div key={i}>
          <dt>{line.field}</dt>
          <dd>
            {line.before !== undefined || line.after !== undefined ? (
              <>
                {line.before !== undefined && <del className="audit-before">{line.before}</del>}
                {line.before !== undefined && line.after !== undefined && <span aria-hidden="true"> → </span>}
                {line.after !== undefined && <ins className="audit-after">{line.after}</ins>}
              </>
            ) : (
              line.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Who did what, when and from where; newest first, a page at a time, narrowed by action, actor and days. */
export function AuditPage() {
  const { t, tx, formatDate } = useI18n();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [actorText, setActorText] = useState('');
  const actions = useResource(listActions, [], { fallback: [], quiet: true });
  const { items, cursor, loading, loadMore } = usePagedList((from) => listAudit(filters, from), [filters]);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = filters.action || filters.actor || filters.from || filters.to;

  return (
    <div className="page">
      <section className="card">
        <h2>{t('audit.title')}</h2>
        <form
          className="audit-filters"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            set({ actor: actorText });
          }}
        >
          <label className="audit-filter">
            <span>{t('audit.action')}</span>
            <Select
              name="action"
              value={filters.action}
              onChange={(action) => set({ action })}
              emptyLabel={t('common.all')}
              options={(actions.data ?? []).map((a) => ({ value: a.id, label: a.label }))}
            />
          </label>
          <label className="audit-filter">
            <span>{t('audit.who')}</span>
            <input type="search" name="actor" value={actorText} onChange={(e) => setActorText(e.target.value)} onBlur={() => set({ actor: actorText })} placeholder={t('audit.actorHint')} />
          </label>
          <label className="audit-filter">
            <span>{t('audit.from')}</span>
            <DateField name="from" value={filters.from} onChange={(from) => set({ from })} />
          </label>
          <label className="audit-filter">
            <span>{t('audit.to')}</span>
            <DateField name="to" value={filters.to} onChange={(to) => set({ to })} />
          </label>
          {filtered && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setActorText('');
                setFilters(noFilters);
              }}
            >
              {t('audit.clear')}
            </button>
          )}
        </form>
        <RecordTable
          items={items}
          emptyTitle={filtered ? t('audit.emptyFiltered') : t('audit.empty')}
          testId="audit"
          columns={[
            { header: t('audit.when'), cellClassName: 'nowrap', render: (e) => formatDate(e.at) },
            { header: t('audit.who'), cellClassName: 'cell-clip', render: (e) => e.userEmail ?? t('common.none') },
            { header: t('audit.action'), render: (e) => e.actionLabel },
            { header: t('audit.target'), cellClassName: 'small', render: (e) => (e.targetType ? tx('audit.targetType', e.targetType) : t('common.none')) },
            { header: t('audit.details'), cellClassName: 'small', render: (e) => <DetailLines lines={e.detailLines} /> },
            { header: t('audit.ip'), cellClassName: 'nowrap small muted', render: (e) => e.ip ?? t('common.none') },
          ]}
        />
        {loading && items !== null && <Spinner />}
        {!loading && <LoadMore cursor={cursor} onMore={loadMore} />}
      </section>
    </div>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { usePagedList, useResource } from '../../lib/use-resource.ts';
import { closeDetailScreen, openDetailScreen } from '../../ui/detail-screen.ts';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { EmptyState, Spinner } from '../../ui/states.tsx';
import { listSources } from '../ingest/index.ts';
import { listMentions } from './api.ts';
import { readUrlState, writeUrlState, type Filters } from './inbox-url.ts';
import { InboxFilters } from './InboxFilters.tsx';
import { ManualEntryDialog } from './ManualEntryDialog.tsx';
import { MentionCard } from './MentionCard.tsx';
import { MentionDetail } from './MentionDetail.tsx';
import type { Mention } from './types.ts';

const pageSize = 30;

export function InboxPage() {
  const { t, formatNumber } = useI18n();
  const [initial] = useState(readUrlState);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [search, setSearch] = useState(initial.filters.q);
  const [selectedId, setSelectedId] = useState<string | null>(initial.selectedId);
  const [manualOpen, setManualOpen] = useState(false);
  const sentinel = useRef<HTMLDivElement>(null);

  // The source list is a convenience for the filter; users without access to it simply do not get that filter.
  const sources = useResource(() => listSources().then((res) => res.items), [], { fallback: [], quiet: true });

  // Typing in the search box waits for a pause before asking the server.
  useEffect(() => {
    const timer = window.setTimeout(() => setFilters((f) => (f.q === search.trim() ? f : { ...f, q: search.trim() })), 300);
    return () => window.clearTimeout(timer);
  }, [search]);

  useEffect(() => writeUrlState(filters, selectedId), [filters, selectedId]);

  // The days go as they are: the server reads a bare day as the organisation's, so a link from a
  // dashboard lists the mentions it counted whatever the reader's own time zone.
  const query = useMemo(() => ({ ...filters, limit: pageSize }), [filters]);
  const [total, setTotal] = useState<number | null>(null);
  const list = usePagedList(
    (cursor) =>
      listMentions({ ...query, cursor }).then((page) => {
        if (!cursor) setTotal(page.total);
        return page;
      }),
    [query],
  );
  const { cursor, loading, loadMore, setItems } = list;
  const items = list.items ?? [];

  // Infinite scroll: when the end of the list comes into view, fetch the next page.
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !cursor || loading) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [cursor, loading, loadMore]);

  const onMentionChanged = useCallback((mention: Mention) => setItems((prev) => prev && prev.map((m) => (m.id === mention.id ? mention : m))), [setItems]);

  return (
    <div className={`inbox${selectedId ? ' with-detail' : ''}`}>
      <section className="inbox-list-pane">
        <InboxFilters
          filters={filters}
          onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
          search={search}
          onSearch={setSearch}
          sources={sources.data ?? []}
          onNewManual={() => setManualOpen(true)}
        />
        {total !== null && (
          <div className="inbox-total muted small" data-testid="inbox-total" aria-live="polite">
            {t('inbox.total', { n: formatNumber(total) })}
          </div>
        )}
        <ul className="mention-list" aria-busy={loading}>
          {items.map((m) => (
            <li key={m.id}>
              <MentionCard
                mention={m}
                selected={m.id === selectedId}
                onSelect={() => {
                  openDetailScreen();
                  setSelectedId(m.id);
                }}
              />
            </li>
          ))}
        </ul>
        {loading && <Spinner />}
        {!loading && items.length === 0 && <EmptyState title={t('inbox.empty')} hint={t('inbox.emptyHint')} />}
        {!loading && <LoadMore cursor={cursor} onMore={loadMore} sentinel={sentinel} />}
        {!loading && !cursor && items.length > 0 && <div className="list-end muted small">{t('common.end')}</div>}
      </section>

      {selectedId ? (
        <MentionDetail
          key={selectedId}
          id={selectedId}
          onClose={() => {
            setSelectedId(null);
            closeDetailScreen();
          }}
          onChanged={onMentionChanged}
          onFilter={(patch) => {
            setFilters((f) => ({ ...f, ...patch }));
            setSelectedId(null);
          }}
        />
      ) : (
        <aside className="detail-pane detail-placeholder">
          <EmptyState title={t('inbox.selectHint')} />
        </aside>
      )}

      {manualOpen && (
        <ManualEntryDialog
          onClose={() => setManualOpen(false)}
          onCreated={(mention) => {
            setManualOpen(false);
            setItems((prev) => [mention, ...(prev ?? [])]);
            setSelectedId(mention.id);
          }}
        />
      )}
    </div>
  );
}

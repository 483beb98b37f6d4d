import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/index.tsx';
import { EmptyState, LangBadge, SentimentBadge, Spinner, Stars, StatusBadge } from '../components/ui.tsx';
import {
  aspectIds,
  mentionKinds,
  mentionLanguages,
  mentionStatuses,
  riskIds,
  sentiments,
  type Mention,
  type Page,
  type Source,
} from '../types.ts';
import { MentionDetail } from './MentionDetail.tsx';
import { ManualEntryDialog } from './ManualEntryDialog.tsx';

const filterKeys = [
  'q',
  'source',
  'location',
  'department',
  'lang',
  'ratingMin',
  'ratingMax',
  'status',
  'kind',
  'from',
  'to',
  'sentiment',
  'aspect',
  'risk',
  'staff',
] as const;
type FilterKey = (typeof filterKeys)[number];
type Filters = Record<FilterKey, string>;
const emptyFilters = Object.fromEntries(filterKeys.map((k) => [k, ''])) as Filters;

/** Filters and the open mention live in the query string, so a reload or a shared link shows the same view. */
function readUrlState(): { filters: Filters; selectedId: string | null } {
  const params = new URLSearchParams(window.location.search);
  const filters = { ...emptyFilters };
  for (const key of filterKeys) filters[key] = params.get(key) ?? '';
  return { filters, selectedId: params.get('mention') };
}

function writeUrlState(filters: Filters, selectedId: string | null): void {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (filters[key]) params.set(key, filters[key]);
  if (selectedId) params.set('mention', selectedId);
  const qs = params.toString();
  const next = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
  if (next !== window.location.pathname + window.location.search) window.history.replaceState(null, '', next);
}
const pageSize = 30;

/** Dates in the filter are local calendar days; the API wants instants, with "to" covering the whole day. */
function dayStart(day: string): string {
  return day ? new Date(`${day}T00:00:00`).toISOString() : '';
}
function dayEnd(day: string): string {
  return day ? new Date(`${day}T23:59:59.999`).toISOString() : '';
}

export function InboxPage() {
  const { t, tx, formatDate } = useI18n();
  const { can, org, reportError } = useApp();
  const [initial] = useState(readUrlState);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [search, setSearch] = useState(initial.filters.q);
  const [showMore, setShowMore] = useState(() =>
    (['source', 'kind', 'location', 'department', 'aspect', 'risk', 'staff', 'from', 'to'] as const).some((k) => initial.filters[k] !== ''),
  );
  const [items, setItems] = useState<Mention[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [selectedId, setSelectedId] = useState<string | null>(initial.selectedId);
  const [sources, setSources] = useState<Source[]>([]);
  const [manualOpen, setManualOpen] = useState(false);
  const requestSeq = useRef(0);
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The source list is a convenience for the filter; users without access to it simply do not get that filter.
    api<{ items: Source[] }>('/api/sources')
      .then((res) => setSources(res.items))
      .catch(() => setSources([]));
  }, []);

  // Typing in the search box waits for a pause before asking the server.
  useEffect(() => {
    const timer = window.setTimeout(() => setFilters((f) => (f.q === search.trim() ? f : { ...f, q: search.trim() })), 300);
    return () => window.clearTimeout(timer);
  }, [search]);

  useEffect(() => writeUrlState(filters, selectedId), [filters, selectedId]);

  const query = useMemo(
    () => ({ ...filters, from: dayStart(filters.from), to: dayEnd(filters.to), limit: pageSize }),
    [filters],
  );

  const load = useCallback(
    async (after: string | null) => {
      const seq = ++requestSeq.current;
      setLoading(true);
      try {
        const page = await api<Page<Mention>>('/api/mentions', { query: { ...query, cursor: after } });
        if (seq !== requestSeq.current) return;
        setItems((prev) => (after ? [...prev, ...page.items.filter((m) => !prev.some((p) => p.id === m.id))] : page.items));
        setCursor(page.nextCursor);
      } catch (error) {
        if (seq === requestSeq.current) reportError(error);
      } finally {
        if (seq === requestSeq.current) setLoading(false);
      }
    },
    [query, reportError],
  );

  useEffect(() => {
    setItems([]);
    setCursor(null);
    void load(null);
  }, [load]);

  // Infinite scroll: when the end of the list comes into view, fetch the next page.
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !cursor || loading) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void load(cursor);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [cursor, loading, load]);

  const set = (key: FilterKey, value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const activeCount = filterKeys.filter((k) => filters[k] !== '').length;

  const onMentionChanged = useCallback((mention: Mention) => {
    setItems((prev) => prev.map((m) => (m.id === mention.id ? mention : m)));
  }, []);

  const departments = org?.departments.filter((d) => !filters.location || d.locationId === filters.location) ?? [];

  const select = (key: FilterKey, label: string, options: { value: string; label: string }[]) => (
    <label className="filter">
      <span>{label}</span>
      <select name={key} value={filters[key]} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const ratingOptions = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: '★'.repeat(n) }));

  return (
    <div className={`inbox${selectedId ? ' with-detail' : ''}`}>
      <section className="inbox-list-pane">
        <div className="toolbar">
          <input
            type="search"
            className="search-input"
            name="q"
            aria-label={t('filter.search')}
            placeholder={t('inbox.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <button type="button" className="btn" onClick={() => setShowMore((v) => !v)} aria-expanded={showMore}>
            {showMore ? t('inbox.fewerFilters') : t('inbox.moreFilters')}
            {activeCount > 0 && <span className="count-pill">{activeCount}</span>}
          </button>
        </div>
        <div className="filter-bar">
          {select(
            'lang',
            t('filter.language'),
            mentionLanguages.map((l) => ({ value: l, label: t(`lang.${l}`) })),
          )}
          {select(
            'status',
            t('filter.status'),
            mentionStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
          )}
          {select(
            'sentiment',
            t('filter.sentiment'),
            sentiments.map((s) => ({ value: s, label: t(`sentiment.${s}`) })),
          )}
          {select('ratingMin', t('filter.ratingMin'), ratingOptions)}
          {select('ratingMax', t('filter.ratingMax'), ratingOptions)}
          {showMore && (
            <>
              {sources.length > 0 &&
                select(
                  'source',
                  t('filter.source'),
                  sources.map((s) => ({ value: s.id, label: s.name })),
                )}
              {select(
                'kind',
                t('filter.kind'),
                mentionKinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
              )}
              {select(
                'location',
                t('filter.location'),
                (org?.locations ?? []).map((l) => ({ value: l.id, label: l.name })),
              )}
              {select(
                'department',
                t('filter.department'),
                departments.map((d) => ({ value: d.id, label: d.name })),
              )}
              {select(
                'aspect',
                t('filter.aspect'),
                aspectIds.map((a) => ({ value: a, label: tx('aspect', a) })),
              )}
              {select(
                'risk',
                t('filter.risk'),
                riskIds.map((r) => ({ value: r, label: tx('risk', r) })),
              )}
              {select(
                'staff',
                t('filter.staff'),
                (org?.staff ?? []).map((s) => ({ value: s.id, label: s.name })),
              )}
              <label className="filter">
                <span>{t('filter.from')}</span>
                <input type="date" name="from" value={filters.from} onChange={(e) => set('from', e.target.value)} />
              </label>
              <label className="filter">
                <span>{t('filter.to')}</span>
                <input type="date" name="to" value={filters.to} onChange={(e) => set('to', e.target.value)} />
              </label>
            </>
          )}
          {activeCount > 0 && (
            <button
              type="button"
              className="btn btn-link filter-clear"
              onClick={() => {
                setSearch('');
                setFilters(emptyFilters);
              }}
            >
              {t('inbox.clearFilters')}
            </button>
          )}
          {can('mentions.write') && (
            <button type="button" className="btn btn-primary filter-bar-action" onClick={() => setManualOpen(true)}>
              + {t('inbox.newManual')}
            </button>
          )}
        </div>

        <ul className="mention-list" aria-busy={loading}>
          {items.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className={`mention-card${m.id === selectedId ? ' selected' : ''}`}
                data-testid="mention-card"
                onClick={() => setSelectedId(m.id)}
              >
                <div className="mention-card-head">
                  <span className="mention-source">{m.sourceName}</span>
                  <span className="mention-author">{m.authorHandle || t('mention.anonymous')}</span>
                  <span className="spacer" />
                  <time className="muted small nowrap" dateTime={m.publishedAt ?? m.receivedAt}>
                    {formatDate(m.publishedAt ?? m.receivedAt)}
                  </time>
                </div>
                <div className="mention-card-badges">
                  <Stars rating={m.rating} />
                  <LangBadge lang={m.lang} />
                  {m.analysis && <SentimentBadge label={m.analysis.sentiment.label} />}
                  {m.analysis && m.analysis.risks.length > 0 && (
                    <span className="badge badge-risk">⚠ {tx('risk', m.analysis.risks[0]!.risk)}</span>
                  )}
                  <StatusBadge status={m.status} />
                  {m.kind !== 'review' && <span className="badge badge-kind">{t(`kind.${m.kind}`)}</span>}
                </div>
                {m.title && <div className="mention-card-title">{m.title}</div>}
                <div className="mention-card-text">{m.text}</div>
              </button>
            </li>
          ))}
        </ul>
        {loading && <Spinner />}
        {!loading && items.length === 0 && <EmptyState title={t('inbox.empty')} hint={t('inbox.emptyHint')} />}
        {!loading && cursor && (
          <div className="load-more" ref={sentinel}>
            <button type="button" className="btn" onClick={() => void load(cursor)}>
              {t('common.loadMore')}
            </button>
          </div>
        )}
        {!loading && !cursor && items.length > 0 && <div className="list-end muted small">{t('common.end')}</div>}
      </section>

      {selectedId ? (
        <MentionDetail
          key={selectedId}
          id={selectedId}
          onClose={() => setSelectedId(null)}
          onChanged={onMentionChanged}
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
            setItems((prev) => [mention, ...prev]);
            setSelectedId(mention.id);
          }}
        />
      )}
    </div>
  );
}

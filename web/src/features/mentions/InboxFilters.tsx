import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { aspectIds, mentionKinds, mentionLanguages, mentionSorts, mentionStatuses, riskIds, sentiments } from '../../lib/vocab.ts';
import { DateField } from '../../ui/DateField.tsx';
import { Select, type Option, optionsOf } from '../../ui/Select.tsx';
import { useSourceWords, type Source } from '../ingest/index.ts';
import { emptyFilters, filterKeys, moreFilterKeys, orderKeys, type FilterKey, type Filters } from './inbox-url.ts';

interface Props {
  filters: Filters;
  /** Changes some filters (all of them to clear). */
  onChange(patch: Partial<Filters>): void;
  search: string;
  onSearch(text: string): void;
  sources: Source[];
  onNewManual(): void;
}

/** The search box and the filter bar above the mention list. */
export function InboxFilters({ filters, onChange, search, onSearch, sources, onNewManual }: Props) {
  const { t, tx } = useI18n();
  const { can, org } = useApp();
  const { sourceName } = useSourceWords();
  const [showMore, setShowMore] = useState(() => moreFilterKeys.some((k) => filters[k] !== ''));
  const set = (key: FilterKey, value: string) => onChange({ [key]: value });
  const activeCount = filterKeys.filter((k) => filters[k] !== '' && !(orderKeys as readonly string[]).includes(k)).length;
  const departments = org?.departments.filter((d) => !filters.location || d.locationId === filters.location) ?? [];

  const select = (key: FilterKey, label: string, options: Option<string>[]) => (
    <label className="filter">
      <span>{label}</span>
      <Select name={key} value={filters[key]} onChange={(v) => set(key, v)} emptyLabel={t('common.all')} options={options} />
    </label>
  );
  const date = (key: 'from' | 'to') => (
    <label className="filter">
      <span>{t(`filter.${key}`)}</span>
      <DateField name={key} value={filters[key]} onChange={(v) => set(key, v)} />
    </label>
  );
  const ratingOptions = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: '★'.repeat(n) }));

  return (
    <>
      <div className="toolbar">
        <input type="search" className="search-input" name="q" aria-label={t('filter.search')} placeholder={t('inbox.searchPlaceholder')} value={search} onChange={(e) => onSearch(e.target.value)} />
        <label className="filter inbox-sort">
          <span>{t('inbox.sort')}</span>
          <Select<string>
            name="sort"
            value={filters.sort || 'newest'}
            onChange={(v) => set('sort', v === 'newest' ? '' : v)}
            options={mentionSorts.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
          />
        </label>
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
        {select('toReview', t('filter.toReview'), [
          { value: 'true', label: t('filter.toReviewOnly') },
          { value: 'false', label: t('filter.notToReview') },
        ])}
        {select('ratingMin', t('filter.ratingMin'), ratingOptions)}
        {select('ratingMax', t('filter.ratingMax'), ratingOptions)}
        {showMore && (
          <>
            {sources.length > 0 &&
              select(
                'source',
                t('filter.source'),
                optionsOf(sources, (s) => sourceName(s.name, s.builtIn)),
              )}
            {select(
              'kind',
              t('filter.kind'),
              mentionKinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
            )}
            {select(
              'location',
              t('filter.location'),
              optionsOf(org?.locations, (l) => l.name),
            )}
            {select(
              'department',
              t('filter.department'),
              optionsOf(departments, (d) => d.name),
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
              optionsOf(org?.staff, (s) => s.name),
            )}
            {date('from')}
            {date('to')}
          </>
        )}
        {filters.importRun && (
          <button type="button" className="chip chip-filter" data-testid="import-run-filter" onClick={() => set('importRun', '')} title={t('filter.importRunClear')}>
            {t('filter.importRun')} ×
          </button>
        )}
        {filters.hideDismissed === 'true' && (
          <button type="button" className="chip chip-filter" data-testid="hide-dismissed-filter" onClick={() => set('hideDismissed', '')} title={t('filter.hideDismissedClear')}>
            {t('filter.hideDismissed')} ×
          </button>
        )}
        {filters.author && (
          <button type="button" className="chip chip-filter" data-testid="author-filter" onClick={() => set('author', '')} title={t('filter.authorClear')}>
            {t('filter.author', { author: filters.author })} ×
          </button>
        )}
        {activeCount > 0 && (
          <button
            type="button"
            className="btn btn-link filter-clear"
            onClick={() => {
              onSearch('');
              onChange({ ...emptyFilters, sort: filters.sort });
            }}
          >
            {t('inbox.clearFilters')}
          </button>
        )}
        {can('mentions.write') && (
          <button type="button" className="btn btn-primary filter-bar-action" onClick={onNewManual}>
            + {t('inbox.newManual')}
          </button>
        )}
      </div>
    </>
  );
}

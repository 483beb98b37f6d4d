// The inbox's filters and the open mention live in the query string, so a reload or a shared link shows the same view.

export const filterKeys = [
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
  'toReview',
  'importRun',
  'author',
  'hideDismissed',
  'sort',
] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Record<FilterKey, string>;
export const emptyFilters = Object.fromEntries(filterKeys.map((k) => [k, ''])) as Filters;

/** Keys that order the list rather than narrow it (not counted as filters). */
export const orderKeys = ['sort'] as const satisfies readonly FilterKey[];

/** The inbox address showing what one import run brought in. */
export const inboxForImportRun = (importRunId: string) => `/inbox?importRun=${encodeURIComponent(importRunId)}`;

/** The filters folded away under "More filters" (shown at once when one of them is set). */
export const moreFilterKeys = ['source', 'kind', 'location', 'department', 'aspect', 'risk', 'staff', 'from', 'to'] as const satisfies readonly FilterKey[];

export function readUrlState(): { filters: Filters; selectedId: string | null } {
  const params = new URLSearchParams(window.location.search);
  const filters = { ...emptyFilters };
  for (const key of filterKeys) filters[key] = params.get(key) ?? '';
  return { filters, selectedId: params.get('mention') };
}

export function writeUrlState(filters: Filters, selectedId: string | null): void {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (filters[key]) params.set(key, filters[key]);
  if (selectedId) params.set('mention', selectedId);
  const qs = params.toString();
  const next = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
  if (next !== window.location.pathname + window.location.search) window.history.replaceState(null, '', next);
}

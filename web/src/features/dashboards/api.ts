import { api } from '../../lib/api.ts';
import type { ApiResponse } from '../../lib/api-types.ts';

export type Overview = ApiResponse<'/api/dashboards/overview'>;
export type Heatmap = ApiResponse<'/api/dashboards/heatmap'>;
export type PainPoints = ApiResponse<'/api/dashboards/pain-points'>;
export type Benchmark = ApiResponse<'/api/dashboards/benchmark'>;
export type HeatmapCell = Heatmap['cells'][number];
export type PainAspect = PainPoints['aspects'][number];
export type BenchmarkEntity = Benchmark['entities'][number];

export const tabs = ['overview', 'heatmap', 'pain-points', 'competitors'] as const;
export type DashboardTab = (typeof tabs)[number];

export const presets = ['7', '30', '90', '365'] as const;
export type Preset = (typeof presets)[number] | 'custom';

/** Everything a dashboard view depends on; all of it lives in the address, so a copied link shows the same view. */
export interface DashboardState {
  tab: DashboardTab;
  /** Days back from today (the organisation's today), or custom days. */
  preset: Preset;
  from: string;
  to: string;
  location: string;
  department: string;
  /** The heat map's rows and colour. */
  by: 'department' | 'location';
  colour: 'negative' | 'net';
}

const defaults: Omit<DashboardState, 'tab'> = { preset: '90', from: '', to: '', location: '', department: '', by: 'department', colour: 'negative' };
const isDay = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);
const isId = (s: string | null): s is string => !!s && /^[0-9a-f-]{36}$/i.test(s);

/** The view an address names: /dashboards[/<tab>]?period=…&from=…&to=…&location=…&department=…&by=…&colour=… */
export function readState(rest: string, search: string): DashboardState {
  const tab = tabs.find((t) => rest.replace(/^\/+/, '') === t) ?? 'overview';
  const q = new URLSearchParams(search);
  const period = q.get('period');
  const from = q.get('from');
  const to = q.get('to');
  const custom = isDay(from) || isDay(to);
  return {
    tab,
    preset: custom ? 'custom' : (presets as readonly string[]).includes(period ?? '') ? (period as Preset) : defaults.preset,
    from: custom && isDay(from) ? from : '',
    to: custom && isDay(to) ? to : '',
    location: isId(q.get('location')) ? q.get('location')! : '',
    department: isId(q.get('department')) ? q.get('department')! : '',
    by: q.get('by') === 'location' ? 'location' : 'department',
    colour: q.get('colour') === 'net' ? 'net' : 'negative',
  };
}

/** The address of a view: only what differs from the defaults. */
export function stateUrl(s: DashboardState): string {
  const q = new URLSearchParams();
  if (s.preset === 'custom') {
    if (s.from) q.set('from', s.from);
    if (s.to) q.set('to', s.to);
  } else if (s.preset !== defaults.preset) q.set('period', s.preset);
  if (s.location) q.set('location', s.location);
  if (s.department) q.set('department', s.department);
  if (s.by !== defaults.by) q.set('by', s.by);
  if (s.colour !== defaults.colour) q.set('colour', s.colour);
  const qs = q.toString();
  return `/dashboards${s.tab === 'overview' ? '' : `/${s.tab}`}${qs ? `?${qs}` : ''}`;
}

/** Today in a time zone, as YYYY-MM-DD. */
export function todayIn(timezone: string | undefined, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The query every endpoint takes: a preset becomes its days, ending today in the organisation's time zone. */
export function queryOf(s: DashboardState, timezone: string | undefined): { from?: string; to?: string; location?: string; department?: string } {
  const scope = { location: s.location || undefined, department: s.department || undefined };
  if (s.preset === 'custom') return { from: s.from || undefined, to: s.to || undefined, ...scope };
  const to = todayIn(timezone);
  return { from: addDays(to, -(Number(s.preset) - 1)), to, ...scope };
}

type Q = ReturnType<typeof queryOf>;
export const getOverview = (q: Q) => api<Overview>('/api/dashboards/overview', { query: q });
export const getHeatmap = (q: Q & { by: 'department' | 'location' }) => api<Heatmap>('/api/dashboards/heatmap', { query: q });
export const getPainPoints = (q: Q) => api<PainPoints>('/api/dashboards/pain-points', { query: q });
export const getBenchmark = (q: Q) => api<Benchmark>('/api/dashboards/benchmark', { query: q });

/**
 * The inbox filtered to the mentions behind a heat-map cell (inbox-url.ts names the parameters): its
 * row, its aspect, the period's days (the server reads a bare day as the organisation's), and
 * without dismissed mentions, which the dashboards do not count.
 */
export function inboxForCell(by: 'department' | 'location', rowId: string, aspect: string, period: { from: string; to: string }): string {
  const q = new URLSearchParams({ [by]: rowId, aspect, from: period.from, to: period.to, hideDismissed: 'true' });
  return `/inbox?${q.toString()}`;
}

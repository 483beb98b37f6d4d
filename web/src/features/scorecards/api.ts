import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse } from '../../lib/api-types.ts';

export type Leaderboard = ApiResponse<'/api/scorecards/leaderboard'>;
export type Scorecard = ApiResponse<'/api/scorecards/me'>;
export type Entry = Leaderboard['entries'][number];
export type Settings = ApiResponse<'/api/scorecards/settings'>['settings'];
export type SettingsBody = ApiBody<'/api/scorecards/settings', 'put'>;
export type IndicatorImport = ApiResponse<'/api/scorecards/indicators/import', 'post'>;
export type StoredIndicator = ApiResponse<'/api/scorecards/indicators'>['items'][number];
export type Subject = Leaderboard['subject'];

export interface PeriodFilter {
  from: string;
  to: string;
}

export const getLeaderboard = (subject: Subject, p: PeriodFilter) => api<Leaderboard>('/api/scorecards/leaderboard', { query: { subject, from: p.from, to: p.to } });
export const getMyScorecard = (p: PeriodFilter) => api<Scorecard>('/api/scorecards/me', { query: { from: p.from, to: p.to } });
export const getScorecard = (subject: Subject, id: string, p: PeriodFilter) =>
  api<Scorecard>(at(subject === 'staff' ? '/api/scorecards/staff' : '/api/scorecards/departments', id), { query: { from: p.from, to: p.to } });
export const getSettings = () => api<{ settings: Settings }>('/api/scorecards/settings').then((r) => r.settings);
export const saveSettings = (body: SettingsBody) => api<{ settings: Settings }>('/api/scorecards/settings', { method: 'PUT', body }).then((r) => r.settings);
export const listIndicators = () => api<{ items: StoredIndicator[] }>('/api/scorecards/indicators').then((r) => r.items);
export const importIndicators = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api<IndicatorImport>('/api/scorecards/indicators/import', { method: 'POST', form });
};

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export const PRESETS = ['last90', 'thisMonth', 'lastMonth', 'thisQuarter', 'lastQuarter'] as const;
export type Preset = (typeof PRESETS)[number];

/** A preset's days (the last 90 days is the server's default: no dates). */
export function presetPeriod(preset: Preset, today = new Date()): PeriodFilter {
  const y = today.getFullYear();
  const m = today.getMonth();
  const q = Math.floor(m / 3) * 3;
  switch (preset) {
    case 'thisMonth':
      return { from: iso(new Date(y, m, 1)), to: iso(today) };
    case 'lastMonth':
      return { from: iso(new Date(y, m - 1, 1)), to: iso(new Date(y, m, 0)) };
    case 'thisQuarter':
      return { from: iso(new Date(y, q, 1)), to: iso(today) };
    case 'lastQuarter':
      return { from: iso(new Date(y, q - 3, 1)), to: iso(new Date(y, q, 0)) };
    default:
      return { from: '', to: '' };
  }
}

/** The period from the address (?from=&to=), so a shared link shows the same board. */
export function readPeriod(): PeriodFilter {
  const params = new URLSearchParams(window.location.search);
  return { from: params.get('from') ?? '', to: params.get('to') ?? '' };
}

export function writePeriod(p: PeriodFilter, extra: Record<string, string> = {}): void {
  const params = new URLSearchParams();
  if (p.from) params.set('from', p.from);
  if (p.to) params.set('to', p.to);
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const qs = params.toString();
  const next = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
  if (next !== window.location.pathname + window.location.search) window.history.replaceState(null, '', next);
}

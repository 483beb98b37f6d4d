import { api } from '../../lib/api.ts';
import type { ApiResponse } from '../../lib/api-types.ts';

export type SurveyReport = ApiResponse<'/api/reports/surveys'>;
export type FairAsking = ApiResponse<'/api/reports/fair-asking'>;
export type CommunicationRow = SurveyReport['communication']['byStaff'][number];
export type Dimension = keyof CommunicationRow['dimensions'];
export type Band = FairAsking['bands'][number]['band'];

/** The four communication dimensions, in the order the reports show them. */
export const dimensions = ['listening', 'clarity', 'shared_decisions', 'privacy'] as const satisfies readonly Dimension[];

export interface ReportFilters {
  surveyId: string;
  from: string;
  to: string;
  locationId: string;
  departmentId: string;
  staffId: string;
  interval: 'week' | 'month';
}
export const filterKeys = ['surveyId', 'from', 'to', 'locationId', 'departmentId', 'staffId', 'interval'] as const satisfies readonly (keyof ReportFilters)[];
export const noFilters: ReportFilters = { surveyId: '', from: '', to: '', locationId: '', departmentId: '', staffId: '', interval: 'month' };

export const getSurveyReport = (f: ReportFilters) => api<SurveyReport>('/api/reports/surveys', { query: { ...f } });
export const getFairAsking = (f: Pick<ReportFilters, 'from' | 'to'>) => api<FairAsking>('/api/reports/fair-asking', { query: { from: f.from, to: f.to } });

/** The filters from the address (a reload or a shared link shows the same report). */
export function readFilters(): ReportFilters {
  const params = new URLSearchParams(window.location.search);
  const f = { ...noFilters };
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value === null) continue;
    if (key === 'interval') f.interval = value === 'week' ? 'week' : 'month';
    else f[key] = value;
  }
  return f;
}

export function writeFilters(f: ReportFilters): void {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (f[key] && !(key === 'interval' && f[key] === 'month')) params.set(key, f[key]);
  const qs = params.toString();
  const next = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
  if (next !== window.location.pathname + window.location.search) window.history.replaceState(null, '', next);
}

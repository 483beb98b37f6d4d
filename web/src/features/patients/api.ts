import { api, at } from '../../lib/api.ts';
import type { ApiItem, ApiResponse } from '../../lib/api-types.ts';

export type Patient = ApiItem<'/api/patients'>;
export type PatientDetail = ApiResponse<'/api/patients/{id}'>['patient'];
export type Timeline = ApiResponse<'/api/patients/{id}/timeline'>;
export type TimelineItem = Timeline['items'][number];

export const pageSize = 50;

/** A page of the search, as a cursor page (the cursor is the next offset). */
export async function searchPatients(q: string, cursor: string | null) {
  const offset = cursor ? Number(cursor) : 0;
  const page = await api<ApiResponse<'/api/patients'>>('/api/patients', { query: { q: q.trim() || undefined, limit: pageSize, offset } });
  const next = offset + page.items.length;
  return { items: page.items, total: page.total, nextCursor: next < page.total && page.items.length > 0 ? String(next) : null };
}

export const getPatient = (id: string) => api<ApiResponse<'/api/patients/{id}'>>(at('/api/patients', id)).then((r) => r.patient);
export const getTimeline = (id: string) => api<Timeline>(at('/api/patients', id, '/timeline'));

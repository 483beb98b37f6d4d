import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse } from '../../lib/api-types.ts';

export type Schedule = ApiResponse<'/api/report-schedules'>['items'][number];
export type Report = ApiResponse<'/api/reports'>['items'][number];
export type ScheduleBody = ApiBody<'/api/report-schedules', 'post'>;

export const listSchedules = () => api<ApiResponse<'/api/report-schedules'>>('/api/report-schedules');
export const saveSchedule = (id: string | null, body: ScheduleBody) => (id ? api(at('/api/report-schedules', id), { method: 'PATCH', body }) : api('/api/report-schedules', { method: 'POST', body }));
export const deleteSchedule = (id: string) => api(at('/api/report-schedules', id), { method: 'DELETE' });
export const makeReportNow = (id: string, body: { day?: string; send: boolean }) =>
  api<ApiResponse<'/api/report-schedules/{id}/make', 'post'>>(at('/api/report-schedules', id, '/make'), { method: 'POST', body });

export const listReports = (page: number) => api<ApiResponse<'/api/reports'>>('/api/reports', { query: { page } });
export const resendReport = (id: string) => api<ApiResponse<'/api/reports/{id}/send', 'post'>>(at('/api/reports', id, '/send'), { method: 'POST' });
export const reportHtmlUrl = (id: string) => at('/api/reports', id, '/html');
export const reportPdfUrl = (id: string) => at('/api/reports', id, '/pdf');

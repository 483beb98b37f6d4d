import { api } from '../../lib/api.ts';
import type { ApiBody, ApiItem, ApiResponse } from '../../lib/api-types.ts';

export type ImportReport = ApiResponse<'/api/visits/import', 'post'>;
export type Invitation = ApiItem<'/api/outreach/invitations'>;
export type OutreachSettings = ApiResponse<'/api/outreach/settings'>['settings'];
export type SettingsBody = ApiBody<'/api/outreach/settings', 'put'>;
export type SmsMessage = ApiItem<'/api/outreach/sms-outbox'>;
export type SurveyOption = { id: string; name: string; status: string };

export const pageSize = 50;

/** Uploads a visit file; the server detects the format unless one is given. */
export const importVisits = (file: File, format: string) => {
  const form = new FormData();
  form.append('file', file);
  return api<ImportReport>('/api/visits/import', { method: 'POST', form, query: { format: format || undefined } });
};

export async function listInvitations(status: string, cursor: string | null) {
  const offset = cursor ? Number(cursor) : 0;
  const page = await api<ApiResponse<'/api/outreach/invitations'>>('/api/outreach/invitations', { query: { status: status || undefined, limit: pageSize, offset } });
  const next = offset + page.items.length;
  return { items: page.items, total: page.total, nextCursor: next < page.total && page.items.length > 0 ? String(next) : null };
}

export const getSettings = () => api<{ settings: OutreachSettings }>('/api/outreach/settings').then((r) => r.settings);
export const saveSettings = (body: SettingsBody) => api<{ settings: OutreachSettings }>('/api/outreach/settings', { method: 'PUT', body }).then((r) => r.settings);
export const listSmsOutbox = () => api<{ items: SmsMessage[] }>('/api/outreach/sms-outbox').then((r) => r.items);
export const listSurveyOptions = () => api<{ items: SurveyOption[] }>('/api/surveys').then((r) => r.items.filter((s) => s.status !== 'archived'));

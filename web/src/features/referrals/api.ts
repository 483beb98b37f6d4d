import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse } from '../../lib/api-types.ts';

export type ProgrammeList = ApiResponse<'/api/referral-programmes'>;
export type Programme = ProgrammeList['items'][number];
export type ProgrammeBody = ApiBody<'/api/referral-programmes', 'post'>;
export type Referral = ApiResponse<'/api/referrals'>['items'][number];
export type Reward = ApiResponse<'/api/rewards'>['items'][number];
export type Ledger = ApiResponse<'/api/reward-ledger'>;
export type PatientReferrals = ApiResponse<'/api/patients/{id}/referrals'>;

export const listProgrammes = () => api<ProgrammeList>('/api/referral-programmes');
export const saveProgramme = (id: string | null, body: ProgrammeBody) =>
  id ? api(at('/api/referral-programmes', id), { method: 'PATCH', body }) : api('/api/referral-programmes', { method: 'POST', body });
export const listReferrals = (query: { programmeId?: string; status?: string; held?: string; q?: string }) => api<ApiResponse<'/api/referrals'>>('/api/referrals', { query });
export const attribute = (body: ApiBody<'/api/referrals/attribute', 'post'>) => api<{ id: string }>('/api/referrals/attribute', { method: 'POST', body });
export const markVisited = (id: string) => api(at('/api/referrals', id, '/visited'), { method: 'POST', body: {} });
export const cancelReferral = (id: string, note: string) => api(at('/api/referrals', id, '/cancel'), { method: 'POST', body: { note } });
export const listRewards = (status?: string) => api<ApiResponse<'/api/rewards'>>('/api/rewards', { query: { status } });
export const moveReward = (id: string, action: string, note?: string) => api<{ status: string }>(at('/api/rewards', id, '/transition'), { method: 'POST', body: { action, note } });
export const getLedger = () => api<Ledger>('/api/reward-ledger');
export const patientReferrals = (id: string) => api<PatientReferrals>(at('/api/patients', id, '/referrals'));
export const makeLink = (patientId: string) => api<ApiResponse<'/api/patients/{id}/referral-link', 'post'>>(at('/api/patients', patientId, '/referral-link'), { method: 'POST', body: {} });
export const qrUrl = (linkId: string, format: 'png' | 'svg') => at('/api/referral-links', linkId, `/qr.${format}`);

import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse } from '../../lib/api-types.ts';

export type AdvocateList = ApiResponse<'/api/advocates'>;
export type Advocate = AdvocateList['items'][number];
export type Evidence = ApiResponse<'/api/advocates/author'>;
export type Invitations = ApiResponse<'/api/advocates/invitations'>;
export type Invitation = Invitations['items'][number];
export type InviteBody = ApiBody<'/api/advocates/invitations', 'post'>;
export type AdvocateKind = Advocate['kind'];

export interface ListFilter {
  kind: AdvocateKind | '';
  from: string;
  to: string;
  page: number;
}

export const listAdvocates = (f: ListFilter) => api<AdvocateList>('/api/advocates', { query: { kind: f.kind || undefined, from: f.from || undefined, to: f.to || undefined, page: f.page } });
export const getEvidence = (a: Pick<Advocate, 'kind' | 'id'>, f: Pick<ListFilter, 'from' | 'to'>) =>
  a.kind === 'patient'
    ? api<Evidence>(at('/api/advocates/patients', a.id), { query: { from: f.from || undefined, to: f.to || undefined } })
    : api<Evidence>('/api/advocates/author', { query: { key: a.id, from: f.from || undefined, to: f.to || undefined } });
export const listInvitations = (status: string, page: number) => api<Invitations>('/api/advocates/invitations', { query: { status: status || undefined, page } });
export const invite = (body: InviteBody) => api<ApiResponse<'/api/advocates/invitations', 'post'>>('/api/advocates/invitations', { method: 'POST', body }).then((r) => r.invitation);
export const withdraw = (id: string) => api<void>(at('/api/advocates/invitations', id, '/withdraw'), { method: 'POST' });

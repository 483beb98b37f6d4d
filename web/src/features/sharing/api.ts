import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse } from '../../lib/api-types.ts';

export type LinkList = ApiResponse<'/api/sharing/links'>;
export type ShareLink = LinkList['items'][number];
export type Targets = ApiResponse<'/api/sharing/targets'>;
export type NewLink = ApiBody<'/api/sharing/links', 'post'>;
export type Made = ApiResponse<'/api/sharing/links', 'post'>;
export type PropagationData = ApiResponse<'/api/sharing/propagation'>;
export type Origin = PropagationData['origins'][number];
export type TreeNode = NonNullable<PropagationData['tree']>['nodes'][number];

export const listLinks = (query: { page: number; disabled: boolean }) => api<LinkList>('/api/sharing/links', { query: { page: query.page, disabled: query.disabled ? 'true' : undefined } });
export const listTargets = () => api<Targets>('/api/sharing/targets');
export const makeLink = (body: NewLink) => api<Made>('/api/sharing/links', { method: 'POST', body });
export const disableLink = (id: string) => api(at('/api/sharing/links', id, '/disable'), { method: 'POST' });
export const qrUrl = (id: string, ext: 'png' | 'svg') => at('/api/sharing/links', id, `/qr.${ext}`);
export const loadPropagation = (origin: string | null) => api<PropagationData>('/api/sharing/propagation', { query: { origin: origin ?? undefined } });

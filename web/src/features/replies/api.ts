import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse } from '../../lib/api-types.ts';
import type { MentionLanguage } from '../../lib/vocab.ts';
import type { BrandVoice, ReplyCheck } from './types.ts';

export const listTemplates = () => api<ApiResponse<'/api/reply-templates'>>('/api/reply-templates').then((res) => res.items);
export const createTemplate = (body: ApiBody<'/api/reply-templates', 'post'>) => api('/api/reply-templates', { method: 'POST', body });

export const getBrandVoice = () => api<BrandVoice>('/api/brand-voice');
export const saveBrandVoice = (body: BrandVoice) => api<BrandVoice>('/api/brand-voice', { method: 'PUT', body });

export const checkReply = (text: string, lang: MentionLanguage) => api<ReplyCheck>('/api/replies/check', { method: 'POST', body: { text, lang } });

export const draftReply = (caseId: string, body: ApiBody<'/api/cases/{id}/replies', 'post'>) => api(at('/api/cases', caseId, '/replies'), { method: 'POST', body });

/** approve, or posted (with where) */
export const replyAction = (id: string, action: 'approve' | 'posted', body?: { url?: string }) => api(at('/api/replies', id, `/${action}`), { method: 'POST', body });

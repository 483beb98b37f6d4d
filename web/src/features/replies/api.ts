import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse } from '../../lib/api-types.ts';
import type { MentionLanguage } from '../../lib/vocab.ts';
import type { BrandVoice, Reply, ReplyCheck, ReplySettings } from './types.ts';

export const listTemplates = () => api<ApiResponse<'/api/reply-templates'>>('/api/reply-templates').then((res) => res.items);
export const createTemplate = (body: ApiBody<'/api/reply-templates', 'post'>) => api('/api/reply-templates', { method: 'POST', body });

export const getBrandVoice = () => api<BrandVoice>('/api/brand-voice');
export const saveBrandVoice = (body: BrandVoice) => api<BrandVoice>('/api/brand-voice', { method: 'PUT', body });

export const getReplySettings = () => api<ReplySettings>('/api/reply-settings');
export const saveReplySettings = (body: ReplySettings) => api<ReplySettings>('/api/reply-settings', { method: 'PUT', body });

/** The checks of a draft on a case, with safe rewrites when they find something. */
export const checkReply = (text: string, lang: MentionLanguage, caseId?: string) => api<ReplyCheck>('/api/replies/check', { method: 'POST', body: { text, lang, ...(caseId ? { caseId } : {}) } });

export const draftReply = (caseId: string, body: ApiBody<'/api/cases/{id}/replies', 'post'>) => api<{ reply: Reply }>(at('/api/cases', caseId, '/replies'), { method: 'POST', body });

export const editReply = (id: string, body: ApiBody<'/api/replies/{id}', 'patch'>) => api<{ reply: Reply }>(at('/api/replies', id), { method: 'PATCH', body });

/** approve, or posted (with where) */
export const replyAction = (id: string, action: 'approve' | 'posted', body?: { url?: string }) => api(at('/api/replies', id, `/${action}`), { method: 'POST', body });

import { api, at, type Query } from '../../lib/api.ts';
import type { ApiResponse, Page } from '../../lib/api-types.ts';
import type { MentionStatus } from '../../lib/vocab.ts';
import type { ManualMention, Mention, MentionWithHistory } from './types.ts';

export const listMentions = (query: Query) => api<Page<Mention>>('/api/mentions', { query });

export const getMention = (id: string) => api<MentionWithHistory>(at('/api/mentions', id));

export const setMentionStatus = (id: string, status: MentionStatus) => api<ApiResponse<'/api/mentions/{id}', 'patch'>>(at('/api/mentions', id), { method: 'PATCH', body: { status } });

export const createManualMention = (body: ManualMention) => api<ApiResponse<'/api/mentions', 'post'>>('/api/mentions', { method: 'POST', body });

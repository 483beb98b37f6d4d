import { api, at, type Query } from '../../lib/api.ts';
import type { ApiBody, ApiItem, ApiResponse } from '../../lib/api-types.ts';
import type { MentionStatus } from '../../lib/vocab.ts';
import type { ManualMention, MentionPage, MentionWithHistory } from './types.ts';

export const listMentions = (query: Query) => api<MentionPage>('/api/mentions', { query });

export const getMention = (id: string) => api<MentionWithHistory>(at('/api/mentions', id));

export const setMentionStatus = (id: string, status: MentionStatus) => api<ApiResponse<'/api/mentions/{id}', 'patch'>>(at('/api/mentions', id), { method: 'PATCH', body: { status } });

export const createManualMention = (body: ManualMention) => api<ApiResponse<'/api/mentions', 'post'>>('/api/mentions', { method: 'POST', body });

/** "Not a risk": clears the mention's review flag (one risk, or all when none is named). */
export const dismissRisk = (id: string, risk?: string) =>
  api<ApiResponse<'/api/mentions/{id}/not-a-risk', 'post'>>(at('/api/mentions', id, '/not-a-risk'), { method: 'POST', body: risk ? { risk } : {} });

export type CaseChoice = ApiItem<'/api/cases'>;

/** Open cases whose number or title matches, for "Add to case…". */
export const findOpenCases = (q: string) => api<ApiResponse<'/api/cases'>>('/api/cases', { query: { status: 'open', q: q.trim() || undefined, limit: 10 } });

/** Links the mention to a case (CASES' manual linking; 409 names the case that holds it already). */
export const addMentionToCase = (caseId: string, mentionId: string) =>
  api<ApiResponse<'/api/cases/{id}/mentions', 'post'>>(at('/api/cases', caseId, '/mentions'), { method: 'POST', body: { mentionId } });

export type CorrectionKind = ApiBody<'/api/mentions/{id}/corrections', 'post'>['kind'];

/** A person's correction of the analysis (sentiment, staff link added or removed, risk added); applied at once. */
export const addCorrection = (id: string, kind: CorrectionKind, value: string) =>
  api<ApiResponse<'/api/mentions/{id}/corrections', 'post'>>(at('/api/mentions', id, '/corrections'), { method: 'POST', body: { kind, value } });

/** Takes a correction back: the engine's reading returns. */
export const undoCorrection = (id: string, correctionId: string) =>
  api<ApiResponse<'/api/mentions/{id}/corrections/{correctionId}', 'delete'>>(at('/api/mentions', id, `/corrections/${encodeURIComponent(correctionId)}`), { method: 'DELETE' });

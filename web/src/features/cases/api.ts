import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse } from '../../lib/api-types.ts';
import type { CaseStatus, CaseTier } from '../../lib/vocab.ts';
import type { Case, CaseDetail, CaseListPage, CaseSettings, ComplianceRow, MentionHit, MyWork, RootCause, Team } from './types.ts';

const cases = '/api/cases';

/** How many cards a board column shows: the first ones by due time; the list shows the rest. */
export const boardColumnCap = 20;

/** The board: for each status, the first cases by SLA due time and how many there are in all. */
export async function listBoard(tier: CaseTier | '', mine: boolean, statuses: readonly CaseStatus[]): Promise<Record<string, { items: Case[]; total: number }>> {
  const columns = await Promise.all(
    statuses.map((status) => api<CaseListPage>(cases, { query: { tier, assignee: mine ? 'me' : '', status, sort: status === 'closed' ? 'opened' : 'due', limit: boardColumnCap } })),
  );
  return Object.fromEntries(statuses.map((status, i) => [status, { items: columns[i]!.items, total: columns[i]!.total }]));
}

/** The list's filters, as the API takes them ('' for "any"). */
export type CaseListQuery = Partial<Record<'status' | 'tier' | 'team' | 'assignee' | 'location' | 'source' | 'q' | 'queue' | 'sort', string>> & { offset?: number; limit?: number };
export const listCases = (query: CaseListQuery) => api<CaseListPage>(cases, { query });

export const bulkCases = (body: ApiBody<'/api/cases/bulk', 'post'>) => api<{ items: Case[] }>(`${cases}/bulk`, { method: 'POST', body });
export const linkMention = (id: string, mentionId: string, reason?: string) => api(at(cases, id, '/mentions'), { method: 'POST', body: { mentionId, ...(reason ? { reason } : {}) } });
export const unlinkMention = (id: string, mentionId: string) => api(at(cases, id, `/mentions/${encodeURIComponent(mentionId)}`), { method: 'DELETE' });
export const searchMentions = (q: string) => api<{ items: MentionHit[] }>('/api/mentions', { query: { q, limit: 20 } }).then((res) => res.items);
export const listSources = () => api<{ items: { id: string; name: string }[] }>('/api/sources').then((res) => res.items);

export const listTeams = () => api<{ items: Team[] }>('/api/teams').then((res) => res.items);
export const createTeam = (name: string) => api<{ team: Team }>('/api/teams', { method: 'POST', body: { name } });
export const updateTeam = (id: string, body: { name?: string | null; autoAssign?: boolean }) => api<{ team: Team }>(at('/api/teams', id), { method: 'PATCH', body });
export const addTeamMember = (id: string, userId: string) => api<{ team: Team }>(at('/api/teams', id, '/members'), { method: 'POST', body: { userId } });
export const setMemberShift = (id: string, userId: string, onShift: boolean) =>
  api<{ team: Team }>(at('/api/teams', id, `/members/${encodeURIComponent(userId)}`), { method: 'PATCH', body: { onShift } });
export const removeTeamMember = (id: string, userId: string) => api<{ team: Team }>(at('/api/teams', id, `/members/${encodeURIComponent(userId)}`), { method: 'DELETE' });

export const getCase = (id: string) => api<CaseDetail>(at(cases, id));
export const openCase = (body: ApiBody<'/api/cases', 'post'>) => api<ApiResponse<'/api/cases', 'post'>>(cases, { method: 'POST', body });

/** What one does to a case (each a POST under it). */
export type CaseCommand = 'transition' | 'assign' | 'handling' | 'actions' | 'close' | 'reopen';
export type CaseCommandBody<P extends CaseCommand> = ApiBody<`/api/cases/{id}/${P}`, 'post'>;

export const caseCommand = <P extends CaseCommand>(id: string, command: P, body: CaseCommandBody<P>) => api(at(cases, id, `/${command}`), { method: 'POST', body });

/** The server requires a root cause (and an action) to close, and says which is missing: the dialog lets it. */
export const closeCase = (id: string, body: Partial<CaseCommandBody<'close'>>) => api(at(cases, id, '/close'), { method: 'POST', body });

export const markActionDone = (caseId: string, actionId: string) => api(at(cases, caseId, `/actions/${encodeURIComponent(actionId)}`), { method: 'PATCH', body: { status: 'done' } });

export const evidenceUrl = (id: string) => at(cases, id, '/evidence.zip');

export const listRootCauses = () => api<{ items: RootCause[] }>('/api/root-causes').then((res) => res.items);
export const addRootCause = (label: string) => api('/api/root-causes', { method: 'POST', body: { label } });

export const getCaseSettings = () => api<CaseSettings>('/api/case-settings');
export const saveCaseSettings = (body: CaseSettings) => api<CaseSettings>('/api/case-settings', { method: 'PUT', body });

export const getMyWork = () => api<MyWork>('/api/my-work');
export const getCompliance = (days: number) => api<{ items: ComplianceRow[] }>('/api/sla/compliance', { query: { days } }).then((res) => res.items);

import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse, Page } from '../../lib/api-types.ts';
import type { CaseTier } from '../../lib/vocab.ts';
import type { Case, CaseDetail, CaseSettings, ComplianceRow, MyWork, RootCause } from './types.ts';

const cases = '/api/cases';
const maxBoardPages = 10;

/** Every case on the board (up to ten pages). */
export async function listBoard(tier: CaseTier | '', mine: boolean): Promise<Case[]> {
  const all: Case[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxBoardPages; page++) {
    const res: Page<Case> = await api<Page<Case>>(cases, { query: { tier, assignee: mine ? 'me' : '', cursor } });
    all.push(...res.items);
    cursor = res.nextCursor;
    if (!cursor) break;
  }
  return all;
}

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

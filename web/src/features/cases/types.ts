import type { ApiItem, ApiResponse } from '../../lib/api-types.ts';

export type Case = ApiItem<'/api/cases'>;
/** A case with its timeline, handling, actions, replies and mentions. */
export type CaseDetail = ApiResponse<'/api/cases/{id}'>;
export type TimelineEntry = CaseDetail['timeline'][number];
export type HandlingRecord = CaseDetail['handling'][number];
export type CaseAction = CaseDetail['actions'][number];
export type RootCause = ApiItem<'/api/root-causes'>;
export type CaseSettings = ApiResponse<'/api/case-settings'>;
export type MyWork = ApiResponse<'/api/my-work'>;
export type ComplianceRow = ApiItem<'/api/sla/compliance'>;
export type CaseListPage = ApiResponse<'/api/cases'>;
export type Team = ApiItem<'/api/teams'>;
export type TeamMember = Team['members'][number];
export type MentionHit = ApiItem<'/api/mentions'>;

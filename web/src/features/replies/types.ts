import type { ApiItem, ApiResponse } from '../../lib/api-types.ts';

export type Reply = ApiResponse<'/api/cases/{id}', 'get'>['replies'][number];
export type ReplyCheck = ApiResponse<'/api/replies/check', 'post'>;
export type CheckFinding = ReplyCheck['privacy']['findings'][number];
export type Suggestion = ReplyCheck['suggestions'][number];
export type ReplyTemplate = ApiItem<'/api/reply-templates'>;
export type BrandVoice = ApiResponse<'/api/brand-voice'>;
export type ReplySettings = ApiResponse<'/api/reply-settings'>;

import type { ApiBody, ApiItem, ApiResponse } from '../../lib/api-types.ts';

export type Mention = ApiItem<'/api/mentions'>;
export type Analysis = NonNullable<Mention['analysis']>;
/** A page of the inbox with the number of mentions that match its filters. */
export type MentionPage = ApiResponse<'/api/mentions'>;
/** A mention with every version of its text. */
export type MentionWithHistory = ApiResponse<'/api/mentions/{id}'>;
export type MentionVersion = MentionWithHistory['versions'][number];
export type ManualMention = ApiBody<'/api/mentions', 'post'>;

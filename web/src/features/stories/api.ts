import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse } from '../../lib/api-types.ts';

export type StoryItem = ApiResponse<'/api/stories'>['items'][number];
export type StoryDetail = ApiResponse<'/api/stories/{id}'>;
export type StoryRequest = ApiResponse<'/api/story-requests'>['items'][number];
export type NewStoryBody = ApiBody<'/api/stories', 'post'>;
export type StoryFilter = { status?: string; use?: string; flagged?: 'true'; q?: string; patientId?: string };

export const listStories = (filter: StoryFilter) => api<ApiResponse<'/api/stories'>>('/api/stories', { query: filter });
export const getStory = (id: string) => api<StoryDetail>(at('/api/stories', id));
export const createStory = (body: NewStoryBody) => api<StoryDetail>('/api/stories', { method: 'POST', body });
export const reviewStory = (id: string, decision: 'approve' | 'reject', note: string) => api<StoryDetail>(at('/api/stories', id, `/${decision}`), { method: 'POST', body: { note } });
export const withdrawStory = (id: string) => api(at('/api/stories', id, '/withdraw'), { method: 'POST' });
export const revokeConsent = (id: string) => api(at('/api/story-consents', id, '/revoke'), { method: 'POST' });
export const markTakenDown = (id: string) => api(at('/api/story-uses', id, '/taken-down'), { method: 'POST' });
export const storyPhotoUrl = (id: string) => at('/api/stories', id, '/photo');

export const listRequests = () => api<ApiResponse<'/api/story-requests'>>('/api/story-requests');
export const createRequest = (body: ApiBody<'/api/story-requests', 'post'>) => api<ApiResponse<'/api/story-requests', 'post'>>('/api/story-requests', { method: 'POST', body });
export const disableRequest = (id: string) => api(at('/api/story-requests', id, '/disable'), { method: 'POST' });
export const requestQrUrl = (id: string) => at('/api/story-requests', id, '/qr.svg');

import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse } from '../../lib/api-types.ts';

export type Brand = ApiResponse<'/api/brand'>['brand'];
export type BrandBody = ApiBody<'/api/brand', 'put'>;
export type Post = ApiResponse<'/api/content-posts'>['items'][number];
export type PostBody = ApiBody<'/api/content-posts', 'post'>;
export type PostPatch = ApiBody<'/api/content-posts/{id}', 'patch'>;
export type Poster = ApiResponse<'/api/posters'>['items'][number];
export type PosterBody = ApiBody<'/api/posters', 'post'>;
export type StoryOption = ApiResponse<'/api/content/stories'>['items'][number];

/** A refusal's details: each story with the rules that refuse (and warn about) its use. */
export interface Refusal {
  storyId: string;
  storyTitle: string;
  findings: { rule: string; severity: 'block' | 'warn'; law: string; text: string }[];
}

export const getBrand = () => api<ApiResponse<'/api/brand'>>('/api/brand');
export const saveBrand = (body: BrandBody) => api<ApiResponse<'/api/brand', 'put'>>('/api/brand', { method: 'PUT', body });
export const logoUrl = (version: string) => `/api/brand/logo?v=${encodeURIComponent(version)}`;

export const listPosts = (from: string, to: string) => api<ApiResponse<'/api/content-posts'>>('/api/content-posts', { query: { from, to } });
export const createPost = (body: PostBody) => api<ApiResponse<'/api/content-posts', 'post'>>('/api/content-posts', { method: 'POST', body });
export const updatePost = (id: string, body: PostPatch) => api<ApiResponse<'/api/content-posts/{id}', 'patch'>>(at('/api/content-posts', id), { method: 'PATCH', body });

export const listStoryOptions = () => api<ApiResponse<'/api/content/stories'>>('/api/content/stories');
export const listPosters = () => api<ApiResponse<'/api/posters'>>('/api/posters');
export const makePoster = (body: PosterBody) => api<ApiResponse<'/api/posters', 'post'>>('/api/posters', { method: 'POST', body });
export const posterFileUrl = (id: string, kind: 'png' | 'pdf', download = false) => at('/api/posters', id, `/${kind}${download ? '?download=1' : ''}`);

/** The preview PNG as an object URL (the caller revokes it), or the server's refusal. */
export async function previewPoster(body: PosterBody, language: string): Promise<{ url: string } | { refusal: { message: string; refusals: Refusal[] } }> {
  const csrf = document.cookie.match(/(?:^|; )verity_csrf=([^;]*)/)?.[1];
  const res = await fetch('/api/posters/preview', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': language, ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}) },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (res.ok) return { url: URL.createObjectURL(await res.blob()) };
  const error = ((await res.json().catch(() => ({}))) as { error?: { message?: string; details?: { refusals?: Refusal[] } } }).error;
  return { refusal: { message: error?.message ?? `${res.status}`, refusals: error?.details?.refusals ?? [] } };
}

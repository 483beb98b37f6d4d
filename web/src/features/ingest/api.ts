import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse } from '../../lib/api-types.ts';
import type { Credentials, CreatedSource, ImportPreview, ImportRun } from './types.ts';

export const listSources = () => api<ApiResponse<'/api/sources'>>('/api/sources');

export const createSource = (body: ApiBody<'/api/sources', 'post'>) => api<CreatedSource>('/api/sources', { method: 'POST', body });

export const rotateCredentials = (id: string) => api<Credentials>(at('/api/sources', id, '/rotate-token'), { method: 'POST' });

export const listImports = () => api<ApiResponse<'/api/imports'>>('/api/imports');

export const previewImport = (form: FormData) => api<ImportPreview>('/api/imports/preview', { method: 'POST', form });

export const startImport = (form: FormData) => api<ImportRun>('/api/imports', { method: 'POST', form });

export const getImport = (id: string) => api<ImportRun>(at('/api/imports', id));

export const setSourceDefaults = (id: string, body: ApiBody<'/api/sources/{id}/defaults', 'put'>) =>
  api<ApiResponse<'/api/sources/{id}/defaults', 'put'>>(at('/api/sources', id, '/defaults'), { method: 'PUT', body });

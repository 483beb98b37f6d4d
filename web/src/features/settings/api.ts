import { api, at } from '../../lib/api.ts';
import type { ApiResponse } from '../../lib/api-types.ts';

export const listUsers = () => api<ApiResponse<'/api/users'>>('/api/users').then((res) => res.items);

/** The users one may assign work or notifications to. */
export const listActiveUsers = () => listUsers().then((users) => users.filter((u) => !u.disabled));

/** Creates a record under a collection (POST), or changes one (PATCH). */
export const saveRecord = (endpoint: string, id: string | null, body: Record<string, unknown>) => (id ? api(at(endpoint, id), { method: 'PATCH', body }) : api(endpoint, { method: 'POST', body }));

export const deleteRecord = (endpoint: string, id: string) => api(at(endpoint, id), { method: 'DELETE' });

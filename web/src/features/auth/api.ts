import { api } from '../../lib/api.ts';
import type { ApiResponse } from '../../lib/api-types.ts';

export const me = () => api<ApiResponse<'/api/auth/me'>>('/api/auth/me');

export const login = (email: string, password: string) =>
  api<ApiResponse<'/api/auth/login', 'post'>>('/api/auth/login', { method: 'POST', body: { email, password } });

export const logout = () => api('/api/auth/logout', { method: 'POST' });

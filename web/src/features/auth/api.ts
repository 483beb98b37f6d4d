import { api } from '../../lib/api.ts';
import type { ApiResponse } from '../../lib/api-types.ts';
import type { Locale } from '../../i18n/index.tsx';

export const me = () => api<ApiResponse<'/api/auth/me'>>('/api/auth/me');

export const login = (email: string, password: string) => api<ApiResponse<'/api/auth/login', 'post'>>('/api/auth/login', { method: 'POST', body: { email, password } });

export const logout = () => api('/api/auth/logout', { method: 'POST' });

/** Stores the language the user reads Verity in: notifications and e-mails to them are written in it. */
export const saveLocale = (locale: Locale) => api<ApiResponse<'/api/auth/me', 'patch'>>('/api/auth/me', { method: 'PATCH', body: { locale } });

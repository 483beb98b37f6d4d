import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiResponse, Page } from '../../lib/api-types.ts';
import type { AlertStatus } from '../../lib/vocab.ts';
import type { Alert, AlertChannel, AppNotification, Delivery } from './types.ts';

export const listAlerts = (status: AlertStatus, cursor: string | null) => api<Page<Alert>>('/api/alerts', { query: { status, cursor } });
export const acknowledgeAlert = (id: string) => api(at('/api/alerts', id, '/acknowledge'), { method: 'POST' });

export const listRules = () => api<ApiResponse<'/api/alert-rules'>>('/api/alert-rules');
export type RuleBody = ApiBody<'/api/alert-rules', 'post'>;
export const saveRule = (id: string | null, body: RuleBody) => (id ? api(at('/api/alert-rules', id), { method: 'PATCH', body }) : api('/api/alert-rules', { method: 'POST', body }));
export const deleteRule = (id: string) => api(at('/api/alert-rules', id), { method: 'DELETE' });

export const listChannels = () => api<{ items: AlertChannel[] }>('/api/alert-channels');
export const saveChannel = (id: string | null, body: Pick<AlertChannel, 'name' | 'enabled' | 'config'> & { kind?: AlertChannel['kind'] }) =>
  id ? api(at('/api/alert-channels', id), { method: 'PATCH', body }) : api('/api/alert-channels', { method: 'POST', body });
export const deleteChannel = (id: string) => api(at('/api/alert-channels', id), { method: 'DELETE' });

export const listDeadDeliveries = () => api<{ items: Delivery[] }>('/api/deliveries', { query: { status: 'dead' } });
export const retryDelivery = (id: string) => api(at('/api/deliveries', id, '/retry'), { method: 'POST' });

export const listNotifications = () => api<{ items: AppNotification[]; unread: number }>('/api/notifications');
export const markNotificationRead = (id: string) => api(at('/api/notifications', id, '/read'), { method: 'POST' });

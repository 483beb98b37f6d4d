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
export const retryDeliveries = (ids: string[]) => api<ApiResponse<'/api/deliveries/retry', 'post'>>('/api/deliveries/retry', { method: 'POST', body: { ids } });
export const dismissDeliveries = (ids: string[]) => api<ApiResponse<'/api/deliveries/dismiss', 'post'>>('/api/deliveries/dismiss', { method: 'POST', body: { ids } });

export const listOutbox = (page: number) => api<ApiResponse<'/api/mail-outbox'>>('/api/mail-outbox', { query: { page } });
export const getOutboxMail = (id: string) => api<ApiResponse<'/api/mail-outbox/{id}'>>(at('/api/mail-outbox', id));

export const listNotifications = () => api<{ items: AppNotification[]; unread: number }>('/api/notifications');
export const markNotificationRead = (id: string) => api(at('/api/notifications', id, '/read'), { method: 'POST' });

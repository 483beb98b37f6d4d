import { api, at, withQuery } from '../../lib/api.ts';
import type { ApiBody, ApiItem, ApiResponse } from '../../lib/api-types.ts';

export type Plan = ApiItem<'/api/followups/plans'>;
export type Task = ApiItem<'/api/followups/tasks'>;
export type Enrolment = ApiItem<'/api/followups/enrolments'>;
export type EnrolmentDetail = ApiResponse<'/api/followups/enrolments/{id}'>;
export type NewEnrolment = ApiBody<'/api/followups/enrolments', 'post'>;
export type PlanChange = ApiBody<'/api/followups/plans/{id}', 'patch'>;
export type TaskFilter = 'today' | 'overdue' | 'urgent' | 'mine' | 'open' | 'done';

const base = '/api/followups';

export const listPlans = () => api<{ items: Plan[] }>(`${base}/plans`).then((r) => r.items);
export const addDefaultPlans = () => api<{ items: Plan[] }>(`${base}/plans/defaults`, { method: 'POST', body: {} }).then((r) => r.items);
export const getPlan = (id: string) => api<{ plan: Plan }>(at(`${base}/plans`, id)).then((r) => r.plan);
export const updatePlan = (id: string, body: PlanChange) => api<{ plan: Plan }>(at(`${base}/plans`, id), { method: 'PATCH', body }).then((r) => r.plan);
export const copyPlan = (id: string) => api<{ plan: Plan }>(at(`${base}/plans`, id, '/copy'), { method: 'POST', body: {} }).then((r) => r.plan);
export const planQr = (id: string) => at(`${base}/plans`, id, '/qr.svg');

export const listTasks = (filter: TaskFilter, planId: string) => api<{ items: Task[] }>(withQuery(`${base}/tasks`, { filter, planId: planId || undefined })).then((r) => r.items);
export const completeTask = (id: string, note: string) => api(at(`${base}/tasks`, id, '/complete'), { method: 'POST', body: { note } });

export const listEnrolments = (planId: string) => api<{ items: Enrolment[] }>(withQuery(`${base}/enrolments`, { planId: planId || undefined })).then((r) => r.items);
export const enrol = (body: NewEnrolment) => api<{ enrolment: Enrolment; portalUrl: string }>(`${base}/enrolments`, { method: 'POST', body });
export const getEnrolment = (id: string) => api<EnrolmentDetail>(at(`${base}/enrolments`, id));
export const withdraw = (id: string) => api(at(`${base}/enrolments`, id, '/withdraw'), { method: 'POST', body: {} });
export const renewLink = (id: string) => api<{ url: string; expiresAt: string }>(at(`${base}/enrolments`, id, '/renew-link'), { method: 'POST', body: {} });
export const answerQuestion = (id: string, answer: string) => api(at(`${base}/questions`, id, '/answer'), { method: 'POST', body: { answer } });
export const photoUrl = (id: string) => at(`${base}/photos`, id);

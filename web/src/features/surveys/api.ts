import { api, at } from '../../lib/api.ts';
import type { ApiBody, ApiItem, ApiResponse } from '../../lib/api-types.ts';
import type { SurveyStatus, SurveyTemplate } from '../../lib/vocab.ts';

export type SurveySummary = ApiItem<'/api/surveys'>;
export type Survey = ApiResponse<'/api/surveys/{id}'>['survey'];
export type SurveyLink = ApiItem<'/api/surveys/{id}/links'>;
export type Template = ApiItem<'/api/survey-templates'>;
export type ReviewLink = ApiResponse<'/api/survey-settings'>['reviewLinks'][number];
export type NewLink = ApiBody<'/api/surveys/{id}/links', 'post'>;

const surveys = '/api/surveys';

export const listSurveys = () => api<{ items: SurveySummary[] }>(surveys).then((r) => r.items);
export const listTemplates = () => api<{ items: Template[] }>('/api/survey-templates').then((r) => r.items);
export const createSurvey = (template: SurveyTemplate, name?: string) => api<{ survey: Survey }>(surveys, { method: 'POST', body: { template, ...(name ? { name } : {}) } }).then((r) => r.survey);
export const getSurvey = (id: string) => api<{ survey: Survey }>(at(surveys, id)).then((r) => r.survey);
export const updateSurvey = (id: string, body: { name?: string; status?: SurveyStatus }) => api<{ survey: Survey }>(at(surveys, id), { method: 'PATCH', body }).then((r) => r.survey);
export const copySurvey = (id: string) => api<{ survey: Survey }>(at(surveys, id, '/copy'), { method: 'POST', body: {} }).then((r) => r.survey);
export const saveVersion = (id: string, definition: unknown) => api<{ survey: Survey }>(at(surveys, id, '/versions'), { method: 'POST', body: { definition } }).then((r) => r.survey);

export const listLinks = (id: string) => api<{ items: SurveyLink[] }>(at(surveys, id, '/links')).then((r) => r.items);
export const createLink = (id: string, body: NewLink) => api<{ link: SurveyLink }>(at(surveys, id, '/links'), { method: 'POST', body }).then((r) => r.link);
export const disableLink = (linkId: string) => api<{ link: SurveyLink }>(at('/api/survey-links', linkId, '/disable'), { method: 'POST' }).then((r) => r.link);
/** Where the browser downloads a link's QR code or card (same-origin GETs with the session cookie). */
export const linkFile = (linkId: string, file: 'qr.png' | 'qr.svg' | 'card.pdf') => at('/api/survey-links', linkId, `/${file}`);

export const getReviewLinks = () => api<{ reviewLinks: ReviewLink[] }>('/api/survey-settings').then((r) => r.reviewLinks);
export const saveReviewLinks = (reviewLinks: ReviewLink[]) => api<{ reviewLinks: ReviewLink[] }>('/api/survey-settings', { method: 'PUT', body: { reviewLinks } }).then((r) => r.reviewLinks);

// What other features may use of surveys: their API shapes.
export type { Survey, SurveyLink, SurveySummary } from './api.ts';

import { defineFeature } from '../../core/feature.ts';
import { surveyReportsRoutes } from './survey-reports.routes.ts';

/**
 * A read-side view over the surveys, outreach and responses tables: NPS, CSAT, FFT, communication
 * per doctor and department, response rates, trends and the fair-asking report. It reads
 * SURVEYS' `surveys.read` and owns no tables.
 */
export const surveyReportsView = defineFeature({ name: 'survey-reports', routes: [surveyReportsRoutes], jobs: [], permissions: {} });

export { MIN_ANSWERS, npsFigure, wilson } from './survey-stats.ts';
export { inPeriod, resolvePeriod, type Period } from './period.ts';
export { communicationReport } from './communication.ts';

import { defineFeature } from '../core/feature.ts';
import { publicSurveyRoutes } from './public/index.ts';
import { surveyLinkRoutes } from './survey-links.routes.ts';
import { surveysPermissions } from './surveys.permissions.ts';
import { surveyRoutes } from './surveys.routes.ts';

/** Surveys: templates, the builder with versions, links and QR codes, printable cards, review-link settings. */
export const surveysFeature = defineFeature({ name: 'surveys', routes: [surveyRoutes, surveyLinkRoutes, publicSurveyRoutes], jobs: [], permissions: surveysPermissions });

// What outreach, follow-ups, reports, the public page and the demo use.
export { createSurveyFromTemplate, copySurvey } from './create-survey.ts';
export { createSurveyLink, newLinkToken, type CreateLinkInput } from './survey-links.ts';
export { getSurveySettings, type ReviewLinkType } from './survey-settings.ts';
export { surveyUrl } from './surveys.queries.ts';
export { FFT_ANSWER_VALUES, FFT_QUESTION_EN, FFT_SCALE_EN, templateDefinition } from './templates/index.ts';
export { parseDefinition } from './validate-definition.ts';

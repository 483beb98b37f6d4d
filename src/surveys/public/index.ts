/** The public survey a patient answers (`/s/:token`): listed in the surveys feature's routes. */
export { publicSurveyRoutes } from './public-survey.routes.ts';
export { submitResponse, SURVEY_SOURCE_NAME } from './submit-response.ts';
export { bandOf, scoresOf } from './answers.ts';

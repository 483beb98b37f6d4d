/**
 * The vocabulary of surveys: question types, survey and response states, what a link is for.
 * Pure (no zod, no database, no Node APIs): the web and the public page import it too.
 */

/**
 * Question types. `communication` is the four-dimension rating (listening/empathy, clarity, shared
 * decisions, privacy; see COMMUNICATION_DIMENSIONS); `fft` is the NHS Friends and Family Test's
 * five-point scale; `contact_consent` is "may we contact you" with the respondent's details.
 */
export const QUESTION_TYPES = ['nps', 'csat', 'fft', 'communication', 'waiting_time', 'single_choice', 'multiple_choice', 'free_text', 'contact_consent'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The four communication dimensions and the CG-CAHPS item each maps to. */
export const COMMUNICATION_DIMENSIONS = ['listening', 'clarity', 'shared_decisions', 'privacy'] as const;
export type CommunicationDimension = (typeof COMMUNICATION_DIMENSIONS)[number];

export const SURVEY_STATUSES = ['draft', 'active', 'archived'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** The built-in templates a survey can be copied from. */
export const SURVEY_TEMPLATES = ['nps_why', 'fft', 'outpatient', 'inpatient_discharge'] as const;
export type SurveyTemplate = (typeof SURVEY_TEMPLATES)[number];

/** What a link or QR code is attached to; a response inherits its location, department and doctor. */
export const LINK_SCOPES = ['organisation', 'location', 'department', 'staff', 'visit'] as const;
export type LinkScope = (typeof LINK_SCOPES)[number];

/** draft: started and saved (resumable); submitted: stored once, never again. */
export const RESPONSE_STATUSES = ['draft', 'submitted'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/**
 * A response's score band, from its headline question: NPS 0–6 / 7–8 / 9–10, CSAT 1–2 / 3 / 4–5,
 * FFT poor or very poor / neither / good or very good; `none` when it has no score. `low` opens a
 * general case. The fair-asking report counts by band; nothing else may depend on it.
 */
export const SCORE_BANDS = ['low', 'neutral', 'high', 'none'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** How a case can be asked for by the source of a mention (a low survey score asks for a general one). */
export const CASE_REQUESTS = ['general'] as const;
export type CaseRequest = (typeof CASE_REQUESTS)[number];

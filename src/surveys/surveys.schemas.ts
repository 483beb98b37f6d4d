import { z } from 'zod';
import { LOCALES } from '../core/i18n.ts';
import { LINK_SCOPES, SURVEY_STATUSES, SURVEY_TEMPLATES } from './surveys.vocab.ts';

/** A survey in the list: its state and how many answers and links it has. */
export const SurveySummaryView = z.object({
  id: z.uuid(),
  name: z.string(),
  template: z.enum(SURVEY_TEMPLATES).nullable(),
  status: z.enum(SURVEY_STATUSES),
  currentVersion: z.number().int(),
  responseCount: z.number().int(),
  linkCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** One version as stored: never changed after it is saved; responses keep the version they answered. */
export const SurveyVersionView = z.object({
  version: z.number().int(),
  /** The definition (src/surveys/survey-definition.ts), as saved. */
  definition: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  createdBy: z.string().nullable(),
  responseCount: z.number().int(),
});

export const SurveyView = SurveySummaryView.extend({
  /** The current version's definition. */
  definition: z.record(z.string(), z.unknown()),
  /** Every version, newest first. */
  versions: z.array(SurveyVersionView),
});
export type SurveyViewType = z.infer<typeof SurveyView>;

export const SurveyResponse = z.object({ survey: SurveyView });

export const CreateSurveyBody = z.object({
  template: z.enum(SURVEY_TEMPLATES),
  name: z.string().trim().min(1).max(200).optional(),
  /** Active at once (default: a draft to review in the builder first). */
  activate: z.boolean().optional(),
});
export const CopySurveyBody = z.object({ name: z.string().trim().min(1).max(200).optional() });
/** The definition is checked by parseDefinition, whose errors name the page, question and field. */
export const SaveVersionBody = z.object({ definition: z.unknown() });
export const UpdateSurveyBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), status: z.enum(SURVEY_STATUSES).optional() })
  .refine((b) => b.name !== undefined || b.status !== undefined, { message: 'send a name or a status' });

export const SurveyLinkView = z.object({
  id: z.uuid(),
  surveyId: z.uuid(),
  token: z.string(),
  url: z.string(),
  scope: z.enum(LINK_SCOPES),
  locationId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  staffId: z.uuid().nullable(),
  visitId: z.uuid().nullable(),
  /** The label given, else the name of what the link is for (location, department, doctor). */
  label: z.string(),
  locale: z.enum(LOCALES).nullable(),
  disabledAt: z.date().nullable(),
  createdAt: z.date(),
  responseCount: z.number().int(),
});
export type SurveyLinkViewType = z.infer<typeof SurveyLinkView>;

export const CreateLinkBody = z.object({
  scope: z.enum(LINK_SCOPES),
  locationId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  staffId: z.uuid().optional(),
  visitId: z.uuid().optional(),
  label: z.string().trim().max(200).optional(),
  locale: z.enum(LOCALES).nullable().optional(),
});

export const MAX_REVIEW_LINKS = 6;
export const ReviewLink = z.object({
  label: z.string().trim().min(1).max(80),
  url: z
    .url({ message: 'url must be an https address' })
    .max(1000)
    .refine((u) => u.startsWith('https://'), { message: 'url must be an https address' }),
});
export const SurveySettingsView = z.object({ reviewLinks: z.array(ReviewLink) });
export const SurveySettingsBody = z.object({ reviewLinks: z.array(ReviewLink) });

export const TemplateView = z.object({ template: z.enum(SURVEY_TEMPLATES), name: z.string(), definition: z.record(z.string(), z.unknown()) });

import { z } from 'zod';
import { LOCALES, type Locale } from '../core/i18n.ts';
import { COMMUNICATION_DIMENSIONS, QUESTION_TYPES, type CommunicationDimension, type QuestionType } from './surveys.vocab.ts';

/**
 * What a survey version asks, stored as `survey_versions.definition`: pages of questions, every
 * text in one or more of the three languages. The builder, the public page, the submission and the
 * reports all read this one shape; an answer records the version whose definition it answered.
 */

/** A text in the languages it was written in (at least one); the page falls back en → any. */
export const LocalText = z
  .object({ en: z.string().trim().min(1).max(2000).optional(), ru: z.string().trim().min(1).max(2000).optional(), 'zh-CN': z.string().trim().min(1).max(2000).optional() })
  .strict()
  .refine((t) => LOCALES.some((l) => t[l] !== undefined), { message: 'a text needs at least one language' });
export type LocalTextType = z.infer<typeof LocalText>;

export const ChoiceOption = z.object({ id: z.string().regex(/^[a-z0-9_]{1,40}$/), text: LocalText }).strict();

export const Question = z
  .object({
    /** Stable within a survey across versions, so reports can follow a question (`[a-z0-9_]`). */
    id: z.string().regex(/^[a-z0-9_]{1,40}$/),
    type: z.enum(QUESTION_TYPES),
    text: LocalText,
    help: LocalText.optional(),
    required: z.boolean().default(false),
    /** single_choice, multiple_choice and waiting_time: the choices, in order. */
    options: z.array(ChoiceOption).max(30).optional(),
  })
  .strict();
export type QuestionDef = z.infer<typeof Question>;

export const SurveyDefinition = z
  .object({
    /** Shown above the first page (the clinic's greeting, what the survey is for). */
    intro: LocalText.optional(),
    pages: z
      .array(z.object({ title: LocalText.optional(), questions: z.array(Question).min(1).max(40) }).strict())
      .min(1)
      .max(10),
    /** Shown after submitting, the same for every respondent, above the review links. */
    thanks: LocalText.optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const ids = d.pages.flatMap((p) => p.questions.map((q) => q.id));
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `question id "${id}" is used twice` });
      seen.add(id);
    }
    for (const q of d.pages.flatMap((p) => p.questions))
      if ((q.type === 'single_choice' || q.type === 'multiple_choice') && !(q.options && q.options.length >= 2))
        ctx.addIssue({ code: 'custom', message: `question "${q.id}" needs at least two options` });
  });
export type SurveyDefinitionType = z.infer<typeof SurveyDefinition>;

/**
 * The answer each question type takes (`survey_responses.answers[questionId]`):
 * - nps: integer 0–10; csat: integer 1–5 (very dissatisfied … very satisfied);
 * - fft: integer 1–5 (very poor … very good) or null for "Don't know";
 * - communication: { listening, clarity, shared_decisions, privacy }, each 1–4 (Never, Sometimes,
 *   Usually, Always: the CG-CAHPS answer scale; see COMMUNICATION_CAHPS_ITEMS);
 * - waiting_time and single_choice: an option id; multiple_choice: option ids;
 * - free_text: up to 4,000 characters; contact_consent: { ok, name?, phone?, email? }.
 */
export type Answer = number | null | string | string[] | Partial<Record<CommunicationDimension, number>> | { ok: boolean; name?: string; phone?: string; email?: string };
export type Answers = Record<string, Answer>;

/** The CG-CAHPS item each communication dimension is reported against. */
export const COMMUNICATION_CAHPS_ITEMS: Record<CommunicationDimension, string> = {
  listening: 'listened carefully',
  clarity: 'explained things clearly',
  shared_decisions: 'spent enough time',
  privacy: 'showed respect',
};

/** The question types that carry a headline score (the first one found decides a response's band). */
export const SCORED_TYPES: readonly QuestionType[] = ['nps', 'csat', 'fft'];

/** The text in `locale`, else English, else the first language it has. */
export function localText(text: LocalTextType | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] ?? text.en ?? text.ru ?? text['zh-CN'] ?? '';
}

export { COMMUNICATION_DIMENSIONS };

import { badRequest } from '../core/errors.ts';
import type { Text } from '../core/i18n.ts';
import { SurveyDefinition, type SurveyDefinitionType } from './survey-definition.ts';
import { surveysMessages } from './surveys.messages.ts';

type Issue = { where: Text | string; problem: Text | string };

/** Where a zod path points: "page 1, question 2 ("wait")" plus the field inside it, or the path as written. */
function placeOf(raw: unknown, path: readonly PropertyKey[]): { where: Text | string; rest: string } {
  const [p0, pi, q0, qi, ...rest] = path;
  if (p0 === 'pages' && typeof pi === 'number') {
    const page = (raw as { pages?: { questions?: { id?: unknown }[] }[] })?.pages?.[pi];
    if (q0 === 'questions' && typeof qi === 'number') {
      const id = page?.questions?.[qi]?.id;
      return { where: surveysMessages.text('questionAt', { page: pi + 1, question: qi + 1, id: typeof id === 'string' ? id : '?' }), rest: rest.join('.') };
    }
    return { where: surveysMessages.text('pageAt', { page: pi + 1 }), rest: [q0, qi, ...rest].filter((x) => x !== undefined).join('.') };
  }
  return { where: path.join('.') || 'definition', rest: '' };
}

/**
 * Parses a survey definition as the builder saves it, with errors that name the page, the question
 * (its number and id) and the field: `page 2, question 1 ("waiting"): options: a waiting_time
 * question needs at least two options`. Beyond SurveyDefinition: waiting-time questions need
 * options too, and option ids are unique within a question.
 */
export function parseDefinition(raw: unknown): SurveyDefinitionType {
  const issues: Issue[] = [];
  const parsed = SurveyDefinition.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 8)) {
      const { where, rest } = placeOf(raw, issue.path);
      issues.push({ where, problem: rest ? `${rest}: ${issue.message}` : issue.message });
    }
  } else {
    parsed.data.pages.forEach((page, pi) =>
      page.questions.forEach((q, qi) => {
        const where = surveysMessages.text('questionAt', { page: pi + 1, question: qi + 1, id: q.id });
        if ((q.type === 'waiting_time' || q.type === 'single_choice' || q.type === 'multiple_choice') && (q.options?.length ?? 0) < 2) {
          issues.push({ where, problem: surveysMessages.text('needsOptions', { type: q.type }) });
        }
        const seen = new Set<string>();
        for (const o of q.options ?? []) {
          if (seen.has(o.id)) issues.push({ where, problem: surveysMessages.text('optionTwice', { option: o.id }) });
          seen.add(o.id);
        }
      }),
    );
  }
  if (!issues.length && parsed.success) return parsed.data;
  const list = issues.map((i) => surveysMessages.text('issueAt', { where: i.where, problem: i.problem }));
  throw badRequest(surveysMessages.text('invalidDefinition', { issues: joinTexts(list) }), {
    issues: issues.map((i) => ({ where: typeof i.where === 'string' ? i.where : i.where.params, problem: typeof i.problem === 'string' ? i.problem : i.problem.code })),
  });
}

/** Several texts as one parameter: "a; b; c" (each rendered in the reader's language). */
function joinTexts(list: Text[]): Text | string {
  return list.reduce<Text | string>((acc, t) => (acc === '' ? t : surveysMessages.text('joined', { first: acc, rest: t })), '');
}

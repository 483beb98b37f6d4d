import type { Locale } from '../../i18n/index.tsx';
import type { QuestionType } from '../../lib/vocab.ts';

/**
 * The builder's copy of a survey definition (the server's SurveyDefinition in
 * src/surveys/survey-definition.ts checks it on save and names what is wrong), and pure edits of it.
 */
export type LocalText = Partial<Record<Locale, string>>;
export interface ChoiceOption {
  id: string;
  text: LocalText;
}
export interface Question {
  id: string;
  type: QuestionType;
  text: LocalText;
  help?: LocalText;
  required: boolean;
  options?: ChoiceOption[];
}
export interface Page {
  title?: LocalText;
  questions: Question[];
}
export interface Definition {
  intro?: LocalText;
  pages: Page[];
  thanks?: LocalText;
}

/** Question types whose options are edited in the builder. */
export const WITH_OPTIONS: readonly QuestionType[] = ['single_choice', 'multiple_choice', 'waiting_time', 'fft', 'communication'];
/** Types whose options the builder offers to add to and remove from (fft and communication keep their fixed ids). */
export const OPEN_OPTIONS: readonly QuestionType[] = ['single_choice', 'multiple_choice', 'waiting_time'];

/** A text with one language set (an empty value removes that language). */
export function withText(text: LocalText | undefined, locale: Locale, value: string): LocalText {
  const next = { ...text };
  if (value.trim() === '') delete next[locale];
  else next[locale] = value;
  return next;
}

/** Drops empty optional texts so the saved definition stays valid (an intro with no language is left out). */
export function cleaned(def: Definition): Definition {
  const some = (t?: LocalText) => (t && Object.values(t).some((v) => v && v.trim()) ? t : undefined);
  return {
    ...(some(def.intro) ? { intro: def.intro } : {}),
    pages: def.pages.map((p) => ({
      ...(some(p.title) ? { title: p.title } : {}),
      questions: p.questions.map((q) => {
        const { help, options, ...rest } = q;
        return { ...rest, ...(some(help) ? { help } : {}), ...(options && WITH_OPTIONS.includes(q.type) ? { options } : {}) };
      }),
    })),
    ...(some(def.thanks) ? { thanks: def.thanks } : {}),
  };
}

/** A question id not used yet in the survey: q1, q2… */
export function freshId(def: Definition, prefix = 'q'): string {
  const used = new Set(def.pages.flatMap((p) => p.questions.map((q) => q.id)));
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** A new question of a type, with two empty options where the type has choices. */
export function newQuestion(def: Definition, type: QuestionType): Question {
  const q: Question = { id: freshId(def), type, text: {}, required: false };
  if (OPEN_OPTIONS.includes(type))
    q.options = [
      { id: 'a', text: {} },
      { id: 'b', text: {} },
    ];
  if (type === 'communication') q.options = ['listening', 'clarity', 'shared_decisions', 'privacy'].map((id) => ({ id, text: {} }));
  return q;
}

import type { Locale, Text } from '../../core/i18n.ts';
import { localText, type Answer, type Answers, type QuestionDef, type SurveyDefinitionType } from '../survey-definition.ts';
import { COMMUNICATION_DIMENSIONS, type ScoreBand } from '../surveys.vocab.ts';
import { publicSurveyMessages as t } from './public-survey.messages.ts';

/**
 * Reading a page of the public survey's form: each question's fields (`q.<id>`, and
 * `q.<id>.<part>` for the four-dimension rating and the contact consent) become its answer, and
 * what is wrong becomes a message naming the question in the patient's language. What the patient
 * typed stays in `form` so a page with an error comes back exactly as they left it.
 */

export const FREE_TEXT_MAX = 4000;
export const CONTACT_MAX = 200;

/** The form's raw values by field name (what the page re-renders). */
export type FormValues = Record<string, string | string[]>;

export interface Contact {
  ok: boolean;
  name: string | null;
  phone: string | null;
  email: string | null;
}

export interface PageErrors {
  /** The question id (or `<id>.contact`) and its message. */
  [field: string]: Text;
}

export interface ParsedPage {
  answers: Answers;
  /** Question ids of this page the patient left empty (removed from the stored answers). */
  cleared: string[];
  contact: Contact | null;
  errors: PageErrors;
  form: FormValues;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{5,30}$/;

function one(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : '';
  return typeof v === 'string' ? v : '';
}

function many(body: Record<string, unknown>, name: string): string[] {
  const v = body[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' && v !== '' ? [v] : [];
}

function integerIn(raw: string, min: number, max: number): number | null | undefined {
  if (raw === '') return undefined;
  if (!/^\d{1,2}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** Parses the fields of one page's questions; a question left empty is not an answer (an error when required). */
export function parsePage(questions: readonly QuestionDef[], body: Record<string, unknown>, locale: Locale): ParsedPage {
  const answers: Answers = {};
  const cleared: string[] = [];
  const errors: PageErrors = {};
  const form: FormValues = {};
  let contact: Contact | null = null;
  for (const q of questions) {
    const name = `q.${q.id}`;
    const question = localText(q.text, locale);
    const invalid = () => (errors[q.id] = t.text('error.invalid', { question }));
    const missing = () => {
      cleared.push(q.id);
      if (q.required) errors[q.id] = t.text('error.required', { question });
    };
    const scale = (min: number, max: number) => {
      const raw = one(body, name);
      form[name] = raw;
      const n = integerIn(raw, min, max);
      if (n === undefined) missing();
      else if (n === null) invalid();
      else answers[q.id] = n;
    };
    switch (q.type) {
      case 'nps':
        scale(0, 10);
        break;
      case 'csat':
        scale(1, 5);
        break;
      case 'fft': {
        const raw = one(body, name);
        form[name] = raw;
        if (raw === 'dk') answers[q.id] = null;
        else {
          const n = integerIn(raw, 1, 5);
          if (n === undefined) missing();
          else if (n === null) invalid();
          else answers[q.id] = n;
        }
        break;
      }
      case 'communication': {
        const rating: Record<string, number> = {};
        let bad = false;
        for (const d of COMMUNICATION_DIMENSIONS) {
          const raw = one(body, `${name}.${d}`);
          form[`${name}.${d}`] = raw;
          const n = integerIn(raw, 1, 4);
          if (n === null) bad = true;
          else if (n !== undefined) rating[d] = n;
        }
        const given = Object.keys(rating).length;
        if (bad) invalid();
        else if (given === 0) missing();
        else if (q.required && given < COMMUNICATION_DIMENSIONS.length) errors[q.id] = t.text('error.required', { question });
        else answers[q.id] = rating;
        break;
      }
      case 'waiting_time':
      case 'single_choice': {
        const raw = one(body, name);
        form[name] = raw;
        if (raw === '') missing();
        else if (!q.options?.some((o) => o.id === raw)) invalid();
        else answers[q.id] = raw;
        break;
      }
      case 'multiple_choice': {
        const raw = many(body, name);
        form[name] = raw;
        if (raw.length === 0) missing();
        else if (!raw.every((id) => q.options?.some((o) => o.id === id))) invalid();
        else answers[q.id] = [...new Set(raw)];
        break;
      }
      case 'free_text': {
        const raw = one(body, name);
        form[name] = raw;
        const text = raw.trim();
        const length = [...text].length;
        if (text === '') missing();
        else if (length > FREE_TEXT_MAX) errors[q.id] = t.text('error.tooLong', { question, max: FREE_TEXT_MAX, length });
        else answers[q.id] = text;
        break;
      }
      case 'contact_consent': {
        const ok = one(body, `${name}.ok`) === 'yes';
        const fields = { name: one(body, `${name}.name`).trim(), phone: one(body, `${name}.phone`).trim(), email: one(body, `${name}.email`).trim() };
        form[`${name}.ok`] = ok ? 'yes' : '';
        form[`${name}.name`] = fields.name;
        form[`${name}.phone`] = fields.phone;
        form[`${name}.email`] = fields.email;
        if (!ok) {
          // Without the tick nothing typed into the fields is kept.
          // An unticked box is no answer (a form cannot tell "no" from "skipped").
          contact = { ok: false, name: null, phone: null, email: null };
          missing();
          break;
        }
        if (Object.values(fields).some((v) => v.length > CONTACT_MAX)) errors[q.id] = t.text('error.contactTooLong', { max: CONTACT_MAX });
        else if (!fields.phone && !fields.email) errors[q.id] = t.text('error.contactMissing');
        else if (fields.email && !EMAIL.test(fields.email)) errors[q.id] = t.text('error.email', { value: fields.email });
        else if (fields.phone && !PHONE.test(fields.phone)) errors[q.id] = t.text('error.phone', { value: fields.phone });
        else {
          contact = { ok: true, name: fields.name || null, phone: fields.phone || null, email: fields.email || null };
          answers[q.id] = { ok: true };
        }
        break;
      }
    }
  }
  return { answers, cleared, contact, errors, form };
}

/** The stored answers of some questions as the form's values (a resumed draft, a page gone back to). */
export function answersToForm(questions: readonly QuestionDef[], answers: Answers, contact: Contact | null): FormValues {
  const form: FormValues = {};
  for (const q of questions) {
    const name = `q.${q.id}`;
    const a: Answer | undefined = answers[q.id];
    if (q.type === 'communication') {
      const rating = (a ?? {}) as Record<string, number>;
      for (const d of COMMUNICATION_DIMENSIONS) form[`${name}.${d}`] = rating[d] === undefined ? '' : String(rating[d]);
    } else if (q.type === 'contact_consent') {
      form[`${name}.ok`] = contact?.ok ? 'yes' : '';
      form[`${name}.name`] = contact?.name ?? '';
      form[`${name}.phone`] = contact?.phone ?? '';
      form[`${name}.email`] = contact?.email ?? '';
    } else if (q.type === 'multiple_choice') form[name] = Array.isArray(a) ? a : [];
    else if (q.type === 'fft' && a === null) form[name] = 'dk';
    else form[name] = a === undefined || a === null ? '' : String(a);
  }
  return form;
}

/**
 * The first earlier page with a required question the answers leave open (a page skipped by
 * resuming, or a form posted straight to the last page), and its errors; null when none.
 */
export function firstPageMissing(definition: SurveyDefinitionType, answers: Answers, before: number, locale: Locale): { page: number; errors: PageErrors } | null {
  for (let page = 0; page < before; page++) {
    const errors: PageErrors = {};
    for (const q of definition.pages[page]!.questions) if (q.required && !(q.id in answers)) errors[q.id] = t.text('error.required', { question: localText(q.text, locale) });
    if (Object.keys(errors).length) return { page, errors };
  }
  return null;
}

export interface Scores {
  nps: number | null;
  csat: number | null;
  fft: number | null;
  band: ScoreBand;
  /** The headline: the first scored question (in the survey's order) that has a score. */
  headline: { type: 'nps' | 'csat' | 'fft'; score: number } | null;
}

/** The band of a headline score (SCORE_BANDS): NPS 0–6 / 7–8 / 9–10, CSAT 1–2 / 3 / 4–5, FFT very poor–poor / neither / good–very good. */
export function bandOf(type: 'nps' | 'csat' | 'fft', score: number): ScoreBand {
  if (type === 'nps') return score <= 6 ? 'low' : score <= 8 ? 'neutral' : 'high';
  return score <= 2 ? 'low' : score === 3 ? 'neutral' : 'high';
}

/** A response's scores: the first NPS, CSAT and FFT answers, and the band of the headline one. */
export function scoresOf(definition: SurveyDefinitionType, answers: Answers): Scores {
  const scores: Scores = { nps: null, csat: null, fft: null, band: 'none', headline: null };
  for (const q of definition.pages.flatMap((p) => p.questions)) {
    if (q.type !== 'nps' && q.type !== 'csat' && q.type !== 'fft') continue;
    const a = answers[q.id];
    if (typeof a !== 'number') continue;
    if (scores[q.type] === null) scores[q.type] = a;
    if (!scores.headline) scores.headline = { type: q.type, score: a };
  }
  if (scores.headline) scores.band = bandOf(scores.headline.type, scores.headline.score);
  return scores;
}

/**
 * The text of the mention a response becomes: the free-text answers, or when there are none, the
 * headline score in the response's language, so the mention reads as something in the inbox.
 */
export function mentionText(definition: SurveyDefinitionType, answers: Answers, scores: Scores, locale: Locale): { text: string; written: boolean } {
  const texts = definition.pages
    .flatMap((p) => p.questions)
    .filter((q) => q.type === 'free_text')
    .map((q) => answers[q.id])
    .filter((a): a is string => typeof a === 'string' && a.trim() !== '');
  if (texts.length) return { text: texts.join('\n\n'), written: true };
  const h = scores.headline;
  if (!h) return { text: t.render(locale, 'summary.none'), written: false };
  if (h.type === 'nps') return { text: t.render(locale, 'summary.nps', { score: h.score }), written: false };
  if (h.type === 'csat') return { text: t.render(locale, 'summary.csat', { score: h.score, label: t.render(locale, `csat.${h.score as 1 | 2 | 3 | 4 | 5}`) }), written: false };
  return { text: t.render(locale, 'summary.fft', { label: t.render(locale, `fft.${h.score as 1 | 2 | 3 | 4 | 5}`) }), written: false };
}

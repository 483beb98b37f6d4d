import { renderText, type Locale, type Text } from '../../core/i18n.ts';
import { html as h, renderPublicPage, type SafeHtml } from '../../core/public-page.ts';
import { localText, type QuestionDef, type SurveyDefinitionType } from '../survey-definition.ts';
import { COMMUNICATION_DIMENSIONS } from '../surveys.vocab.ts';
import { FREE_TEXT_MAX, CONTACT_MAX, type FormValues, type PageErrors } from './answers.ts';
import { publicSurveyMessages as t } from './public-survey.messages.ts';

/**
 * The public survey's pages as HTML: one page of questions as a plain form (every input labelled,
 * a fieldset and legend per question, big radio scales), the thank-you page and the page for a
 * link that does not work. Every text a patient or staff wrote is escaped by `h`.
 */

export interface SurveyPageView {
  locale: Locale;
  orgName: string;
  token: string;
  responseToken: string;
  definition: SurveyDefinitionType;
  page: number;
  form: FormValues;
  errors: PageErrors;
  resumed?: boolean;
}

const value = (form: FormValues, name: string): string => {
  const v = form[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
const checked = (on: boolean) => (on ? h` checked` : null);

function radio(name: string, id: string, v: string, label: string | SafeHtml, form: FormValues, describedBy: string | null) {
  const described = describedBy ? h` aria-describedby="${describedBy}"` : null;
  return h`<label for="${id}"><input type="radio" id="${id}" name="${name}" value="${v}"${checked(value(form, name) === v)}${described} />${label}</label>`;
}

function scale(q: QuestionDef, locale: Locale, form: FormValues, describedBy: string | null): SafeHtml {
  const name = `q.${q.id}`;
  if (q.type === 'nps') {
    const options = Array.from({ length: 11 }, (_, n) => radio(name, `${name}-${n}`, String(n), String(n), form, describedBy));
    // The question's own help usually names the ends already.
    const ends = q.help ? null : h`<div class="scale-ends" aria-hidden="true"><span>${t.render(locale, 'nps.low')}</span><span>${t.render(locale, 'nps.high')}</span></div>`;
    return h`<div class="choices scale">${options}</div>${ends}`;
  }
  if (q.type === 'csat') {
    const options = ([1, 2, 3, 4, 5] as const).map((n) => radio(name, `${name}-${n}`, String(n), h`${n} · ${t.render(locale, `csat.${n}`)}`, form, describedBy));
    return h`<div class="choices stack">${options}</div>`;
  }
  const fft = ([5, 4, 3, 2, 1] as const).map((n) => radio(name, `${name}-${n}`, String(n), t.render(locale, `fft.${n}`), form, describedBy));
  return h`<div class="choices stack">${fft}${radio(name, `${name}-dk`, 'dk', t.render(locale, 'fft.dk'), form, describedBy)}</div>`;
}

function questionBody(q: QuestionDef, locale: Locale, form: FormValues, describedBy: string | null): SafeHtml {
  const name = `q.${q.id}`;
  switch (q.type) {
    case 'nps':
    case 'csat':
    case 'fft':
      return scale(q, locale, form, describedBy);
    case 'communication':
      return h`${COMMUNICATION_DIMENSIONS.map((d) => {
        const row = `${name}.${d}`;
        const options = ([1, 2, 3, 4] as const).map((n) => radio(row, `${row}-${n}`, String(n), t.render(locale, `communication.${n}`), form, null));
        return h`<fieldset class="row">
          <legend>${t.render(locale, `communication.${d}`)}</legend>
          <div class="choices">${options}</div>
        </fieldset>`;
      })}`;
    case 'waiting_time':
    case 'single_choice':
      return h`<div class="choices stack">${(q.options ?? []).map((o) => radio(name, `${name}-${o.id}`, o.id, localText(o.text, locale), form, describedBy))}</div>`;
    case 'multiple_choice': {
      const picked = new Set(Array.isArray(form[name]) ? form[name] : [value(form, name)]);
      return h`<div class="choices stack">
        ${(q.options ?? []).map(
          (o) => h`<label for="${name}-${o.id}"><input type="checkbox" id="${name}-${o.id}" name="${name}" value="${o.id}"${checked(picked.has(o.id))} />${localText(o.text, locale)}</label>`,
        )}
      </div>`;
    }
    case 'free_text':
      // Named by the question (its legend), the length limit read after it.
      return h`<label for="${name}" class="hint" id="hint-${q.id}">${t.render(locale, 'freeText.hint', { max: FREE_TEXT_MAX })}</label>
        <textarea id="${name}" name="${name}" rows="5" maxlength="${FREE_TEXT_MAX}" aria-labelledby="legend-${q.id} hint-${q.id}"${describedBy ? h` aria-describedby="${describedBy}"` : null}>${value(form, name)}</textarea>`;
    case 'contact_consent': {
      const field = (part: 'name' | 'phone' | 'email', type: string, autocomplete: string) =>
        h`<label for="${name}.${part}">${t.render(locale, `consent.${part}`)}</label><input type="${type}" id="${name}.${part}" name="${name}.${part}" value="${value(form, `${name}.${part}`)}" maxlength="${CONTACT_MAX}" autocomplete="${autocomplete}" />`;
      return h`<div class="choices stack">
          <label for="${name}.ok"><input type="checkbox" id="${name}.ok" name="${name}.ok" value="yes"${checked(value(form, `${name}.ok`) === 'yes')} />${t.render(locale, 'consent.ok')}</label>
        </div>
        ${q.help ? null : h`<p class="hint">${t.render(locale, 'consent.hint')}</p>`}
        <div class="contact">${field('name', 'text', 'name')}${field('phone', 'tel', 'tel')}${field('email', 'email', 'email')}</div>`;
    }
  }
}

function question(q: QuestionDef, locale: Locale, form: FormValues, error: Text | undefined): SafeHtml {
  const errorId = error ? `err-${q.id}` : null;
  const help = q.help ? h`<p class="hint" id="help-${q.id}">${localText(q.help, locale)}</p>` : null;
  const describedBy = [errorId, q.help ? `help-${q.id}` : null].filter(Boolean).join(' ') || null;
  return h`<fieldset id="q-${q.id}">
    <legend id="legend-${q.id}">${localText(q.text, locale)}${q.required ? h` <span class="req">${t.render(locale, 'required')}</span>` : null}</legend>
    ${help}${error ? h`<p class="field-error" id="${errorId}">${renderText(locale, error)}</p>` : null}${questionBody(q, locale, form, describedBy)}
  </fieldset>`;
}

/** One page of the survey as a form that posts back to the link. */
export function renderSurveyPage(view: SurveyPageView): string {
  const { locale, definition, page } = view;
  const pages = definition.pages.length;
  const current = definition.pages[page]!;
  const last = page === pages - 1;
  const errorList = Object.entries(view.errors);
  const summary = errorList.length
    ? h`<div class="error" role="alert">
        <p>${t.render(locale, 'error.summary')}</p>
        <ul>
          ${errorList.map(([id, text]) => h`<li><a href="#q-${id.split('.')[0]}">${renderText(locale, text)}</a></li>`)}
        </ul>
      </div>`
    : null;
  const body = h`${view.resumed ? h`<p class="notice">${t.render(locale, 'resumed')}</p>` : null}${summary}
    ${page === 0 && definition.intro ? h`<p>${localText(definition.intro, locale)}</p>` : null}
    ${pages > 1 ? h`<p class="progress">${t.render(locale, 'progress', { page: page + 1, pages })}</p>` : null} ${current.title ? h`<h2>${localText(current.title, locale)}</h2>` : null}
    <form method="post" action="/s/${view.token}?lang=${locale}" novalidate>
      <input type="hidden" name="rt" value="${view.responseToken}" /><input type="hidden" name="page" value="${page}" />
      ${current.questions.map((q) => question(q, locale, view.form, view.errors[q.id]))}
      <div class="actions">
        <button type="submit" name="action" value="${last ? 'submit' : 'next'}">${t.render(locale, last ? 'submit' : 'next')}</button>
        ${page > 0 ? h`<button type="submit" name="action" value="back" class="secondary">${t.render(locale, 'back')}</button>` : null}
      </div>
    </form>`;
  return renderPublicPage({ locale, title: t.render(locale, 'title'), orgName: view.orgName, body, languageSwitchUrl: `/s/${view.token}` });
}

/**
 * The page after submitting. It is given no response, no score and no band: every respondent
 * sees the same text and the same review links, whatever they answered.
 */
export function renderThankYou(view: { locale: Locale; orgName: string; token: string; thanks: SurveyDefinitionType['thanks']; reviewLinks: readonly { label: string; url: string }[] }): string {
  const { locale } = view;
  const links = view.reviewLinks.length
    ? h`<p>${t.render(locale, 'thanks.links')}</p>
        <ul class="links">
          ${view.reviewLinks.map((l) => h`<li><a href="${l.url}" rel="noopener noreferrer" target="_blank">${l.label}</a></li>`)}
        </ul>`
    : null;
  const body = h`<p class="notice" role="status">${t.render(locale, 'thanks.body')}</p>
    ${view.thanks ? h`<p>${localText(view.thanks, locale)}</p>` : null}${links}`;
  return renderPublicPage({ locale, title: t.render(locale, 'thanks.title'), orgName: view.orgName, body, languageSwitchUrl: `/s/${view.token}` });
}

export type Problem = 'notFound' | 'notOpen' | 'closed';

/** The page for a link that leads nowhere (unknown, another organisation's) or to a survey not taking answers. */
export function renderProblem(locale: Locale, problem: Problem, orgName: string | null): string {
  return renderPublicPage({ locale, title: t.render(locale, `${problem}.title`), orgName, body: h`<p>${t.render(locale, `${problem}.body`)}</p>` });
}

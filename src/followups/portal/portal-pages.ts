import { html, renderPublicPage, type SafeHtml } from '../../core/public-page.ts';
import type { Locale } from '../../core/i18n.ts';
import { followupsMessages as m } from '../followups.messages.ts';
import { METRICS, normalRange, type LocalText, type Metric, type PlanDefinition } from '../followups.vocab.ts';
import { storiesMessages } from '../../stories/stories.messages.ts';

/** The patient's pages of follow-up (enrolment, portal, errors), rendered with the one public page shell: no scripts, everything escaped. */

type Key = Parameters<typeof m.render>[1];
const t = (locale: Locale, key: Key, params?: Parameters<typeof m.render>[2]) => m.render(locale, key, params);

/** A plan's text in the patient's language, else in the first language it has. */
export function localText(text: LocalText, locale: Locale): string {
  return text[locale] ?? text.en ?? text['zh-CN'] ?? text.ru ?? '';
}

export function formatDate(locale: Locale, date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}

/** A page that only says something (a link not found, expired, tampered, withdrawn). */
export function messagePage(locale: Locale, orgName: string | null, titleKey: Key, textKey: Key, switchUrl: string | null): string {
  return renderPublicPage({ locale, title: t(locale, titleKey), orgName, body: html`<p>${t(locale, textKey)}</p>`, languageSwitchUrl: switchUrl });
}

export function scheduleText(locale: Locale, def: PlanDefinition): string {
  return def.schedule.kind === 'interval'
    ? t(locale, 'page.scheduleInterval', { days: def.schedule.everyDays, count: def.schedule.count })
    : t(locale, 'page.scheduleDays', { days: def.schedule.days.join(', ') });
}

export interface EnrolForm {
  name: string;
  phone: string;
  email: string;
  consent: boolean;
  photos: boolean;
}
export type EnrolErrors = Partial<Record<'name' | 'contact' | 'email' | 'phone' | 'consent', Key>>;

const fieldError = (locale: Locale, key: Key | undefined, id: string): SafeHtml | null => (key ? html`<p class="field-error" id="${id}">${t(locale, key)}</p>` : null);

/** The plan's enrolment page behind its QR code: name, contact, the exact consent text, agree. */
export function enrolPage(p: {
  locale: Locale;
  orgName: string;
  planName: string;
  definition: PlanDefinition;
  consentText: string;
  consentVersion: number;
  action: string;
  form: EnrolForm;
  errors: EnrolErrors;
}): string {
  const { locale, form, errors } = p;
  const any = Object.keys(errors).length > 0;
  const body = html`${any ? html`<div class="error" role="alert">${t(locale, 'page.fixBelow')}</div>` : null}
    <p>${t(locale, 'page.enrolIntro', { plan: p.planName, schedule: scheduleText(locale, p.definition) })}</p>
    <form method="post" action="${p.action}">
      <input type="hidden" name="lang" value="${locale}" />
      <input type="hidden" name="consentVersion" value="${p.consentVersion}" />
      <label for="name">${t(locale, 'page.name')}</label>
      <input type="text" id="name" name="name" autocomplete="name" required maxlength="200" value="${form.name}" ${errors.name ? html`aria-invalid="true" aria-describedby="name-error"` : null} />
      ${fieldError(locale, errors.name, 'name-error')}
      <p class="hint">${t(locale, 'page.contactHint')}</p>
      ${fieldError(locale, errors.contact, 'contact-error')}
      <label for="phone">${t(locale, 'page.phone')}</label>
      <input type="tel" id="phone" name="phone" autocomplete="tel" maxlength="40" value="${form.phone}" ${errors.phone ? html`aria-invalid="true"` : null} />
      ${fieldError(locale, errors.phone, 'phone-error')}
      <label for="email">${t(locale, 'page.email')}</label>
      <input type="email" id="email" name="email" autocomplete="email" maxlength="200" value="${form.email}" ${errors.email ? html`aria-invalid="true"` : null} />
      ${fieldError(locale, errors.email, 'email-error')}
      <h2>${t(locale, 'page.consentTitle')}</h2>
      <p class="notice" id="consent-text">${p.consentText}</p>
      <div class="choices">
        <label><input type="checkbox" name="consent" value="1" ${form.consent ? 'checked' : null} aria-describedby="consent-text" /> ${t(locale, 'page.consentAgree')}</label>
      </div>
      ${fieldError(locale, errors.consent, 'consent-error')}
      ${
        p.definition.photo
          ? html`<div class="choices">
              <label><input type="checkbox" name="photos" value="1" ${form.photos ? 'checked' : null} /> ${t(locale, 'page.consentPhotos')}</label>
            </div>`
          : null
      }
      <div class="actions"><button type="submit">${t(locale, 'page.enrol')}</button></div>
    </form>`;
  return renderPublicPage({ locale, title: t(locale, 'page.enrolTitle'), orgName: p.orgName, body, languageSwitchUrl: p.action });
}

export interface PortalView {
  locale: Locale;
  orgName: string;
  timezone: string;
  planName: string;
  definition: PlanDefinition;
  base: string;
  expiresAt: Date;
  upcoming: { dueAt: Date }[];
  photoCount: number;
  questions: { text: string; answer: string | null }[];
}

export interface PortalState {
  notice?: SafeHtml | null;
  error?: Key | null;
  /** What the patient typed, kept when something was refused. */
  readings?: Partial<Record<Metric, string>>;
  readingErrors?: Partial<Record<Metric, string>>;
  answers?: string[];
  question?: string;
  questionError?: Key | null;
  photoError?: Key | null;
}

/** The portal: upcoming check-ins, readings, photo, questions and answers, stop. */
export function portalPage(v: PortalView, s: PortalState = {}): string {
  const { locale } = v;
  const readings = v.definition.readings.map((spec) => {
    const metric = spec.metric;
    const def = METRICS[metric];
    const range = normalRange(spec, metric);
    const err = s.readingErrors?.[metric];
    return html`<label for="r-${metric}">${t(locale, `metric.${metric}`)} (${def.unit})</label>
      ${range.low !== null && range.high !== null ? html`<p class="hint">${t(locale, 'page.range', { low: range.low, high: range.high, unit: def.unit })}</p>` : null}
      <input
        type="number"
        inputmode="decimal"
        id="r-${metric}"
        name="${metric}"
        step="${def.step}"
        min="${def.min}"
        max="${def.max}"
        value="${s.readings?.[metric] ?? ''}"
        ${err ? html`aria-invalid="true"` : null}
      />
      ${err ? html`<p class="field-error">${err}</p>` : null}`;
  });
  const body = html`${s.notice ?? null}${s.error ? html`<div class="error" role="alert">${t(locale, s.error)}</div>` : null}
    <p>${v.planName}</p>
    <h2>${t(locale, 'page.upcoming')}</h2>
    ${
      v.upcoming.length
        ? html`<ul>
            ${v.upcoming.map((c) => html`<li>${t(locale, 'page.due', { date: formatDate(locale, c.dueAt, v.timezone) })}</li>`)}
          </ul>`
        : html`<p>${t(locale, 'page.noUpcoming')}</p>`
    }
    ${
      v.definition.readings.length || v.definition.questions.length
        ? html`<h2>${t(locale, 'page.readings')}</h2>
            <form method="post" action="${v.base}/readings?lang=${locale}">
              <p class="hint">${t(locale, 'page.readingsHint')}</p>
              ${readings}
              ${v.definition.questions.map(
                (q, i) => html`<label for="qa-${i}">${localText(q, locale)}</label> <textarea id="qa-${i}" name="qa.${i}" maxlength="2000">${s.answers?.[i] ?? ''}</textarea>`,
              )}
              <div class="actions"><button type="submit">${t(locale, 'page.sendReadings')}</button></div>
            </form>`
        : null
    }
    <h2>${t(locale, 'page.photo')}</h2>
    <form method="post" action="${v.base}/photo?lang=${locale}" enctype="multipart/form-data">
      <p class="hint">${t(locale, 'page.photoHint')}</p>
      <input type="file" id="photo" name="file" accept="image/jpeg,image/png,image/webp" aria-label="${t(locale, 'page.photo')}" />
      ${s.photoError ? html`<p class="field-error" role="alert">${t(locale, s.photoError)}</p>` : null}
      <div class="actions"><button type="submit">${t(locale, 'page.sendPhoto')}</button></div>
    </form>
    ${v.photoCount ? html`<p>${t(locale, 'page.photos', { count: v.photoCount })}</p>` : null}
    <h2>${t(locale, 'page.questions')}</h2>
    ${
      v.questions.length
        ? html`<ul>
            ${v.questions.map(
              (q) =>
                html`<li>
                  <p>${q.text}</p>
                  <p class="hint">${q.answer ? t(locale, 'page.answer', { text: q.answer }) : t(locale, 'page.waiting')}</p>
                </li>`,
            )}
          </ul>`
        : null
    }
    <form method="post" action="${v.base}/questions?lang=${locale}">
      <label for="question">${t(locale, 'page.askHint')}</label>
      <textarea id="question" name="question" maxlength="2000">${s.question ?? ''}</textarea>
      ${s.questionError ? html`<p class="field-error" role="alert">${t(locale, s.questionError)}</p>` : null}
      <div class="actions"><button type="submit">${t(locale, 'page.ask')}</button></div>
    </form>
    <h2>${storiesMessages.render(locale, 'portal.shareStory')}</h2>
    <p class="hint">${storiesMessages.render(locale, 'portal.shareStoryHint')}</p>
    <ul class="links">
      <li><a href="${v.base}/story?lang=${locale}">${storiesMessages.render(locale, 'portal.shareStory')}</a></li>
    </ul>
    <h2>${t(locale, 'page.withdraw')}</h2>
    <form method="post" action="${v.base}/withdraw?lang=${locale}">
      <p class="hint">${t(locale, 'page.withdrawHint')}</p>
      <div class="actions"><button type="submit" class="secondary" name="confirm" value="1">${t(locale, 'page.withdrawConfirm')}</button></div>
    </form>`;
  const footer = html`<p>${t(locale, 'page.validUntil', { date: formatDate(locale, v.expiresAt, v.timezone) })}</p>`;
  return renderPublicPage({ locale, title: t(locale, 'page.portalTitle'), orgName: v.orgName, body, footer, languageSwitchUrl: v.base });
}

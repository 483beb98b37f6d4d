import type { Locale } from '../../core/i18n.ts';
import { html, renderPublicPage } from '../../core/public-page.ts';
import type { RewardTerms } from '../../db/schema-growth.ts';
import { referralsMessages as m } from '../referrals.messages.ts';

export interface BookingForm {
  name: string;
  phone: string;
  email: string;
  date: string;
  consent: boolean;
}
export type BookingErrors = Partial<Record<'name' | 'contact' | 'phone' | 'email' | 'date' | 'consent', Parameters<typeof m.render>[1]>>;

/** A reward as a patient reads it: the programme's own label, else its kind and amount. */
export function rewardText(locale: Locale, terms: RewardTerms): string {
  if (terms.label) return terms.label;
  return m.render(locale, `kind.${terms.kind}`, { amount: terms.amount, unit: terms.unit ?? '' });
}

/** At most a first name or an initial of the referrer: "Anna", "张*". Never a surname, phone or e-mail. */
export function referrerShortName(name: string | null | undefined): string | null {
  const first = (name ?? '').trim().split(/\s+/)[0] ?? '';
  if (!first) return null;
  if (/[\u3400-\u9fff]/.test(first)) return `${[...first][0]}*`;
  return first.length > 20 ? `${first.slice(0, 1)}.` : first;
}

export function landingPage(p: {
  locale: Locale;
  orgName: string;
  code: string;
  referrer: string | null;
  offer: RewardTerms;
  validDays: number;
  description: string;
  form: BookingForm;
  errors: BookingErrors;
}): string {
  const t = (key: Parameters<typeof m.render>[1], params?: Record<string, string | number>) => m.render(p.locale, key, params);
  const err = (field: keyof BookingErrors) => (p.errors[field] ? html`<p class="field-error" id="err-${field}">${t(p.errors[field]!)}</p>` : null);
  const described = (field: keyof BookingErrors) => (p.errors[field] ? `err-${field}` : '');
  const action = `/r/${p.code}`;
  const body = html`
    ${p.referrer ? html`<p>${t('page.invitedBy', { name: p.referrer })}</p>` : null}
    <p class="notice"><strong>${t('page.offer', { reward: rewardText(p.locale, p.offer) })}</strong><br />${t('page.valid', { days: p.validDays })}</p>
    ${p.description ? html`<p>${p.description}</p>` : null}
    <h2>${t('page.book')}</h2>
    <p class="hint">${t('page.bookHint')}</p>
    ${Object.keys(p.errors).length ? html`<p class="error" role="alert">${t('page.fixErrors')}</p>` : null}
    <form method="post" action="${action}" novalidate>
      <input type="hidden" name="lang" value="${p.locale}" />
      <label for="name">${t('page.name')}</label>
      ${err('name')}
      <input type="text" id="name" name="name" autocomplete="name" value="${p.form.name}" aria-describedby="${described('name')}" required />
      <fieldset class="contact">
        <p class="hint">${t('page.contactHint')}</p>
        ${err('contact')}
        <label for="phone">${t('page.phone')}</label>
        ${err('phone')}
        <input type="tel" id="phone" name="phone" autocomplete="tel" value="${p.form.phone}" aria-describedby="${described('phone')}" />
        <label for="email">${t('page.email')}</label>
        ${err('email')}
        <input type="email" id="email" name="email" autocomplete="email" value="${p.form.email}" aria-describedby="${described('email')}" />
      </fieldset>
      <label for="date">${t('page.date')}</label>
      ${err('date')}
      <input type="date" id="date" name="date" value="${p.form.date}" aria-describedby="${described('date')}" />
      <div class="choices stack spaced">
        ${err('consent')}
        <label><input type="checkbox" name="consent" value="1" ${p.form.consent ? 'checked' : ''} required /> ${t('page.consent', { org: p.orgName })}</label>
      </div>
      <div class="actions"><button type="submit">${t('page.send')}</button></div>
    </form>
  `;
  return renderPublicPage({ locale: p.locale, title: t('page.title'), orgName: p.orgName, body, languageSwitchUrl: action, footer: html`${t('page.noIncentive')}` });
}

export function messagePage(
  locale: Locale,
  orgName: string | null,
  title: 'page.thanksTitle' | 'page.notFoundTitle' | 'page.endedTitle',
  text: 'page.thanks' | 'page.notFound' | 'page.ended',
): string {
  return renderPublicPage({ locale, title: m.render(locale, title), orgName, body: html`<p>${m.render(locale, text)}</p>` });
}

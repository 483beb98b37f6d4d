import type { Locale } from '../../core/i18n.ts';
import { html, renderPublicPage, type SafeHtml } from '../../core/public-page.ts';
import { storiesMessages as m } from '../stories.messages.ts';
import { CONSENT_DURATIONS, CONSENT_USES, MATERIAL_CONNECTIONS, USE_CHANNELS, type ConsentDuration, type ConsentState, type ConsentUse } from '../stories.vocab.ts';

type Key = Parameters<typeof m.render>[1];
type P = Parameters<typeof m.render>[2];
const t = (locale: Locale, key: Key, params?: P) => m.render(locale, key, params);

export function storyMessagePage(locale: Locale, orgName: string | null, titleKey: Key, textKey: Key, switchUrl: string | null): string {
  return renderPublicPage({ locale, title: t(locale, titleKey), orgName, body: html`<p>${t(locale, textKey)}</p>`, languageSwitchUrl: switchUrl });
}

export interface TellForm {
  title: string;
  body: string;
  author: string;
  video: string;
  department: string;
  staff: string;
  material: string;
  uses: ConsentUse[];
  duration: ConsentDuration | '';
}

export const EMPTY_TELL_FORM: TellForm = { title: '', body: '', author: '', video: '', department: '', staff: '', material: '', uses: [], duration: '' };

export type TellErrors = Partial<Record<'title' | 'body' | 'author' | 'video' | 'department' | 'staff' | 'material' | 'uses' | 'duration' | 'photo', string>>;

/** The words shown next to one use's checkbox (also stored with the consent as given). */
export function useWords(locale: Locale, orgName: string, use: ConsentUse): string {
  const channels = USE_CHANNELS[use].map((ch) => t(locale, `channel.${ch}`)).join(', ');
  return t(locale, `form.use.${use}`, { org: orgName, channels });
}

export interface TellView {
  locale: Locale;
  orgName: string;
  action: string;
  departments: { id: string; name: string }[];
  staff: { id: string; name: string }[];
  form: TellForm;
  errors: TellErrors;
}

const err = (text: string | undefined) => (text ? html`<p class="field-error" role="alert">${text}</p>` : null);

/** The story form of a story request: the story, optional photo and video link, then one consent per use, a duration and the material-connection question. */
export function tellPage(v: TellView): string {
  const { locale, form, errors } = v;
  const has = Object.keys(errors).length > 0;
  const select = (name: 'department' | 'staff', label: Key, options: { id: string; name: string }[]) =>
    options.length
      ? html`<label for="${name}">${t(locale, label)} <span class="req">${t(locale, 'form.optional')}</span></label>
          <select id="${name}" name="${name}">
            <option value="">—</option>
            ${options.map((o) => html`<option value="${o.id}" ${form[name] === o.id ? html`selected` : null}>${o.name}</option>`)}
          </select>
          ${err(errors[name])}`
      : null;
  const body = html`${has ? html`<div class="error" role="alert">${t(locale, 'form.fixBelow')}</div>` : null}
    <p>${t(locale, 'form.intro', { org: v.orgName })}</p>
    <form method="post" action="${v.action}?lang=${locale}" enctype="multipart/form-data">
      <input type="hidden" name="lang" value="${locale}" />
      <label for="title">${t(locale, 'form.title')}</label>
      <input type="text" id="title" name="title" maxlength="200" value="${form.title}" ${errors.title ? html`aria-invalid="true"` : null} />
      ${err(errors.title)}
      <label for="body">${t(locale, 'form.body')}</label>
      <p class="hint">${t(locale, 'form.bodyHint')}</p>
      <textarea id="body" name="body" maxlength="8000" ${errors.body ? html`aria-invalid="true"` : null}>${form.body}</textarea>
      ${err(errors.body)}
      <label for="author">${t(locale, 'form.author')} <span class="req">${t(locale, 'form.optional')}</span></label>
      <p class="hint">${t(locale, 'form.authorHint')}</p>
      <input type="text" id="author" name="author" maxlength="200" value="${form.author}" />
      ${err(errors.author)}
      <label for="photo">${t(locale, 'form.photo')} <span class="req">${t(locale, 'form.optional')}</span></label>
      <p class="hint">${t(locale, 'form.photoHint')}</p>
      <input type="file" id="photo" name="photo" accept="image/jpeg,image/png,image/webp" />
      ${err(errors.photo)}
      <label for="video">${t(locale, 'form.video')} <span class="req">${t(locale, 'form.optional')}</span></label>
      <input type="text" id="video" name="video" inputmode="url" maxlength="1000" value="${form.video}" placeholder="https://" />
      ${err(errors.video)} ${select('department', 'form.department', v.departments)} ${select('staff', 'form.staff', v.staff)}
      <h2>${t(locale, 'form.consentHeading')}</h2>
      <fieldset>
        <legend>${t(locale, 'form.usesLegend')}</legend>
        <p class="hint">${t(locale, 'form.usesHint')}</p>
        <div class="choices stack">
          ${CONSENT_USES.map(
            (use) => html`<label><input type="checkbox" name="use" value="${use}" ${form.uses.includes(use) ? html`checked` : null} /> <span>${useWords(locale, v.orgName, use)}</span></label>`,
          )}
        </div>
        ${err(errors.uses)}
      </fieldset>
      <fieldset>
        <legend>${t(locale, 'form.durationLegend')}</legend>
        <div class="choices stack">
          ${CONSENT_DURATIONS.map(
            (d) => html`<label><input type="radio" name="duration" value="${d}" ${form.duration === d ? html`checked` : null} /> <span>${t(locale, `duration.${d}`)}</span></label>`,
          )}
        </div>
        ${err(errors.duration)}
      </fieldset>
      <fieldset>
        <legend>${t(locale, 'form.materialLegend')}</legend>
        <p class="hint">${t(locale, 'form.materialHint')}</p>
        <div class="choices stack">
          ${MATERIAL_CONNECTIONS.map(
            (c) => html`<label><input type="radio" name="material" value="${c}" ${form.material === c ? html`checked` : null} /> <span>${t(locale, `material.${c}`)}</span></label>`,
          )}
        </div>
        ${err(errors.material)}
      </fieldset>
      <p class="hint">${t(locale, 'form.revokeHint')}</p>
      <div class="actions"><button type="submit">${t(locale, 'form.submit')}</button></div>
    </form>`;
  return renderPublicPage({ locale, title: t(locale, 'form.pageTitle'), orgName: v.orgName, body, languageSwitchUrl: v.action });
}

export function thanksPage(locale: Locale, orgName: string, manageUrl: string): string {
  const body = html`<div class="notice" role="status">${t(locale, 'thanks.received')}</div>
    <p>${t(locale, 'thanks.review')}</p>
    <p>${t(locale, 'thanks.keepLink')}</p>
    <ul class="links">
      <li><a href="${manageUrl}">${t(locale, 'thanks.open')}</a></li>
    </ul>
    <p class="hint">${manageUrl}</p>`;
  return renderPublicPage({ locale, title: t(locale, 'thanks.title'), orgName, body });
}

export interface MyStoryView {
  locale: Locale;
  orgName: string;
  base: string;
  title: string;
  body: string;
  status: string;
  withdrawn: boolean;
  consents: { id: string; use: ConsentUse; channels: string[]; validFrom: string; validUntil: string | null; text: string; state: ConsentState }[];
  notice?: SafeHtml | null;
}

/** The patient's own page: the story, each consent with a revoke button, and "withdraw my story". */
export function myStoryPage(v: MyStoryView): string {
  const { locale } = v;
  const body = html`${v.notice ?? null}
    <p class="hint">${t(locale, 'mine.status', { status: t(locale, `status.${v.status}` as Key) })}</p>
    <h2>${v.title}</h2>
    ${v.body.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}
    <h2>${t(locale, 'mine.consents')}</h2>
    ${
      v.consents.length
        ? html`<ul class="links">
            ${v.consents.map(
              (c) =>
                html`<li>
                  <div>
                    <p><strong>${t(locale, `use.${c.use}`)}</strong> · ${t(locale, `state.${c.state}`)}</p>
                    <p class="hint">${c.channels.map((ch) => t(locale, `channel.${ch}` as Key)).join(', ')}</p>
                    <p class="hint">${c.validUntil ? t(locale, 'mine.period', { from: c.validFrom, until: c.validUntil }) : t(locale, 'mine.periodOpen', { from: c.validFrom })}</p>
                    <p class="hint">${t(locale, 'mine.youAgreed', { text: c.text })}</p>
                    ${
                      c.state !== 'revoked' && !v.withdrawn
                        ? html`<form method="post" action="${v.base}/consents/${c.id}/revoke?lang=${locale}">
                            <button type="submit" class="secondary">${t(locale, 'mine.revoke', { use: t(locale, `use.${c.use}`) })}</button>
                          </form>`
                        : null
                    }
                  </div>
                </li>`,
            )}
          </ul>`
        : html`<p>${t(locale, 'mine.noConsents')}</p>`
    }
    ${
      v.withdrawn
        ? null
        : html`<h2>${t(locale, 'mine.withdrawHeading')}</h2>
            <form method="post" action="${v.base}/withdraw?lang=${locale}">
              <p class="hint">${t(locale, 'mine.withdrawHint')}</p>
              <div class="actions"><button type="submit" class="secondary" name="confirm" value="1">${t(locale, 'mine.withdraw')}</button></div>
            </form>`
    }`;
  return renderPublicPage({ locale, title: t(locale, 'mine.title'), orgName: v.orgName, body, languageSwitchUrl: v.base });
}

export interface PublicStoryView {
  locale: Locale;
  orgName: string;
  title: string;
  body: string;
  authorName: string;
  photoUrl: string | null;
  videoUrl: string | null;
  materialConnection: string;
  switchUrl: string;
}

/** A published story: the clinic's name, the story, and the disclosure of a material connection where there is one. */
export function publicStoryPage(v: PublicStoryView): string {
  const { locale } = v;
  const body = html`${v.materialConnection !== 'none' ? html`<p class="notice" role="note">${t(locale, 'public.disclosure', { connection: t(locale, `material.${v.materialConnection}` as Key) })}</p>` : null}
    ${v.photoUrl ? html`<p><img src="${v.photoUrl}" alt="" /></p>` : null} ${v.body.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)} ${v.authorName ? html`<p class="hint">— ${v.authorName}</p>` : null}
    ${
      v.videoUrl
        ? html`<ul class="links">
            <li><a href="${v.videoUrl}" rel="noopener nofollow">${t(locale, 'public.video')}</a></li>
          </ul>`
        : null
    }
    <p class="hint">${t(locale, 'public.ownWords', { org: v.orgName })}</p>`;
  return renderPublicPage({ locale, title: v.title, orgName: v.orgName, body, languageSwitchUrl: v.switchUrl });
}

import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOCALES, negotiateLocale, type Locale } from './i18n.ts';

/**
 * The pages patients open (a survey, the follow-up portal, enrolment, opting out) are rendered on
 * the server as plain HTML forms: no JavaScript, one small inline stylesheet, large tap targets,
 * readable contrast, in the patient's language. Everything interpolated is escaped by `html`.
 */

/** HTML that is already safe to put in a page (built by `html`, or a constant). */
export interface SafeHtml {
  readonly __html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup trusted as written (constants only, never patient or staff text). */
export function trusted(markup: string): SafeHtml {
  return { __html: markup };
}

type Interpolated = SafeHtml | string | number | null | undefined | false | readonly Interpolated[];

function part(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(part).join('');
  if (typeof value === 'object') return (value as SafeHtml).__html;
  return escapeHtml(String(value));
}

/** A template tag that escapes every value except nested `html`; arrays are joined; null, undefined and false print nothing. */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]!) + strings[i + 1]!;
  return { __html: out };
}

/**
 * The patient's language: `?lang=` in the link, else the language the link was made for, else the
 * browser's Accept-Language, else the organisation's default.
 */
export function publicLocale(request: FastifyRequest, linkLocale: Locale | null | undefined, orgDefault: Locale): Locale {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (typeof query === 'string' && (LOCALES as readonly string[]).includes(query)) return query as Locale;
  if (linkLocale) return linkLocale;
  const header = request.headers['accept-language'];
  return negotiateLocale(typeof header === 'string' ? header : null, orgDefault);
}

const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1b1f24;background:#f4f6f8}
main{max-width:36rem;margin:0 auto;padding:1rem 1rem 4rem;background:#fff;min-height:100vh}
header{border-bottom:1px solid #d5dbe1;margin-bottom:1rem;padding-bottom:.5rem}
header p{margin:0;color:#4a5560;font-size:.95rem}
h1{font-size:1.4rem;margin:.25rem 0 .75rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
fieldset{border:0;margin:0 0 1.5rem;padding:0}
legend{font-weight:600;margin-bottom:.5rem;padding:0}
label{display:block}
.hint{color:#4a5560;font-size:.95rem;margin:.25rem 0 .5rem}
.choices{display:flex;flex-wrap:wrap;gap:.5rem}
.choices label{display:flex;align-items:center;gap:.5rem;min-height:48px;padding:.5rem .75rem;border:1px solid #8a96a3;border-radius:8px;cursor:pointer;flex:1 1 auto}
.scale label{flex:1 0 2.75rem;justify-content:center;padding:.5rem 0}
.choices input{width:1.4rem;height:1.4rem;margin:0;accent-color:#0b5cad}
.scale-ends{display:flex;justify-content:space-between;color:#4a5560;font-size:.9rem}
.choices.stack label{flex:1 1 100%}
.spaced{margin-top:1rem}
.scale label{min-width:48px}
fieldset.row{margin:0 0 1rem}
fieldset.row legend{font-weight:400}
.req{color:#4a5560;font-weight:400;font-size:.9rem}
.contact label{margin-top:.75rem}
input[type=text],input[type=email],input[type=tel],input[type=number],input[type=date],textarea,select{width:100%;font:inherit;padding:.65rem .75rem;border:1px solid #8a96a3;border-radius:8px;min-height:48px;background:#fff;color:inherit}
textarea{min-height:8rem}
button,.button{display:inline-flex;align-items:center;justify-content:center;min-height:48px;padding:.65rem 1.25rem;font:inherit;font-weight:600;border-radius:8px;border:1px solid #0b5cad;background:#0b5cad;color:#fff;text-decoration:none;cursor:pointer}
button.secondary,.button.secondary{background:#fff;color:#0b5cad}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
.actions>*{flex:1 1 12rem}
:focus-visible{outline:3px solid #f0a000;outline-offset:2px}
.error{border-left:4px solid #b3261e;background:#fdecea;padding:.75rem 1rem;margin:0 0 1rem}
.notice{border-left:4px solid #0b7a3e;background:#e8f5ee;padding:.75rem 1rem;margin:0 0 1rem}
.field-error{color:#b3261e;font-weight:600;margin:.25rem 0}
.links{list-style:none;padding:0;margin:0;display:grid;gap:.5rem}
.links a{display:flex;min-height:48px;align-items:center;padding:.5rem .75rem;border:1px solid #8a96a3;border-radius:8px;color:#0b5cad}
.progress{color:#4a5560;font-size:.95rem}
footer{margin-top:2rem;color:#4a5560;font-size:.9rem}
footer a{color:#0b5cad}
nav.lang{display:flex;gap:.75rem;font-size:.95rem}
nav.lang a{color:#0b5cad;min-height:44px;display:inline-flex;align-items:center}
table{border-collapse:collapse;width:100%}
td,th{text-align:left;padding:.4rem;border-bottom:1px solid #d5dbe1}
img{max-width:100%;height:auto}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}main{background:#1b1f24}header p,.hint,.progress,footer,.scale-ends{color:#b8c1ca}input,textarea,select{background:#111;color:#eee}.choices label{border-color:#6b7782}.links a,footer a,nav.lang a,button.secondary,.button.secondary{color:#8ec1ff}button.secondary,.button.secondary{background:transparent}.error{background:#3a1512}.notice{background:#0f2f1e}}
`
  .replace(/\n/g, '')
  .trim();

/** The stylesheet's hash for the pages' CSP: the one inline style element is allowed by its content, not by 'unsafe-inline'. */
const CSS_HASH = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;

/** The style element, built outside the html template so that formatting never changes the hashed text. */
const STYLE = trusted(`<style>${CSS}</style>`);

/** The patient pages' policy: no script at all, only this stylesheet, forms posting here, never framed. */
export const PUBLIC_PAGE_CSP = `default-src 'none'; style-src ${CSS_HASH}; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', ru: 'Русский', en: 'English' };

export interface PublicPage {
  locale: Locale;
  /** The page's title (also the h1 unless `heading` is false). */
  title: string;
  /** The organisation's name, above the title. */
  orgName?: string | null;
  body: SafeHtml;
  /** The same page in the other languages: a URL without `lang`, to which `?lang=` (or `&lang=`) is added. */
  languageSwitchUrl?: string | null;
  footer?: SafeHtml;
  heading?: boolean;
}

/** A complete HTML document for a patient-facing page. */
export function renderPublicPage(page: PublicPage): string {
  const switcher = page.languageSwitchUrl
    ? html`<nav class="lang" aria-label="Language">
        ${LOCALES.filter((l) => l !== page.locale).map(
          (l) => html`<a href="${page.languageSwitchUrl + (page.languageSwitchUrl!.includes('?') ? '&' : '?')}lang=${l}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a>`,
        )}
      </nav>`
    : null;
  const doc = html`<!doctype html>
    <html lang="${page.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${page.title}</title>
        ${STYLE}
      </head>
      <body>
        <main>
          <header>${page.orgName ? html`<p>${page.orgName}</p>` : null}${switcher}</header>
          ${page.heading === false ? null : html`<h1>${page.title}</h1>`}${page.body}${page.footer ? html`<footer>${page.footer}</footer>` : null}
        </main>
      </body>
    </html>`;
  return doc.__html;
}

/**
 * Sends a public page with the headers every one of them needs: no caching (they hold a patient's
 * answers), no referrer (their URLs carry tokens), no scripts, no framing.
 */
export function sendPublicPage(reply: FastifyReply, markup: string, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', PUBLIC_PAGE_CSP)
    .send(markup);
}

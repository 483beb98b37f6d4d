/*
 * The hostile input corpus: texts an attacker (or an unlucky copy-paste) puts into every field that
 * Verity shows again — a review's text, author, title and link, a department's or a source's name,
 * a case note, a survey answer, a story. Each payload, were it ever run as markup or script, calls
 * the sentinel `window.__pwned(id)` with its own id, so a browser test knows which one got through
 * and where. The kinds cover script tags, event handlers, `javascript:`/`data:` URLs, SVG and
 * MathML, attribute and tag break-outs, CSS tricks, template injections ({{ }}, ${ }), Markdown
 * links, RTL overrides, zero-width joiners, mixed Cyrillic/Latin homoglyphs, very long words,
 * control characters and emoji ZWJ sequences. Used by e2e/hostile-input.security.spec.ts.
 */

/** The global a payload calls when it runs: `window.__pwned(id)`. */
export const SENTINEL = '__pwned';

export interface HostilePayload {
  /** Stable name of the payload (its kind), e.g. `img-onerror`. */
  name: string;
  /** The text, with the sentinel call carrying `tag` (where the payload was entered) and the name. */
  text(tag: string): string;
  /** Short enough (≤ 120 characters for a 12-character tag) for name fields. */
  short: boolean;
}

const call = (id: string) => `window.${SENTINEL}('${id}')`;
const callDq = (id: string) => `window.${SENTINEL}(&quot;${id}&quot;)`;

/** One payload: `make(call)` gets the JavaScript that calls the sentinel for this entry point. */
const p = (name: string, short: boolean, make: (js: string, id: string) => string): HostilePayload => ({
  name,
  short,
  text: (tag) => make(call(`${tag}:${name}`), `${tag}:${name}`),
});

export const HOSTILE_PAYLOADS: readonly HostilePayload[] = [
  p('script', true, (js) => `<script>${js}</script>`),
  p('img-onerror', true, (js) => `<img src=x onerror="${js}">`),
  p('svg-onload', true, (js) => `<svg onload="${js}"></svg>`),
  p('svg-animate', true, (js) => `<svg><animate onbegin="${js}" attributeName=x dur=1s>`),
  p('iframe-srcdoc', false, (js) => `"><iframe srcdoc="<script>parent.${js.slice('window.'.length)}</script>"></iframe>`),
  p('a-javascript', true, (js) => `<a href="javascript:${js}">open</a>`),
  p('javascript-url', true, (js) => `javascript:${js}`),
  p('javascript-url-mixed-case', true, (js) => ` JaVaScRiPt:${js}`),
  p('javascript-url-entity', true, (js) => `jav&#x09;ascript:${js}`),
  p('data-url', false, (js) => `data:text/html,<script>parent.${js.slice('window.'.length)}</script>`),
  p('attr-break-dq', true, (js) => `" onmouseover="${js}" autofocus onfocus="${js}" x="`),
  p('attr-break-sq', true, (_js, id) => `' autofocus onfocus='window.${SENTINEL}("${id}")' x='`),
  p('style-url', false, (js) => `<div style="background:url(javascript:${js});width:expression(${js})">css</div>`),
  p('style-import', true, (_js, id) => `<style>@import 'javascript:${callDq(id)}';</style>`),
  p('template-literal', true, (js) => '${' + js + '}'),
  p('mustache', false, (_js, id) => `{{constructor.constructor('window.${SENTINEL}("${id}")')()}}`),
  p('markdown-link', true, (js) => `[click me](javascript:${js})`),
  p('markdown-image', true, (js) => `![x](javascript:${js})`),
  p('rtl-override', true, (js) => `\u202E<img src=x onerror="${js}">gnp.exe`),
  p('zero-width-joiner', true, (js) => `<scr\u200Dipt>${js}</scr\u200Dipt> java\u200Dscript:${js}`),
  p('homoglyph-cyrillic', true, (js) => `<ѕсrірt>${js}</ѕсrірt> Dr Wаng Аlехеу`),
  p('long-word', false, (js) => `${'Ж'.repeat(3000)}${'W'.repeat(3000)}<img src=x onerror="${js}">`),
  p('control-chars', true, (js) => `\u0007\u001b[31m\u0008\u000b\u000c\u007f\u0085<img src=x onerror="${js}">`),
  p('emoji-zwj', true, (js) => `👩‍⚕️👨‍👩‍👧‍👦🏳️‍🌈 <svg/onload=${js}>`),
  p('textarea-break', true, (js) => `</textarea><script>${js}</script>`),
  p('title-break', true, (js) => `</title><script>${js}</script>`),
  p('mxss-math', false, (js) => `<math><mtext><table><mglyph><style><img src=x onerror="${js}">`),
  p('details-ontoggle', true, (js) => `<details open ontoggle="${js}">`),
  p('object-data', true, (js) => `<object data="javascript:${js}"></object>`),
  p('meta-refresh', false, (js) => `<meta http-equiv="refresh" content="0;url=javascript:${js}">`),
  p('base-href', true, (js) => `<base href="javascript:${js}//">`),
  p('form-action', false, (js) => `<form><button formaction="javascript:${js}">go</button></form>`),
  p('double-encoded', true, (js) => `&lt;img src=x onerror="${js}"&gt;`),
  p('comment-break', false, (js) => `<!--<img src="--><img src=x onerror="${js}//">`),
  p('echarts-tooltip', true, (js) => `<b onmouseover="${js}">hover</b><br/>`),
  p('formula', false, (js) => `=HYPERLINK("javascript:${js}","open")`),
];

/** Every payload's text for one entry point (`tag` names it in the sentinel call), joined for a long text field. */
export function hostileText(tag: string, only: 'all' | 'short' = 'all'): string {
  return HOSTILE_PAYLOADS.filter((x) => only === 'all' || x.short)
    .map((x) => x.text(tag))
    .join('\n');
}

/** One payload by index (wrapping), for fields that hold one short value each (names, tags). */
export function hostileName(tag: string, index: number, maxLength = 120): string {
  const short = HOSTILE_PAYLOADS.filter((x) => x.short);
  const text = short[index % short.length]!.text(tag);
  return text.length <= maxLength ? text : text.slice(0, maxLength);
}

/** URLs that must never become a clickable link as such. */
export function hostileUrls(tag: string): string[] {
  return [`javascript:${call(`${tag}:url`)}`, ` JaVaScRiPt:${call(`${tag}:url-case`)}`, `data:text/html,<script>parent.${SENTINEL}('${tag}:url-data')</script>`, `vbscript:msgbox('${tag}')`];
}

/** Whether a link's resolved address (an anchor's `href` property) is safe to follow: http(s), mailto, tel or the app's own blob downloads. */
export function isSafeHref(resolved: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:', 'tel:', 'blob:'].includes(new URL(resolved).protocol);
  } catch {
    return false;
  }
}

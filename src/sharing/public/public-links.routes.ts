import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { renderText, type Locale } from '../../core/i18n.ts';
import { html, publicLocale, renderPublicPage, sendPublicPage, type SafeHtml } from '../../core/public-page.ts';
import { recordClick } from '../clicks.ts';
import { makeShareLink } from '../make-link.ts';
import { qrSvg } from '../../core/qr.ts';
import { ARRIVAL_COOKIE, findLinkByCode, type ShareLinkRow } from '../share-links.ts';
import { sharingMessages as m } from '../sharing.messages.ts';
import { reshareUrl, SHARE_CHANNELS, type ShareChannel } from '../sharing.vocab.ts';
import { orgOfLink, resharesToday, targetPath } from './public-links.ts';

/** How long the arrival cookie remembers the link a visitor came by. */
export const ARRIVAL_DAYS = 30;
/** Re-share links a visitor may make from one link in a UTC day (all visitors together). */
export const RESHARE_DAILY_CAP = 200;
/** The channels a visitor may pick on the re-share page (print and the website are the clinic's). */
const VISITOR_CHANNELS = SHARE_CHANNELS.filter((c) => c !== 'print' && c !== 'website' && c !== 'qr');

/**
 * The public side of share links. `GET /l/:code` records the click (a robot's as a bot click),
 * remembers the link in ARRIVAL_COOKIE and redirects to what was shared; an unknown or disabled
 * link is a 404 page in the visitor's language. `/l/:code/share` gives a visitor who arrived by
 * the link a child link of their own (with its QR code) for the channel they pick.
 */
export async function publicLinkRoutes(server: FastifyInstance): Promise<void> {
  const { db, config } = server.ctx;
  const options = { config: { access: 'public' as const }, schema: { hide: true } };
  const base = (request: FastifyRequest) => (config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');

  async function live(request: FastifyRequest, reply: FastifyReply, code: string): Promise<{ link: ShareLinkRow; target: string; locale: Locale; orgName: string } | null> {
    const link = await findLinkByCode(db, code);
    const org = link ? await orgOfLink(db, link.orgId) : null;
    const target = link && !link.disabledAt ? await targetPath(db, link) : null;
    const locale = publicLocale(request, null, org?.locale ?? 'en');
    if (!link || !target) {
      const body = html`<p>${m.render(locale, 'page.notFound')}</p>`;
      sendPublicPage(reply, renderPublicPage({ locale, title: m.render(locale, 'page.notFoundTitle'), orgName: org?.name, body }), 404);
      return null;
    }
    return { link, target, locale, orgName: org!.name };
  }

  server.get<{ Params: { code: string } }>('/l/:code', options, async (request, reply) => {
    const found = await live(request, reply, request.params.code);
    if (!found) return reply;
    const { link, target } = found;
    // A HEAD (a link checker) is neither a visit nor a robot's open.
    if (request.method === 'GET') {
      const { bot } = await recordClick(db, { orgId: link.orgId, linkId: link.id, ip: request.ip, userAgent: request.headers['user-agent'] });
      if (!bot) reply.setCookie(ARRIVAL_COOKIE, link.code, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: ARRIVAL_DAYS * 86400 });
    }
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(target, 302);
  });

  function sharePage(reply: FastifyReply, found: { link: ShareLinkRow; target: string; locale: Locale; orgName: string }, content: SafeHtml, status = 200) {
    const { locale, link, orgName } = found;
    return sendPublicPage(reply, renderPublicPage({ locale, title: m.render(locale, 'page.shareTitle'), orgName, body: content, languageSwitchUrl: reshareUrl(link.code) }), status);
  }

  function form(found: { link: ShareLinkRow; locale: Locale }, chosen: ShareChannel | null, error: string | null): SafeHtml {
    const { locale, link } = found;
    return html`${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <p>${m.render(locale, 'page.shareIntro')}</p>
      <form method="post" action="${reshareUrl(link.code)}?lang=${locale}">
        <fieldset>
          <legend>${m.render(locale, 'page.channel')}</legend>
          <div class="choices">
            ${VISITOR_CHANNELS.map((c) => html`<label><input type="radio" name="channel" value="${c}" required ${chosen === c ? html`checked` : null} />${m.render(locale, `channel.${c}`)}</label>`)}
          </div>
        </fieldset>
        <div class="actions"><button type="submit">${m.render(locale, 'page.getLink')}</button></div>
      </form>`;
  }

  server.get<{ Params: { code: string } }>('/l/:code/share', options, async (request, reply) => {
    const found = await live(request, reply, request.params.code);
    if (!found) return reply;
    return sharePage(reply, found, form(found, null, null));
  });

  server.post<{ Params: { code: string }; Body: Record<string, unknown> | undefined }>('/l/:code/share', options, async (request, reply) => {
    const found = await live(request, reply, request.params.code);
    if (!found) return reply;
    const { link, locale, target } = found;
    const raw = request.body && typeof request.body === 'object' ? request.body.channel : undefined;
    const channel = (VISITOR_CHANNELS as readonly string[]).includes(String(raw)) ? (raw as ShareChannel) : null;
    if (!channel) return sharePage(reply, found, form(found, null, m.render(locale, 'page.channel')), 400);
    if ((await resharesToday(db, link)) >= RESHARE_DAILY_CAP) return sharePage(reply, found, form(found, channel, m.render(locale, 'page.tooMany')), 429);
    let child: ShareLinkRow;
    try {
      // A visitor is nobody the audit can name, and their address is not kept.
      const made = await makeShareLink(
        db,
        { orgId: link.orgId, userId: null, actor: `visitor of /l/${link.code}`, ip: null },
        { targetKind: link.targetKind, targetId: link.targetId, targetUrl: link.targetUrl, channel, label: link.label, parentId: link.id },
      );
      child = made.link;
    } catch (error) {
      if (error instanceof AppError && error.text) return sharePage(reply, found, form(found, channel, renderText(locale, error.text)), 400);
      throw error;
    }
    const url = `${base(request)}/l/${child.code}`;
    const svg = await qrSvg(url);
    const body = html`<h2>${m.render(locale, 'page.yourLink')}</h2>
      <p class="hint">${m.render(locale, 'page.yourLinkHint')}</p>
      <p><input type="text" readonly value="${url}" aria-label="${m.render(locale, 'page.yourLink')}" /></p>
      <p><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="240" height="240" alt="${m.render(locale, 'page.qrAlt')}" /></p>
      <p class="notice">${m.render(locale, `channel.${channel}`)} · ${child.code}</p>
      <ul class="links">
        <li><a href="${target}">${m.render(locale, 'page.open')}</a></li>
      </ul>`;
    return sharePage(reply, found, body);
  });
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { html, publicLocale, renderPublicPage, sendPublicPage } from '../core/public-page.ts';
import { negotiateLocale } from '../core/i18n.ts';
import { findOptOutLink, optOutByLink } from './opt-out.ts';
import { outreachMessages } from './outreach.messages.ts';

const Params = z.object({ token: z.string().max(100) });

/** The opt-out page every invitation links to: a question, one button, and the confirmation, in the patient's language. */
export async function optOutRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const page = (locale: Parameters<typeof renderPublicPage>[0]['locale'], orgName: string | null, body: ReturnType<typeof html>, switchUrl: string | null) =>
    renderPublicPage({ locale, title: outreachMessages.render(locale, 'optOut.title'), orgName, body, languageSwitchUrl: switchUrl });

  app.get('/o/:token', { config: { access: 'public' }, schema: { hide: true, params: Params } }, async (request, reply) => {
    const link = await findOptOutLink(db, request.params.token);
    if (!link) {
      const locale = publicLocale(request, null, negotiateLocale(null, 'en'));
      return sendPublicPage(reply, page(locale, null, html`<p class="error">${outreachMessages.render(locale, 'optOut.unknown')}</p>`, null), 404);
    }
    const locale = publicLocale(request, link.locale, link.orgLocale);
    const url = `/o/${request.params.token}`;
    const body = link.optedOutAt
      ? html`<p class="notice">${outreachMessages.render(locale, 'optOut.done', { org: link.orgName })}</p>`
      : html`<form method="post" action="${url}?lang=${locale}">
          <p>${outreachMessages.render(locale, 'optOut.question', { org: link.orgName })}</p>
          <div class="actions"><button type="submit">${outreachMessages.render(locale, 'optOut.confirm')}</button></div>
        </form>`;
    return sendPublicPage(reply, page(locale, link.orgName, body, url));
  });

  app.post('/o/:token', { config: { access: 'public' }, schema: { hide: true, params: Params } }, async (request, reply) => {
    const link = await findOptOutLink(db, request.params.token);
    const done = link ? await optOutByLink(db, request.params.token, request.ip) : false;
    const locale = publicLocale(request, link?.locale, link?.orgLocale ?? 'en');
    if (!done || !link) return sendPublicPage(reply, page(locale, null, html`<p class="error">${outreachMessages.render(locale, 'optOut.unknown')}</p>`, null), 404);
    return sendPublicPage(reply, page(locale, link.orgName, html`<p class="notice">${outreachMessages.render(locale, 'optOut.done', { org: link.orgName })}</p>`, null));
  });
}

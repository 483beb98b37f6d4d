import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { publicBaseUrl } from '../core/config.ts';
import { LOCALES, type Locale } from '../core/i18n.ts';
import { html, publicLocale, renderPublicPage, sendPublicPage, type SafeHtml } from '../core/public-page.ts';
import type { RewardTerms } from '../db/schema-growth.ts';
import { ARRIVAL_COOKIE } from '../sharing/index.ts';
import { advocatesMessages as m } from './advocates.messages.ts';
import { ADVOCATE_CONSENT_VERSION } from './advocates.vocab.ts';
import { answerInvitation, findInvitationByToken, type JoinAnswer } from './invitations.ts';

const Params = z.object({ token: z.string().min(1).max(100) });
const cfg = { config: { access: 'public' as const }, schema: { hide: true, params: Params } };
const ANSWERS: readonly JoinAnswer[] = ['accept', 'decline', 'leave'];

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** A reward in words: its own label, else its kind and amount. */
function rewardText(locale: Locale, r: RewardTerms): string {
  if (r.label) return r.label;
  return m.render(locale, `reward.${r.kind}`, { amount: String(r.amount), unit: r.unit ?? '' });
}

/** The join page of an advocate invitation (`/join/:token`): what the programme is, the consent, accept or decline; after accepting, the personal link and a way to leave. */
export async function joinRoutes(server: FastifyInstance): Promise<void> {
  const { db } = server.ctx;

  const render = async (request: FastifyRequest<{ Params: { token: string } }>, localeOverride: Locale | null, notice: SafeHtml | null) => {
    const token = request.params.token;
    const inv = await findInvitationByToken(db, token);
    if (!inv) {
      const locale = localeOverride ?? publicLocale(request, null, 'en');
      return { status: 404, markup: renderPublicPage({ locale, title: m.render(locale, 'join.title'), body: html`<p class="error">${m.render(locale, 'join.unknown')}</p>` }) };
    }
    const locale = localeOverride ?? publicLocale(request, inv.locale, inv.orgLocale);
    const t = (key: Parameters<typeof m.render>[1], params?: Record<string, string>) => m.render(locale, key, params);
    const action = `/join/${token}`;
    const org = inv.orgName;
    let body: SafeHtml;
    if (inv.status === 'invited') {
      const offer = inv.programme
        ? html`<h2>${t('join.offerTitle')}</h2>
            <p>${t('join.offer', { programme: inv.programme.name, org, referrer: rewardText(locale, inv.programme.referrer_reward), referee: rewardText(locale, inv.programme.referee_reward) })}</p>
            ${inv.programme.description ? html`<p class="hint">${inv.programme.description}</p>` : null}`
        : null;
      body = html`<p>${t('join.intro', { org })}</p>
        ${offer}
        <h2>${t('join.storiesTitle')}</h2>
        <p>${t('join.stories')}</p>
        <p class="notice">${t('join.noReview')}</p>
        <h2>${t('join.consentTitle')}</h2>
        <form method="post" action="${action}">
          <input type="hidden" name="lang" value="${locale}" />
          <p>${t(`consent.${ADVOCATE_CONSENT_VERSION}`, { org })}</p>
          <p class="hint">${t('join.open', { date: inv.expiresAt.toISOString().slice(0, 10) })}</p>
          <div class="actions">
            <button type="submit" name="answer" value="accept">${t('join.accept')}</button>
            <button type="submit" name="answer" value="decline" class="secondary">${t('join.decline')}</button>
          </div>
        </form>`;
    } else if (inv.status === 'accepted') {
      const url = inv.referralCode ? `${publicBaseUrl(server.ctx.config)}/r/${inv.referralCode}` : null;
      body = html`<p class="notice">${t('join.accepted')}</p>
        ${
          url
            ? html`<p>${t('join.yourLink')}</p>
                <ul class="links">
                  <li><a href="${url}">${url}</a></li>
                </ul>
                <p>${t('join.yourCode', { code: inv.referralCode! })}</p>`
            : null
        }
        <p class="notice">${t('join.noReview')}</p>
        <form method="post" action="${action}">
          <input type="hidden" name="lang" value="${locale}" />
          <p class="hint">${t('join.leaveHint')}</p>
          <div class="actions"><button type="submit" name="answer" value="leave" class="secondary">${t('join.leave')}</button></div>
        </form>`;
    } else {
      const key = inv.status === 'declined' ? 'join.declined' : inv.status === 'expired' ? 'join.expired' : 'join.withdrawn';
      body = html`<p class="notice">${t(key)}</p>`;
    }
    const markup = renderPublicPage({ locale, title: t('join.title'), orgName: org, body: html`${notice}${body}`, languageSwitchUrl: action });
    return { status: inv.status === 'expired' ? 410 : 200, markup };
  };

  server.get<{ Params: { token: string } }>('/join/:token', cfg, async (request, reply) => {
    const page = await render(request, null, null);
    return sendPublicPage(reply, page.markup, page.status);
  });

  server.post<{ Params: { token: string } }>('/join/:token', cfg, async (request, reply) => {
    const lang = field(request.body, 'lang');
    const locale = (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : null;
    const answer = field(request.body, 'answer') as JoinAnswer;
    const inv = await findInvitationByToken(db, request.params.token);
    if (inv && ANSWERS.includes(answer)) {
      await answerInvitation(db, {
        token: request.params.token,
        answer,
        locale: locale ?? inv.locale ?? inv.orgLocale,
        orgName: inv.orgName,
        arrivedBy: request.cookies?.[ARRIVAL_COOKIE] ?? null,
        ip: request.ip,
      });
    }
    const page = await render(request, locale, null);
    return sendPublicPage(reply, page.markup, page.status);
  });
}

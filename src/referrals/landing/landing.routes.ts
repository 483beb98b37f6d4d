import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { LOCALES, type Locale } from '../../core/i18n.ts';
import { publicLocale, sendPublicPage } from '../../core/public-page.ts';
import { ARRIVAL_COOKIE, findLinkByCode, recordClick, visitorHash, type ShareLinkRow } from '../../sharing/index.ts';
import { bookReferral } from '../book-referral.ts';
import { getProgramme, type ProgrammeRow } from '../programmes.ts';
import { landingPage, messagePage, referrerShortName, type BookingErrors, type BookingForm } from './landing-page.ts';

const PHONE = /^\+?[\d\s().-]{6,40}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const cfg = { config: { access: 'public' as const }, schema: { hide: true } };
const EMPTY: BookingForm = { name: '', phone: '', email: '', date: '', consent: false };

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
}

type Found =
  | { kind: 'missing'; locale: Locale }
  | { kind: 'ended'; locale: Locale; orgName: string }
  | { kind: 'ok'; locale: Locale; orgName: string; link: ShareLinkRow; programme: ProgrammeRow; referrer: string | null };

/**
 * The referral landing page `/r/<code>` (public, no JavaScript, the patient's language): counts the
 * click (day-salted visitor hash, bots apart), remembers the code in ARRIVAL_COOKIE, shows the
 * programme's offer for the new patient (the referrer as a first name or initial at most) and the
 * booking-request form. An unknown, disabled or not-yet-active code is 404; an ended programme
 * (status ended, or past ends_on) is 410.
 */
export async function landingRoutes(server: FastifyInstance): Promise<void> {
  const { db } = server.ctx;

  async function find(request: FastifyRequest<{ Params: { code: string } }>): Promise<Found> {
    const link = await findLinkByCode(db, request.params.code);
    const org = link ? await db.selectFrom('organisations').select(['name', 'default_locale', 'timezone']).where('id', '=', link.orgId).executeTakeFirst() : undefined;
    const lang = field(request.body, 'lang');
    const locale = (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : publicLocale(request, null, org?.default_locale ?? 'en');
    if (!link || !org || link.targetKind !== 'referral' || !link.targetId || link.disabledAt) return { kind: 'missing', locale };
    const programme = await getProgramme(db, link.orgId, link.targetId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    });
    if (!programme) return { kind: 'missing', locale };
    const today = new Date().toLocaleDateString('en-CA', { timeZone: org.timezone });
    if (programme.status === 'ended' || (programme.ends_on && programme.ends_on < today)) return { kind: 'ended', locale, orgName: org.name };
    if (programme.status !== 'active' || (programme.starts_on && programme.starts_on > today)) return { kind: 'missing', locale };
    const owner = link.ownerPatientId ? await db.selectFrom('patients').select('name').where('org_id', '=', link.orgId).where('id', '=', link.ownerPatientId).executeTakeFirst() : undefined;
    return { kind: 'ok', locale, orgName: org.name, link, programme, referrer: referrerShortName(owner?.name) };
  }

  function show(reply: FastifyReply, found: Found, form: BookingForm, errors: BookingErrors, status: number) {
    if (found.kind === 'missing') return sendPublicPage(reply, messagePage(found.locale, null, 'page.notFoundTitle', 'page.notFound'), 404);
    if (found.kind === 'ended') return sendPublicPage(reply, messagePage(found.locale, found.orgName, 'page.endedTitle', 'page.ended'), 410);
    const page = landingPage({
      locale: found.locale,
      orgName: found.orgName,
      code: found.link.code,
      referrer: found.referrer,
      offer: found.programme.referee_reward,
      validDays: found.programme.reward_valid_days,
      description: found.programme.description,
      form,
      errors,
    });
    return sendPublicPage(reply, page, status);
  }

  server.get<{ Params: { code: string } }>('/r/:code', cfg, async (request, reply) => {
    const found = await find(request);
    if (found.kind === 'ok') {
      await recordClick(db, { orgId: found.link.orgId, linkId: found.link.id, ip: request.ip, userAgent: request.headers['user-agent'] });
      reply.setCookie(ARRIVAL_COOKIE, found.link.code, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 30 });
    }
    return show(reply, found, EMPTY, {}, 200);
  });

  server.post<{ Params: { code: string } }>('/r/:code', cfg, async (request, reply) => {
    const form: BookingForm = {
      name: field(request.body, 'name').trim().slice(0, 200),
      phone: field(request.body, 'phone').trim().slice(0, 40),
      email: field(request.body, 'email').trim().slice(0, 200),
      date: field(request.body, 'date').trim().slice(0, 10),
      consent: field(request.body, 'consent') === '1',
    };
    const found = await find(request);
    if (found.kind !== 'ok') return show(reply, found, form, {}, 400);
    const errors: BookingErrors = {};
    if (!form.name) errors.name = 'page.needName';
    if (!form.phone && !form.email) errors.contact = 'page.needContact';
    if (form.phone && !PHONE.test(form.phone)) errors.phone = 'page.badPhone';
    if (form.email && !EMAIL.test(form.email)) errors.email = 'page.badEmail';
    const today = new Date().toISOString().slice(0, 10);
    if (form.date && (!DAY.test(form.date) || Number.isNaN(Date.parse(form.date)) || form.date < today)) errors.date = 'page.badDate';
    if (!form.consent) errors.consent = 'page.needConsent';
    if (Object.keys(errors).length) return show(reply, found, form, errors, 400);
    const deviceHash = await visitorHash(db, request.ip, request.headers['user-agent']);
    await bookReferral(db, {
      programme: found.programme,
      link: found.link,
      deviceHash,
      booking: { name: form.name, phone: form.phone || null, email: form.email || null, preferredDate: form.date || null, locale: found.locale },
    });
    return sendPublicPage(reply, messagePage(found.locale, found.orgName, 'page.thanksTitle', 'page.thanks'), 200);
  });
}

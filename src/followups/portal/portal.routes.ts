import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { LOCALES, type Locale } from '../../core/i18n.ts';
import { html, publicLocale, sendPublicPage } from '../../core/public-page.ts';
import { consentText, enrolPatient } from '../enrol.ts';
import { followupsMessages as m } from '../followups.messages.ts';
import { MAX_PHOTO_BYTES, METRICS, type Metric } from '../followups.vocab.ts';
import { cleanPhoto, readPhoto, storePhoto } from '../photos.ts';
import { publicBaseUrl } from '../../core/config.ts';
import { askQuestion } from '../questions.ts';
import { recordReadings } from '../readings.ts';
import { withdrawEnrolment } from '../withdraw.ts';
import { loadPortal } from './portal-data.ts';
import { storyRequestForEnrolment } from '../../stories/index.ts';
import { enrolPage, localText, messagePage, portalPage, type EnrolErrors, type EnrolForm } from './portal-pages.ts';

const PHONE = /^\+?[\d\s().-]{6,40}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const QUESTION_LIMIT = 2000;
const cfg = { config: { access: 'public' as const }, schema: { hide: true } };

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
}

/** The patient's pages: enrolment by a plan's QR code (`/f/:token`) and the portal of an enrolment (`/p/:token`). */
export async function portalRoutes(server: FastifyInstance): Promise<void> {
  const { db } = server.ctx;
  const base = () => publicBaseUrl(server.ctx.config);

  async function planOf(token: string) {
    return db
      .selectFrom('followup_plans as p')
      .innerJoin('followup_plan_versions as v', (j) => j.onRef('v.plan_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'))
      .innerJoin('organisations as o', 'o.id', 'p.org_id')
      .select(['p.id', 'p.org_id', 'p.name', 'p.status', 'v.definition', 'o.name as org_name', 'o.default_locale'])
      .where('p.enrol_token', '=', token)
      .executeTakeFirst();
  }

  function enrolLocale(request: FastifyRequest, orgDefault: Locale): Locale {
    const lang = field(request.body, 'lang');
    return (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : publicLocale(request, null, orgDefault);
  }

  async function showEnrol(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply, form: EnrolForm, errors: EnrolErrors, status: number) {
    const plan = await planOf(request.params.token);
    if (!plan) {
      const locale = publicLocale(request, null, 'en');
      return sendPublicPage(reply, messagePage(locale, null, 'page.notFoundTitle', 'page.notFound', null), 404);
    }
    const locale = request.method === 'POST' ? enrolLocale(request, plan.default_locale) : publicLocale(request, null, plan.default_locale);
    if (plan.status !== 'active') return sendPublicPage(reply, messagePage(locale, plan.org_name, 'page.enrolTitle', 'page.planClosed', `/f/${request.params.token}`), 410);
    const consent = consentText(locale, plan.org_name);
    const page = enrolPage({
      locale,
      orgName: plan.org_name,
      planName: plan.name,
      definition: plan.definition,
      consentText: consent.text,
      consentVersion: consent.version,
      action: `/f/${request.params.token}`,
      form,
      errors,
    });
    return sendPublicPage(reply, page, status);
  }

  server.get<{ Params: { token: string } }>('/f/:token', cfg, async (request, reply) => showEnrol(request, reply, { name: '', phone: '', email: '', consent: false, photos: false }, {}, 200));

  server.post<{ Params: { token: string } }>('/f/:token', cfg, async (request, reply) => {
    const form: EnrolForm = {
      name: field(request.body, 'name').trim().slice(0, 200),
      phone: field(request.body, 'phone').trim().slice(0, 40),
      email: field(request.body, 'email').trim().slice(0, 200),
      consent: field(request.body, 'consent') === '1',
      photos: field(request.body, 'photos') === '1',
    };
    const errors: EnrolErrors = {};
    if (!form.name) errors.name = 'page.needName';
    if (!form.phone && !form.email) errors.contact = 'page.needContact';
    if (form.phone && !PHONE.test(form.phone)) errors.phone = 'page.badPhone';
    if (form.email && !EMAIL.test(form.email)) errors.email = 'page.badEmail';
    if (!form.consent) errors.consent = 'page.needConsent';
    const plan = await planOf(request.params.token);
    if (!plan || plan.status !== 'active' || Object.keys(errors).length) return showEnrol(request, reply, form, errors, plan ? 400 : 404);
    const locale = enrolLocale(request, plan.default_locale);
    try {
      const result = await enrolPatient(db, server.ctx.boss, {
        orgId: plan.org_id,
        planId: plan.id,
        patient: { name: form.name, phone: form.phone || undefined, email: form.email || undefined, locale },
        source: 'qr',
        by: null,
        consent: { locale, agreed: { followUp: true, photos: form.photos } },
      });
      return reply.redirect(`/p/${result.token}?welcome=1`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return sendPublicPage(reply, messagePage(locale, plan.org_name, 'page.enrolTitle', 'page.alreadyEnrolled', null), 409);
      throw error;
    }
  });

  type PortalRequest = FastifyRequest<{ Params: { token: string } }>;

  /** Loads the portal or answers with the page for a bad link or a stopped follow-up; null when answered. */
  async function portal(request: PortalRequest, reply: FastifyReply) {
    const load = await loadPortal(db, request, request.params.token);
    if (!load.ok) {
      const [title, text] = load.reason === 'expired' ? (['page.expiredTitle', 'page.expired'] as const) : (['page.tamperedTitle', 'page.tampered'] as const);
      await sendPublicPage(reply, messagePage(load.locale, load.orgName, title, text, null), load.status);
      return null;
    }
    if (load.status !== 'active') {
      await sendPublicPage(reply, messagePage(load.view.locale, load.view.orgName, 'page.withdrawnTitle', 'page.withdrawn', null), request.method === 'GET' ? 200 : 409);
      return null;
    }
    return load;
  }

  const notice = (text: string) => html`<div class="notice" role="status">${text}</div>`;

  server.get<{ Params: { token: string } }>('/p/:token', cfg, async (request, reply) => {
    const load = await portal(request, reply);
    if (!load) return reply;
    const welcome = (request.query as Record<string, unknown>).welcome === '1';
    return sendPublicPage(reply, portalPage(load.view, welcome ? { notice: notice(m.render(load.view.locale, 'page.enrolled')) } : {}));
  });

  server.post<{ Params: { token: string } }>('/p/:token/readings', cfg, async (request, reply) => {
    const load = await portal(request, reply);
    if (!load) return reply;
    const { locale } = load.view;
    const typed: Partial<Record<Metric, string>> = {};
    const values: Partial<Record<Metric, number>> = {};
    const errors: Partial<Record<Metric, string>> = {};
    for (const spec of load.view.definition.readings) {
      const raw = field(request.body, spec.metric).trim().slice(0, 20);
      if (!raw) continue;
      typed[spec.metric] = raw;
      const value = Number(raw.replace(',', '.'));
      const bounds = METRICS[spec.metric];
      if (!Number.isFinite(value)) errors[spec.metric] = m.render(locale, 'page.notANumber');
      else if (value < bounds.min || value > bounds.max) errors[spec.metric] = m.render(locale, 'page.outOfBounds', { min: bounds.min, max: bounds.max });
      else values[spec.metric] = value;
    }
    const typedAnswers = load.view.definition.questions.map((_, i) => field(request.body, `qa.${i}`).trim().slice(0, 2000));
    if (Object.keys(errors).length) return sendPublicPage(reply, portalPage(load.view, { error: 'page.fixBelow', readings: typed, readingErrors: errors, answers: typedAnswers }), 400);
    if (!Object.keys(values).length && !typedAnswers.some(Boolean)) return sendPublicPage(reply, portalPage(load.view, { error: 'page.readingsHint' }), 400);
    const answers = load.view.definition.questions.map((q, i) => ({ question: localText(q, locale), answer: typedAnswers[i] ?? '' }));
    const result = await recordReadings(db, server.ctx.boss, { orgId: load.orgId, enrolmentId: load.enrolmentId, values, answers, source: 'patient', publicUrl: base() });
    const fresh = await loadPortal(db, request, request.params.token);
    const view = fresh.ok ? fresh.view : load.view;
    const list = result.outOfRange.map((r) => `${m.render(locale, `metric.${r.metric}`)} ${r.value} ${r.unit}`).join('; ');
    const text = html`${notice(m.render(locale, 'page.readingsSaved'))}${result.outOfRange.length ? notice(m.render(locale, 'page.outOfRange', { list })) : null}`;
    return sendPublicPage(reply, portalPage(view, { notice: text }));
  });

  server.post<{ Params: { token: string } }>('/p/:token/photo', cfg, async (request, reply) => {
    const load = await portal(request, reply);
    if (!load) return reply;
    let bytes: Buffer | null = null;
    let tooBig = false;
    if (request.isMultipart()) {
      try {
        for await (const part of request.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } })) {
          if (part.type === 'file') bytes = await part.toBuffer();
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') tooBig = true;
        else throw error;
      }
    }
    const cleaned = tooBig ? ({ ok: false, problem: 'too_big' } as const) : await cleanPhoto(bytes ?? Buffer.alloc(0));
    if (!cleaned.ok) {
      const key = cleaned.problem === 'too_big' ? 'page.photoTooBig' : cleaned.problem === 'missing' ? 'page.photoMissing' : 'page.photoNotImage';
      return sendPublicPage(reply, portalPage(load.view, { photoError: key }), cleaned.problem === 'too_big' ? 413 : cleaned.problem === 'missing' ? 400 : 415);
    }
    await storePhoto(db, { orgId: load.orgId, enrolmentId: load.enrolmentId, mime: cleaned.mime, bytes: cleaned.bytes, width: cleaned.width, height: cleaned.height });
    const fresh = await loadPortal(db, request, request.params.token);
    return sendPublicPage(reply, portalPage(fresh.ok ? fresh.view : load.view, { notice: notice(m.render(load.view.locale, 'page.photoSaved')) }));
  });

  server.get<{ Params: { token: string; id: string } }>('/p/:token/photos/:id', cfg, async (request, reply) => {
    const load = await portal(request, reply);
    if (!load) return reply;
    if (!/^[0-9a-f-]{36}$/i.test(request.params.id)) return sendPublicPage(reply, messagePage(load.view.locale, load.view.orgName, 'page.notFoundTitle', 'page.notFound', null), 404);
    const photo = await readPhoto(db, load.orgId, request.params.id, { enrolmentId: load.enrolmentId });
    return reply.type(photo.mime).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(photo.bytes);
  });

  server.post<{ Params: { token: string } }>('/p/:token/questions', cfg, async (request, reply) => {
    const load = await portal(request, reply);
    if (!load) return reply;
    const text = field(request.body, 'question').trim();
    if (!text) return sendPublicPage(reply, portalPage(load.view, { questionError: 'page.needQuestion' }), 400);
    if (text.length > QUESTION_LIMIT) return sendPublicPage(reply, portalPage(load.view, { questionError: 'page.questionTooLong', question: text }), 400);
    await askQuestion(db, server.ctx.boss, { orgId: load.orgId, enrolmentId: load.enrolmentId, text, publicUrl: base() });
    const fresh = await loadPortal(db, request, request.params.token);
    return sendPublicPage(reply, portalPage(fresh.ok ? fresh.view : load.view, { notice: notice(m.render(load.view.locale, 'page.asked')) }));
  });

  // "Share your story": the patient's own story request (made once), in the portal's language.
  server.get<{ Params: { token: string } }>('/p/:token/story', cfg, async (request, reply) => {
    const load = await portal(request, reply);
    if (!load) return reply;
    const token = await storyRequestForEnrolment(db, load.orgId, load.enrolmentId);
    return reply.redirect(`/tell/${token}?lang=${load.view.locale}`, 303);
  });

  server.post<{ Params: { token: string } }>('/p/:token/withdraw', cfg, async (request, reply) => {
    const load = await portal(request, reply);
    if (!load) return reply;
    await withdrawEnrolment(db, { orgId: load.orgId, enrolmentId: load.enrolmentId, by: null, reason: null });
    return sendPublicPage(reply, messagePage(load.view.locale, load.view.orgName, 'page.withdrawnTitle', 'page.withdrawn', null));
  });
}

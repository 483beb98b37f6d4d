import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicLocale, sendPublicPage } from '../../core/public-page.ts';
import type { Locale } from '../../core/i18n.ts';
import { answersToForm, firstPageMissing, parsePage } from './answers.ts';
import { findPublicLink, findResponse, saveDraft, surveyDefinition, visitLinkAnswered, type PublicLink, type StoredResponse } from './public-survey.queries.ts';
import { renderProblem, renderSurveyPage, renderThankYou, type Problem } from './render-survey.ts';
import { isVisitAnsweredConflict, submitResponse } from './submit-response.ts';
import type { SurveyDefinitionType } from '../survey-definition.ts';
import { publish } from '../../core/events.ts';
import { ARRIVAL_COOKIE_NAME } from '../../sharing/sharing.vocab.ts';

/** The cookie that keeps a respondent's response token, one per link (its path is the link). */
const RESPONSE_COOKIE = 'verity_survey';
const RESPONSE_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const COOKIE_DAYS = 30;

const newResponseToken = () => randomBytes(18).toString('base64url');

/**
 * The survey a patient opens from a link or QR code: `GET /s/:token` shows the page they are at
 * (a saved draft resumes, a submitted one shows the thank-you page), `POST /s/:token` saves the
 * page and moves Back or Next, or submits on the last page. Plain HTML forms, no JavaScript.
 */
export async function publicSurveyRoutes(server: FastifyInstance): Promise<void> {
  const ctx = server.ctx;
  const options = { config: { access: 'public' as const }, schema: { hide: true } };

  function remember(reply: FastifyReply, token: string, responseToken: string): void {
    reply.setCookie(RESPONSE_COOKIE, responseToken, { path: `/s/${token}`, httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, maxAge: COOKIE_DAYS * 86400 });
  }

  /** The link, its locale and definition; or the problem page it leads to. */
  async function open(request: FastifyRequest, reply: FastifyReply, token: string, responseToken: string | null): Promise<{ link: PublicLink; locale: Locale; draft: StoredResponse | null } | null> {
    const found = await findPublicLink(ctx.db, token, responseToken);
    if (!found) {
      const locale = publicLocale(request, null, 'en');
      sendPublicPage(reply, renderProblem(locale, 'notFound', null), 404);
      return null;
    }
    const { link } = found;
    const locale = publicLocale(request, link.locale, link.orgLocale);
    const problem: Problem | null = link.disabled || link.surveyStatus === 'archived' ? 'closed' : link.surveyStatus === 'draft' ? 'notOpen' : null;
    if (problem) {
      sendPublicPage(reply, renderProblem(locale, problem, link.orgName), problem === 'closed' ? 410 : 404);
      return null;
    }
    return { link, locale, draft: found.response };
  }

  async function definitionOr404(request: FastifyRequest, reply: FastifyReply, link: PublicLink, locale: Locale, version: number): Promise<SurveyDefinitionType | null> {
    const definition = await surveyDefinition(ctx.db, link.orgId, link.surveyId, version);
    if (!definition) sendPublicPage(reply, renderProblem(locale, 'notFound', link.orgName), 404);
    return definition;
  }

  async function thankYou(reply: FastifyReply, link: PublicLink, locale: Locale, token: string, definition: SurveyDefinitionType | null, links?: { label: string; url: string }[]) {
    const shown = links ?? link.reviewLinks;
    return sendPublicPage(reply, renderThankYou({ locale, orgName: link.orgName, token, thanks: definition?.thanks, reviewLinks: shown }));
  }

  server.get<{ Params: { token: string } }>('/s/:token', options, async (request, reply) => {
    const { token } = request.params;
    const cookie = request.cookies[RESPONSE_COOKIE];
    const opened = await open(request, reply, token, cookie && RESPONSE_TOKEN.test(cookie) ? cookie : null);
    if (!opened) return reply;
    const { link, locale, draft } = opened;
    const definition = await definitionOr404(request, reply, link, locale, draft?.version ?? link.version);
    if (!definition) return reply;
    if (draft?.status === 'submitted' || (!draft && link.visitId && (await visitLinkAnswered(ctx.db, link)))) return thankYou(reply, link, locale, token, definition);
    const responseToken = draft ? cookie! : newResponseToken();
    remember(reply, token, responseToken);
    // A draft resumes after the last page that holds an answer.
    const answered = draft ? definition.pages.map((p) => p.questions.some((q) => q.id in draft.answers)).lastIndexOf(true) : -1;
    const page = Math.min(answered + 1, definition.pages.length - 1);
    const questions = definition.pages[page]!.questions;
    const form = draft ? answersToForm(questions, draft.answers, draft.contact) : {};
    return sendPublicPage(reply, renderSurveyPage({ locale, orgName: link.orgName, token, responseToken, definition, page, form, errors: {}, resumed: draft !== null && answered >= 0 }));
  });

  server.post<{ Params: { token: string }; Body: Record<string, unknown> | undefined }>('/s/:token', options, async (request, reply) => {
    const { token } = request.params;
    const body = request.body && typeof request.body === 'object' ? request.body : {};
    const given = typeof body.rt === 'string' ? body.rt : '';
    const responseToken = RESPONSE_TOKEN.test(given) ? given : newResponseToken();
    const opened = await open(request, reply, token, responseToken);
    if (!opened) return reply;
    const { link, locale, draft } = opened;
    const definition = await definitionOr404(request, reply, link, locale, draft?.version ?? link.version);
    if (!definition) return reply;
    remember(reply, token, responseToken);
    if (draft?.status === 'submitted') return thankYou(reply, link, locale, token, definition);
    const pageRaw = Number(typeof body.page === 'string' ? body.page : 0);
    const page = Number.isInteger(pageRaw) && pageRaw >= 0 && pageRaw < definition.pages.length ? pageRaw : 0;
    const action = body.action === 'back' ? 'back' : page === definition.pages.length - 1 ? 'submit' : 'next';
    const parsed = parsePage(definition.pages[page]!.questions, body, locale);
    const render = (at: number, form = parsed.form, errors = parsed.errors) =>
      sendPublicPage(reply, renderSurveyPage({ locale, orgName: link.orgName, token, responseToken, definition, page: at, form, errors }), Object.keys(errors).length ? 400 : 200);

    let rt = responseToken;
    /** Saves the page into the draft (a token of another link's response is swapped for a new one); false when the response was submitted already. */
    const save = async (contact: typeof parsed.contact): Promise<boolean> => {
      let outcome = await saveDraft(ctx.db, { link, token: rt, locale, answers: parsed.answers, cleared: parsed.cleared, contact });
      if (outcome === 'foreign') {
        rt = newResponseToken();
        remember(reply, token, rt);
        outcome = await saveDraft(ctx.db, { link, token: rt, locale, answers: parsed.answers, cleared: parsed.cleared, contact });
      }
      return outcome === 'saved';
    };
    const move = async (at: number) => {
      const stored = await findResponse(ctx.db, link, rt);
      const form = answersToForm(definition.pages[at]!.questions, stored?.answers ?? {}, stored?.contact ?? null);
      return sendPublicPage(reply, renderSurveyPage({ locale, orgName: link.orgName, token, responseToken: rt, definition, page: at, form, errors: {} }));
    };
    if (action === 'back') {
      // Going back keeps what this page holds that is valid, and asks nothing of it yet.
      if (!(await save(Object.keys(parsed.errors).length ? null : parsed.contact))) return thankYou(reply, link, locale, token, definition);
      return move(Math.max(0, page - 1));
    }
    if (Object.keys(parsed.errors).length) return render(page);
    if (action === 'next') {
      if (!(await save(parsed.contact))) return thankYou(reply, link, locale, token, definition);
      return move(page + 1);
    }
    const merged = { ...(draft?.answers ?? {}) };
    for (const id of parsed.cleared) delete merged[id];
    const owing = firstPageMissing(definition, { ...merged, ...parsed.answers }, page, locale);
    if (owing) {
      // The last page is kept; the page still owing an answer comes back with its message.
      if (!(await save(parsed.contact))) return thankYou(reply, link, locale, token, definition);
      const stored = await findResponse(ctx.db, link, rt);
      const form = answersToForm(definition.pages[owing.page]!.questions, stored?.answers ?? {}, stored?.contact ?? null);
      return sendPublicPage(reply, renderSurveyPage({ locale, orgName: link.orgName, token, responseToken: rt, definition, page: owing.page, form, errors: owing.errors }), 400);
    }
    try {
      const submission = {
        link,
        definition,
        version: draft?.version ?? link.version,
        token: rt,
        locale,
        answers: parsed.answers,
        cleared: parsed.cleared,
        contact: parsed.contact,
        fresh: draft === null && rt === responseToken,
      };
      let done = await submitResponse(ctx, submission);
      if (done.foreign) {
        rt = newResponseToken();
        remember(reply, token, rt);
        done = await submitResponse(ctx, { ...submission, token: rt, fresh: true });
      }
      // A visitor who came by a share link (its code in the arrival cookie): sharing credits the link's chain.
      const via = request.cookies[ARRIVAL_COOKIE_NAME];
      if (done.created && via) await publish(ctx.boss, ctx.db, 'surveys.response-submitted', { orgId: link.orgId, responseId: null, patientId: link.patientId, via });
      return thankYou(reply, link, locale, token, definition, done.reviewLinks);
    } catch (error) {
      // A visit's link already answered (another device, another tab): the same thank-you, nothing stored twice.
      if (isVisitAnsweredConflict(error)) return thankYou(reply, link, locale, token, definition);
      throw error;
    }
  });
}

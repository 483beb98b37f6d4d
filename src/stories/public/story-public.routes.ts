import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { LOCALES, renderText, type Locale } from '../../core/i18n.ts';
import { html, publicLocale, sendPublicPage } from '../../core/public-page.ts';
import { createStory, storyProblems, type StoryInput } from '../create-story.ts';
import { revokeConsent, withdrawStory } from '../revoke-consent.ts';
import { storiesMessages as m } from '../stories.messages.ts';
import { CONSENT_DURATIONS, CONSENT_USES, consentState, STORY_PHOTO_MAX_BYTES, USE_CHANNELS, type ConsentDuration, type ConsentUse } from '../stories.vocab.ts';
import { cleanStoryPhoto, type StoryPhotoMime } from '../story-photo.ts';
import { findRequestByToken } from '../story-requests.ts';
import { publishedStory } from './public-story.ts';
import { EMPTY_TELL_FORM, myStoryPage, publicStoryPage, storyMessagePage, tellPage, thanksPage, useWords, type TellErrors, type TellForm } from './story-pages.ts';

const cfg = { config: { access: 'public' as const }, schema: { hide: true } };
/** The arrival cookie SHARING's /l/:code sets (sharing's ARRIVAL_COOKIE; not imported, to keep sharing → stories one-way). */
const ARRIVAL_COOKIE = 'verity_via';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The form's fields (multipart with an optional photo, or urlencoded) as one list of name/value pairs and the photo's bytes. */
async function readForm(request: FastifyRequest): Promise<{ fields: [string, string][]; photo: Buffer | null; photoTooBig: boolean }> {
  const fields: [string, string][] = [];
  let photo: Buffer | null = null;
  let photoTooBig = false;
  if (request.isMultipart()) {
    try {
      for await (const part of request.parts({ limits: { fileSize: STORY_PHOTO_MAX_BYTES, files: 1, fields: 40, fieldSize: 64 * 1024 } })) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (bytes.length) photo = bytes;
        } else if (typeof part.value === 'string') fields.push([part.fieldname, part.value]);
      }
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') photoTooBig = true;
      else throw error;
    }
  } else {
    for (const [k, v] of Object.entries((request.body as Record<string, unknown>) ?? {})) {
      for (const one of Array.isArray(v) ? v : [v]) if (typeof one === 'string') fields.push([k, one]);
    }
  }
  return { fields, photo, photoTooBig };
}

const one = (fields: [string, string][], name: string) => fields.find(([k]) => k === name)?.[1] ?? '';

/** The patient's pages: the story form (`/tell/:token`), their story and consents (`/my-story/:token`) and a published story (`/story/:id`). */
export async function storyPublicRoutes(server: FastifyInstance): Promise<void> {
  const { db, boss } = server.ctx;

  async function options(orgId: string) {
    const departments = await db.selectFrom('departments').select(['id', 'name']).where('org_id', '=', orgId).orderBy('name').execute();
    const staff = await db.selectFrom('staff').select(['id', 'name']).where('org_id', '=', orgId).orderBy('name').execute();
    return { departments, staff };
  }

  async function requestOf(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) {
    const found = await findRequestByToken(db, request.params.token);
    if (!found) {
      sendPublicPage(reply, storyMessagePage(publicLocale(request, null, 'en'), null, 'page.notFoundTitle', 'page.notFound', null), 404);
      return null;
    }
    const lang = one(Object.entries((request.body as Record<string, string>) ?? {}) as [string, string][], 'lang');
    const locale = (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : publicLocale(request, found.locale ?? found.patient_locale, found.default_locale);
    if (found.disabled_at) {
      sendPublicPage(reply, storyMessagePage(locale, found.org_name, 'page.closedTitle', 'page.closed', null), 410);
      return null;
    }
    return { found, locale };
  }

  server.get<{ Params: { token: string } }>('/tell/:token', cfg, async (request, reply) => {
    const r = await requestOf(request, reply);
    if (!r) return reply;
    const page = tellPage({ locale: r.locale, orgName: r.found.org_name, action: `/tell/${request.params.token}`, ...(await options(r.found.org_id)), form: EMPTY_TELL_FORM, errors: {} });
    return sendPublicPage(reply, page);
  });

  server.post<{ Params: { token: string } }>('/tell/:token', cfg, async (request, reply) => {
    const found = await findRequestByToken(db, request.params.token);
    if (!found) return sendPublicPage(reply, storyMessagePage(publicLocale(request, null, 'en'), null, 'page.notFoundTitle', 'page.notFound', null), 404);
    const { fields, photo, photoTooBig } = await readForm(request);
    const lang = one(fields, 'lang');
    const locale = (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : publicLocale(request, found.locale ?? found.patient_locale, found.default_locale);
    if (found.disabled_at) return sendPublicPage(reply, storyMessagePage(locale, found.org_name, 'page.closedTitle', 'page.closed', null), 410);
    const opts = await options(found.org_id);
    const uses = fields.filter(([k, v]) => k === 'use' && (CONSENT_USES as readonly string[]).includes(v)).map(([, v]) => v as ConsentUse);
    const durationRaw = one(fields, 'duration');
    const form: TellForm = {
      title: one(fields, 'title').slice(0, 400),
      body: one(fields, 'body').slice(0, 16000),
      author: one(fields, 'author').slice(0, 400),
      video: one(fields, 'video').slice(0, 2000),
      department: opts.departments.some((d) => d.id === one(fields, 'department')) ? one(fields, 'department') : '',
      staff: opts.staff.some((s) => s.id === one(fields, 'staff')) ? one(fields, 'staff') : '',
      material: one(fields, 'material'),
      uses: [...new Set(uses)],
      duration: (CONSENT_DURATIONS as readonly string[]).includes(durationRaw) ? (durationRaw as ConsentDuration) : '',
    };
    const duration: ConsentDuration = form.duration || 'until_revoked';
    const input: StoryInput = {
      title: form.title,
      body: form.body,
      authorName: form.author,
      videoUrl: form.video,
      departmentId: form.department || null,
      staffId: form.staff || null,
      materialConnection: form.material,
      consents: form.uses.map((use) => ({ use, channels: [...USE_CHANNELS[use]], duration })),
    };
    const problems = storyProblems(input);
    const errors: TellErrors = {};
    const say = (text: Parameters<typeof renderText>[1]) => renderText(locale, text);
    if (problems.title) errors.title = say(problems.title);
    if (problems.body) errors.body = say(problems.body);
    if (problems.authorName) errors.author = say(problems.authorName);
    if (problems.videoUrl) errors.video = say(problems.videoUrl);
    if (!form.material) errors.material = m.render(locale, 'invalid.materialMissing');
    else if (problems.materialConnection) errors.material = say(problems.materialConnection);
    if (problems.consents) errors.uses = say(problems.consents);
    if (form.uses.length && !form.duration) errors.duration = m.render(locale, 'invalid.durationMissing');
    let cleaned: { mime: StoryPhotoMime; bytes: Buffer } | null = null;
    if (photoTooBig) errors.photo = m.render(locale, 'invalid.photoTooBig', { mb: STORY_PHOTO_MAX_BYTES / 1024 / 1024 });
    else if (photo) {
      const c = await cleanStoryPhoto(photo);
      if (c.ok) cleaned = { mime: c.mime, bytes: c.bytes };
      else errors.photo = m.render(locale, c.problem === 'too_big' ? 'invalid.photoTooBig' : 'invalid.photoNotImage', { mb: STORY_PHOTO_MAX_BYTES / 1024 / 1024 });
    }
    // A photo that was fine is not kept across a refused form (no JavaScript, no temporary storage): say so.
    if (Object.keys(errors).length) {
      if (cleaned && !errors.photo) errors.photo = m.render(locale, 'invalid.photoAgain');
      return sendPublicPage(reply, tellPage({ locale, orgName: found.org_name, action: `/tell/${request.params.token}`, ...opts, form, errors }), 400);
    }
    const durationWords = m.render(locale, `duration.${duration}`);
    const consentTexts = Object.fromEntries(form.uses.map((use) => [use, `${useWords(locale, found.org_name, use)} — ${durationWords}`]));
    const created = await createStory(db, null, {
      ...input,
      orgId: found.org_id,
      patientId: found.patient_id,
      requestId: found.id,
      locale,
      source: 'portal',
      via: 'portal',
      photo: cleaned,
      consentTexts,
    });
    return sendPublicPage(reply, thanksPage(locale, found.org_name, `/my-story/${created.manageToken}?lang=${locale}`));
  });

  async function mine(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) {
    const token = request.params.token;
    const story = /^[A-Za-z0-9_-]{16,64}$/.test(token)
      ? await db
          .selectFrom('stories as s')
          .innerJoin('organisations as o', 'o.id', 's.org_id')
          .select(['s.id', 's.org_id', 's.title', 's.body', 's.status', 's.locale', 'o.name as org_name'])
          .where('s.manage_token', '=', token)
          .executeTakeFirst()
      : undefined;
    if (!story) {
      sendPublicPage(reply, storyMessagePage(publicLocale(request, null, 'en'), null, 'page.notFoundTitle', 'page.notFound', null), 404);
      return null;
    }
    return { story, locale: publicLocale(request, story.locale, story.locale) };
  }

  async function showMine(reply: FastifyReply, token: string, s: NonNullable<Awaited<ReturnType<typeof mine>>>, notice: string | null) {
    const consents = await db
      .selectFrom('story_consents')
      .select(['id', 'use', 'channels', 'consent_text', 'revoked_at'])
      .select((eb) => [eb.cast<string>('valid_from', 'text').as('valid_from'), eb.cast<string | null>('valid_until', 'text').as('valid_until')])
      .where('story_id', '=', s.story.id)
      .orderBy('granted_at')
      .execute();
    const day = new Date().toISOString().slice(0, 10);
    const page = myStoryPage({
      locale: s.locale,
      orgName: s.story.org_name,
      base: `/my-story/${token}`,
      title: s.story.title,
      body: s.story.body,
      status: s.story.status,
      withdrawn: s.story.status === 'withdrawn',
      consents: consents.map((c) => ({
        id: c.id,
        use: c.use,
        channels: c.channels,
        validFrom: c.valid_from,
        validUntil: c.valid_until,
        text: c.consent_text,
        state: consentState({ validFrom: c.valid_from, validUntil: c.valid_until, revoked: !!c.revoked_at }, day),
      })),
      notice: notice ? html`<div class="notice" role="status">${notice}</div>` : null,
    });
    return sendPublicPage(reply, page);
  }

  server.get<{ Params: { token: string } }>('/my-story/:token', cfg, async (request, reply) => {
    const s = await mine(request, reply);
    if (!s) return reply;
    return showMine(reply, request.params.token, s, null);
  });

  server.post<{ Params: { token: string; id: string } }>('/my-story/:token/consents/:id/revoke', cfg, async (request, reply) => {
    const s = await mine(request, reply);
    if (!s) return reply;
    if (!UUID.test(request.params.id)) return sendPublicPage(reply, storyMessagePage(s.locale, s.story.org_name, 'page.notFoundTitle', 'page.notFound', null), 404);
    let notice = m.render(s.locale, 'mine.revoked');
    try {
      await revokeConsent(db, boss, { orgId: s.story.org_id, storyId: s.story.id, consentId: request.params.id, by: { via: 'portal', userId: null, actor: 'patient', ip: request.ip } });
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'internal') throw error;
      notice = m.render(s.locale, 'mine.alreadyRevoked');
    }
    const fresh = await mine(request, reply);
    return showMine(reply, request.params.token, fresh ?? s, notice);
  });

  server.post<{ Params: { token: string } }>('/my-story/:token/withdraw', cfg, async (request, reply) => {
    const s = await mine(request, reply);
    if (!s) return reply;
    if (s.story.status !== 'withdrawn') await withdrawStory(db, boss, { orgId: s.story.org_id, storyId: s.story.id, by: { via: 'portal', userId: null, actor: 'patient', ip: request.ip } });
    const fresh = await mine(request, reply);
    return showMine(reply, request.params.token, fresh ?? s, m.render(s.locale, 'mine.withdrawn'));
  });

  const viaOf = (request: FastifyRequest) => {
    const q = (request.query as Record<string, unknown>).via;
    return typeof q === 'string' && q ? q : (request.cookies?.[ARRIVAL_COOKIE] ?? null);
  };

  server.get<{ Params: { id: string } }>('/story/:id', cfg, async (request, reply) => {
    const via = viaOf(request);
    const story = await publishedStory(db, request.params.id, via);
    if (!story) return sendPublicPage(reply, storyMessagePage(publicLocale(request, null, 'en'), null, 'page.goneTitle', 'page.gone', null), 410);
    const locale = publicLocale(request, null, story.default_locale);
    const viaQuery = via ? `?via=${encodeURIComponent(via)}` : '';
    const page = publicStoryPage({
      locale,
      orgName: story.org_name,
      title: story.title,
      body: story.body,
      authorName: story.author_name,
      photoUrl: story.has_photo ? `/story/${story.id}/photo${viaQuery}` : null,
      videoUrl: story.video_url,
      materialConnection: story.material_connection,
      switchUrl: `/story/${story.id}${viaQuery}`,
    });
    return sendPublicPage(reply, page);
  });

  server.get<{ Params: { id: string } }>('/story/:id/photo', cfg, async (request, reply) => {
    const story = await publishedStory(db, request.params.id, viaOf(request));
    const photo = story ? await db.selectFrom('stories').select(['photo', 'photo_mime']).where('id', '=', story.id).executeTakeFirst() : null;
    if (!photo?.photo || !photo.photo_mime) return sendPublicPage(reply, storyMessagePage(publicLocale(request, null, 'en'), null, 'page.goneTitle', 'page.gone', null), 410);
    return reply.type(photo.photo_mime).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(photo.photo);
  });
}

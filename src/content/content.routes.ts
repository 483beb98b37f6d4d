import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { AppError } from '../core/errors.ts';
import { renderText } from '../core/i18n.ts';
import { requireAuth } from '../core/request.ts';
import { getBrand, getLogo, updateBrand } from './brand.ts';
import { contentMessages } from './content.messages.ts';
import { BrandBody, BrandView, Finding, PostBody, PostListQuery, PostPatch, PostView, PosterBody, PosterListQuery, PosterView, StoryOptionView } from './content.schemas.ts';
import { makePoster, previewPoster } from './make-poster.ts';
import { findPosters, getPoster, getPosterFile } from './posters.queries.ts';
import { findPosts, getPost } from './posts.queries.ts';
import { createPost, updatePost } from './save-post.ts';
import { findStoryOptions } from './story-options.ts';

/** The brand (content.read / content.manage), posters (preview, make, download) and the content calendar. */
export async function contentRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { ctx } = server;
  const { db } = ctx;
  const tags = ['content'];
  const read = { access: 'content.read' } as const;
  const manage = { access: 'content.manage' } as const;
  const orgOf = (request: FastifyRequest) => requireAuth(request).orgId;
  const by = (request: FastifyRequest) => auditBy(requireAuth(request), request.ip);

  app.get('/api/brand', { config: read, schema: { tags, response: { 200: z.object({ brand: BrandView }) } } }, async (request) => ({ brand: await getBrand(db, orgOf(request)) }));

  app.put('/api/brand', { config: manage, schema: { tags, body: BrandBody, response: { 200: z.object({ brand: BrandView, warnings: z.array(z.string()) }) } } }, async (request) => {
    const result = await updateBrand(db, by(request), request.body);
    return { brand: result.brand, warnings: result.warnings.map((w) => renderText(request.locale, w)) };
  });

  app.get('/api/brand/logo', { config: read, schema: { tags } }, async (request, reply) => {
    const logo = await getLogo(db, orgOf(request));
    if (!logo) throw new AppError('not_found', contentMessages.text('noLogo'));
    return reply.type('image/png').header('cache-control', 'private, max-age=60').header('x-content-type-options', 'nosniff').send(logo);
  });

  app.get('/api/content/stories', { config: read, schema: { tags, response: { 200: z.object({ items: z.array(StoryOptionView) }) } } }, async (request) => ({
    items: await findStoryOptions(db, orgOf(request)),
  }));

  app.post('/api/posters/preview', { config: manage, schema: { tags, body: PosterBody } }, async (request, reply) => {
    const preview = await previewPoster(db, orgOf(request), request.body, request.locale);
    return reply
      .type('image/png')
      .header('cache-control', 'no-store')
      .header('x-poster-warnings', encodeURIComponent(JSON.stringify(preview.warnings.map((w) => w.rule))))
      .send(preview.png);
  });

  app.post('/api/posters', { config: manage, schema: { tags, body: PosterBody, response: { 201: z.object({ poster: PosterView, warnings: z.array(Finding) }) } } }, async (request, reply) => {
    const made = await makePoster(db, ctx.config, by(request), request.body, request.locale);
    return reply.status(201).send({ poster: await getPoster(db, orgOf(request), made.id), warnings: made.warnings });
  });

  app.get('/api/posters', { config: read, schema: { tags, querystring: PosterListQuery, response: { 200: z.object({ items: z.array(PosterView) }) } } }, async (request) => ({
    items: await findPosters(db, orgOf(request), { storyId: request.query.story }),
  }));

  app.get('/api/posters/:id', { config: read, schema: { tags, params: IdParams, response: { 200: z.object({ poster: PosterView }) } } }, async (request) => ({
    poster: await getPoster(db, orgOf(request), request.params.id),
  }));

  for (const kind of ['png', 'pdf'] as const)
    app.get(`/api/posters/:id/${kind}`, { config: read, schema: { tags, params: IdParams, querystring: z.object({ download: z.enum(['0', '1']).optional() }) } }, async (request, reply) => {
      const file = await getPosterFile(db, orgOf(request), request.params.id, kind);
      const disposition = request.query.download === '1' ? 'attachment' : 'inline';
      return reply
        .type(kind === 'png' ? 'image/png' : 'application/pdf')
        .header('content-disposition', `${disposition}; filename="${file.filename}"`)
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    });

  app.get('/api/content-posts', { config: read, schema: { tags, querystring: PostListQuery, response: { 200: z.object({ items: z.array(PostView) }) } } }, async (request) => ({
    items: await findPosts(db, orgOf(request), { from: request.query.from ? new Date(request.query.from) : undefined, to: request.query.to ? new Date(request.query.to) : undefined }),
  }));

  app.post('/api/content-posts', { config: manage, schema: { tags, body: PostBody, response: { 201: z.object({ post: PostView }) } } }, async (request, reply) => {
    const body = request.body;
    const id = await createPost(db, by(request), { ...body, scheduledFor: body.scheduledFor ? new Date(body.scheduledFor) : null }, request.locale);
    return reply.status(201).send({ post: await getPost(db, orgOf(request), id) });
  });

  app.get('/api/content-posts/:id', { config: read, schema: { tags, params: IdParams, response: { 200: z.object({ post: PostView }) } } }, async (request) => ({
    post: await getPost(db, orgOf(request), request.params.id),
  }));

  app.patch('/api/content-posts/:id', { config: manage, schema: { tags, params: IdParams, body: PostPatch, response: { 200: z.object({ post: PostView }) } } }, async (request) => {
    const { scheduledFor, ...rest } = request.body;
    await updatePost(db, by(request), request.params.id, { ...rest, ...(scheduledFor === undefined ? {} : { scheduledFor: scheduledFor ? new Date(scheduledFor) : null }) }, request.locale);
    return { post: await getPost(db, orgOf(request), request.params.id) };
  });
}

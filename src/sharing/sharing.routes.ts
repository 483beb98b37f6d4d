import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { renderText } from '../core/i18n.ts';
import { requireAuth } from '../core/request.ts';
import type { Db } from '../db/database.ts';
import { findLinks, linkFigures, type LinkListRow } from './link-figures.ts';
import { disableShareLink, makeShareLink } from './make-link.ts';
import { findOrigins, loadPropagation } from './propagation.ts';
import { qrPng, qrSvg } from '../core/qr.ts';
import { getShareLink } from './share-links.ts';
import { shareTargets } from './share-targets.ts';
import { CreateShareLinkBody, PropagationQuery, PropagationResponse, ShareLinkList, ShareLinkListQuery, ShareLinkResponse, ShareTargets } from './sharing.schemas.ts';

export const LINKS_PAGE_SIZE = 50;

/** The sharing API: links with their figures, making and disabling them, QR codes, the targets a link can have, and the propagation view. */
export async function sharingRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db, config } = server.ctx;
  const tags = ['sharing'];
  const orgOf = (request: FastifyRequest) => requireAuth(request).orgId;
  // Without VERITY_PUBLIC_URL, links are written out on the address staff reached Verity at.
  const base = (request: FastifyRequest) => (config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');

  async function views(d: Db, request: FastifyRequest, rows: LinkListRow[]) {
    const figures = await linkFigures(
      d,
      orgOf(request),
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...r, url: `${base(request)}/l/${r.code}`, ...figures.get(r.id)! }));
  }
  async function one(request: FastifyRequest, id: string) {
    const link = await getShareLink(db, orgOf(request), id);
    const { items } = await findLinks(db, link.orgId, { limit: 1, offset: 0, disabled: true, only: link.id });
    return (await views(db, request, items))[0]!;
  }

  app.get('/api/sharing/links', { config: { access: 'sharing.read' }, schema: { tags, querystring: ShareLinkListQuery, response: { 200: ShareLinkList } } }, async (request) => {
    const q = request.query;
    const found = await findLinks(db, orgOf(request), {
      targetKind: q.targetKind,
      channel: q.channel,
      disabled: q.disabled === 'true',
      limit: LINKS_PAGE_SIZE,
      offset: (q.page - 1) * LINKS_PAGE_SIZE,
    });
    return { items: await views(db, request, found.items), total: found.total, page: q.page, pageSize: LINKS_PAGE_SIZE };
  });

  app.get('/api/sharing/targets', { config: { access: 'sharing.read' }, schema: { tags, response: { 200: ShareTargets } } }, async (request) => shareTargets(db, orgOf(request)));

  app.post('/api/sharing/links', { config: { access: 'sharing.manage' }, schema: { tags, body: CreateShareLinkBody, response: { 201: ShareLinkResponse } } }, async (request, reply) => {
    const { link, warnings } = await makeShareLink(db, auditBy(requireAuth(request), request.ip), request.body);
    return reply.status(201).send({ link: await one(request, link.id), warnings: warnings.map((w) => ({ rule: w.rule, law: w.law, text: renderText(request.locale, w.text) })) });
  });

  app.get('/api/sharing/links/:id', { config: { access: 'sharing.read' }, schema: { tags, params: IdParams, response: { 200: ShareLinkResponse } } }, async (request) => ({
    link: await one(request, request.params.id),
    warnings: [],
  }));

  app.post('/api/sharing/links/:id/disable', { config: { access: 'sharing.manage' }, schema: { tags, params: IdParams, response: { 200: ShareLinkResponse } } }, async (request) => {
    await disableShareLink(db, auditBy(requireAuth(request), request.ip), request.params.id);
    return { link: await one(request, request.params.id), warnings: [] };
  });

  const fileName = (code: string, ext: string) => `attachment; filename="link-${code}.${ext}"`;
  app.get('/api/sharing/links/:id/qr.png', { config: { access: 'sharing.read' }, schema: { tags, params: IdParams } }, async (request, reply) => {
    const link = await getShareLink(db, orgOf(request), request.params.id);
    return reply
      .type('image/png')
      .header('content-disposition', fileName(link.code, 'png'))
      .send(await qrPng(`${base(request)}/l/${link.code}`));
  });
  app.get('/api/sharing/links/:id/qr.svg', { config: { access: 'sharing.read' }, schema: { tags, params: IdParams } }, async (request, reply) => {
    const link = await getShareLink(db, orgOf(request), request.params.id);
    return reply
      .type('image/svg+xml')
      .header('content-disposition', fileName(link.code, 'svg'))
      .send(await qrSvg(`${base(request)}/l/${link.code}`));
  });

  app.get('/api/sharing/propagation', { config: { access: 'sharing.read' }, schema: { tags, querystring: PropagationQuery, response: { 200: PropagationResponse } } }, async (request) => {
    const orgId = orgOf(request);
    const origins = await findOrigins(db, orgId, { limit: request.query.limit });
    const chosen = request.query.origin ?? origins[0]?.id;
    return { origins, tree: chosen ? await loadPropagation(db, orgId, chosen) : null };
  });
}

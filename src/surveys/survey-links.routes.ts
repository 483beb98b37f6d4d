import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { requireAuth } from '../core/request.ts';
import { qrPng, qrSvg } from '../core/qr.ts';
import { cardPdf } from './survey-card.ts';
import { createLinkByStaff, disableLink } from './survey-links.ts';
import { CreateLinkBody, SurveyLinkView } from './surveys.schemas.ts';
import { findLinks, getLink, getSurvey, orgForCard } from './surveys.queries.ts';

const LinkResponse = z.object({ link: SurveyLinkView });

/** Links and QR codes of a survey: per organisation, location, department, doctor or visit; PNG, SVG and the printable A6 card. */
export async function surveyLinkRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db, config } = server.ctx;
  const tags = ['surveys'];
  const orgOf = (request: FastifyRequest) => requireAuth(request).orgId;
  // Without VERITY_PUBLIC_URL, links are written out on the address staff reached Verity at.
  const configOf = (request: FastifyRequest) => ({ port: config.port, publicUrl: config.publicUrl ?? `${request.protocol}://${request.host}` });

  app.get(
    '/api/surveys/:id/links',
    {
      config: { access: 'surveys.read' },
      schema: { tags, params: IdParams, querystring: z.object({ visits: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(SurveyLinkView) }) } },
    },
    async (request) => {
      await getSurvey(db, orgOf(request), request.params.id);
      return { items: await findLinks(db, configOf(request), orgOf(request), { surveyId: request.params.id, withVisits: request.query.visits === 'true' }) };
    },
  );

  app.post('/api/surveys/:id/links', { config: { access: 'surveys.manage' }, schema: { tags, params: IdParams, body: CreateLinkBody, response: { 201: LinkResponse } } }, async (request, reply) => {
    const id = await createLinkByStaff(db, auditBy(requireAuth(request), request.ip), request.params.id, request.body);
    return reply.status(201).send({ link: await getLink(db, configOf(request), orgOf(request), id) });
  });

  app.get('/api/survey-links/:id', { config: { access: 'surveys.read' }, schema: { tags, params: IdParams, response: { 200: LinkResponse } } }, async (request) => ({
    link: await getLink(db, configOf(request), orgOf(request), request.params.id),
  }));

  app.post('/api/survey-links/:id/disable', { config: { access: 'surveys.manage' }, schema: { tags, params: IdParams, response: { 200: LinkResponse } } }, async (request) => {
    await disableLink(db, auditBy(requireAuth(request), request.ip), request.params.id);
    return { link: await getLink(db, configOf(request), orgOf(request), request.params.id) };
  });

  const fileName = (token: string, ext: string) => `attachment; filename="survey-${token.slice(0, 8)}.${ext}"`;

  app.get('/api/survey-links/:id/qr.png', { config: { access: 'surveys.read' }, schema: { tags, params: IdParams } }, async (request, reply) => {
    const link = await getLink(db, configOf(request), orgOf(request), request.params.id);
    return reply
      .type('image/png')
      .header('content-disposition', fileName(link.token, 'png'))
      .send(await qrPng(link.url));
  });

  app.get('/api/survey-links/:id/qr.svg', { config: { access: 'surveys.read' }, schema: { tags, params: IdParams } }, async (request, reply) => {
    const link = await getLink(db, configOf(request), orgOf(request), request.params.id);
    return reply
      .type('image/svg+xml')
      .header('content-disposition', fileName(link.token, 'svg'))
      .send(await qrSvg(link.url));
  });

  app.get('/api/survey-links/:id/card.pdf', { config: { access: 'surveys.read' }, schema: { tags, params: IdParams } }, async (request, reply) => {
    const link = await getLink(db, configOf(request), orgOf(request), request.params.id);
    const org = await orgForCard(db, orgOf(request));
    const pdf = await cardPdf({ url: link.url, orgName: org.name, label: link.scope === 'visit' ? '' : link.label, locale: link.locale ?? org.default_locale });
    return reply.type('application/pdf').header('content-disposition', fileName(link.token, 'pdf')).send(pdf);
  });
}

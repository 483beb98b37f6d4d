import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { badRequest } from '../core/errors.ts';
import { requireAuth } from '../core/request.ts';
import { advocatesMessages as m } from './advocates.messages.ts';
import { KOC_WEIGHTS } from './advocates.vocab.ts';
import { AuthorQuery, DetailView, InvitationsQuery, InvitationsView, InviteBody, InviteView, ListQuery, ListView, PeriodQuery } from './advocates.schemas.ts';
import { inviteAdvocate } from './invite-advocate.ts';
import { listInvitations, withdrawInvitation } from './invitations.ts';
import { authorEvidence, patientEvidence } from './koc-evidence.ts';
import { kocList, parseAuthorKey } from './koc-list.ts';
import type { Period } from './koc-signals.ts';

const DAY = 86_400_000;

/** The period asked for: by default the year up to today (UTC). */
function periodOf(query: { from?: string | undefined; to?: string | undefined }): Period {
  const to = query.to ?? new Date().toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 364 * DAY).toISOString().slice(0, 10);
  if (from > to) throw badRequest(m.text('error.period', { from, to }));
  return { from, to };
}

/**
 * The advocates API: the ranked KOC list and each advocate's evidence (`advocates.read`:
 * organisation-wide roles only; department heads and staff do not hold it, as the list spans
 * departments), and invitations (`advocates.manage`).
 */
export async function advocatesRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db, config } = server.ctx;
  const tags = ['advocates'];

  app.get('/api/advocates', { config: { access: 'advocates.read' }, schema: { tags, querystring: ListQuery, response: { 200: ListView } } }, async (request) => {
    const period = periodOf(request.query);
    const list = await kocList(db, requireAuth(request).orgId, { ...period, kind: request.query.kind, page: request.query.page });
    return { ...list, period, weights: KOC_WEIGHTS };
  });

  app.get('/api/advocates/patients/:id', { config: { access: 'advocates.read' }, schema: { tags, params: IdParams, querystring: PeriodQuery, response: { 200: DetailView } } }, async (request) =>
    patientEvidence(db, requireAuth(request).orgId, request.params.id, periodOf(request.query)),
  );

  app.get('/api/advocates/author', { config: { access: 'advocates.read' }, schema: { tags, querystring: AuthorQuery, response: { 200: DetailView } } }, async (request) => {
    const author = parseAuthorKey(request.query.key);
    if (!author) throw badRequest(m.text('error.badAuthorKey', { key: request.query.key }));
    return authorEvidence(db, requireAuth(request).orgId, author, periodOf(request.query));
  });

  app.get('/api/advocates/invitations', { config: { access: 'advocates.read' }, schema: { tags, querystring: InvitationsQuery, response: { 200: InvitationsView } } }, async (request) =>
    listInvitations(db, requireAuth(request).orgId, request.query),
  );

  app.post('/api/advocates/invitations', { config: { access: 'advocates.manage' }, schema: { tags, body: InviteBody, response: { 201: InviteView } } }, async (request, reply) => {
    const auth = requireAuth(request);
    const invitation = await inviteAdvocate(db, config, auditBy(auth, request.ip), request.body);
    return reply.status(201).send({ invitation });
  });

  app.post('/api/advocates/invitations/:id/withdraw', { config: { access: 'advocates.manage' }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await withdrawInvitation(db, auditBy(requireAuth(request), request.ip), request.params.id);
    return reply.status(204).send();
  });
}

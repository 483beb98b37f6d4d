import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { forbidden } from '../core/errors.ts';
import { requireAuth } from '../core/request.ts';
import { AddMemberBody, CreateTeamBody, MemberParams, TeamView, UpdateMemberBody, UpdateTeamBody } from './cases.schemas.ts';
import { changeMember, createTeam, findTeams, getTeam, updateTeam } from './teams.ts';

const TeamResponse = z.object({ team: TeamView });

/** Teams, their members and who is on shift, and whether each team assigns new cases by itself. */
export async function teamRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const tags = ['cases'];
  const by = (request: FastifyRequest) => auditBy(requireAuth(request), request.ip);

  app.get('/api/teams', { config: { access: 'cases.read' }, schema: { tags, response: { 200: z.object({ items: z.array(TeamView) }) } } }, async (request) => ({
    items: await findTeams(db, requireAuth(request).orgId, request.locale),
  }));

  app.post('/api/teams', { config: { access: 'cases.manage' }, schema: { tags, body: CreateTeamBody, response: { 201: TeamResponse } } }, async (request, reply) => {
    const id = await createTeam(db, by(request), request.body);
    return reply.status(201).send({ team: await getTeam(db, requireAuth(request).orgId, id, request.locale) });
  });

  app.patch('/api/teams/:id', { config: { access: 'cases.manage' }, schema: { tags, params: IdParams, body: UpdateTeamBody, response: { 200: TeamResponse } } }, async (request) => {
    await updateTeam(db, by(request), request.params.id, request.body);
    return { team: await getTeam(db, requireAuth(request).orgId, request.params.id, request.locale) };
  });

  app.post('/api/teams/:id/members', { config: { access: 'cases.manage' }, schema: { tags, params: IdParams, body: AddMemberBody, response: { 200: TeamResponse } } }, async (request) => {
    await changeMember(db, by(request), request.params.id, request.body.userId, 'add');
    return { team: await getTeam(db, requireAuth(request).orgId, request.params.id, request.locale) };
  });

  app.patch(
    '/api/teams/:id/members/:userId',
    // A member puts themself on or off shift; anyone else's shift is the managers' to change.
    { config: { access: 'cases.work' }, schema: { tags, params: MemberParams, body: UpdateMemberBody, response: { 200: TeamResponse } } },
    async (request) => {
      const auth = requireAuth(request);
      if (request.params.userId !== auth.userId && !server.ctx.access.can(auth.role, 'cases.manage')) throw forbidden();
      await changeMember(db, by(request), request.params.id, request.params.userId, { onShift: request.body.onShift });
      return { team: await getTeam(db, requireAuth(request).orgId, request.params.id, request.locale) };
    },
  );

  app.delete('/api/teams/:id/members/:userId', { config: { access: 'cases.manage' }, schema: { tags, params: MemberParams, response: { 200: TeamResponse } } }, async (request) => {
    await changeMember(db, by(request), request.params.id, request.params.userId, 'remove');
    return { team: await getTeam(db, requireAuth(request).orgId, request.params.id, request.locale) };
  });
}

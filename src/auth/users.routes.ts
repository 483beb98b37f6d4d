import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { requireAuth } from '../core/request.ts';
import { CreateUserBody, IdParams, UpdateUserBody, UserView } from './auth.schemas.ts';
import { createUser } from './create-user.ts';
import { updateUser } from './update-user.ts';
import { findUsers, getUser } from './users.queries.ts';

export async function userRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const db = server.ctx.db;

  app.get('/api/users', { config: { access: 'users.manage' }, schema: { tags: ['users'], response: { 200: z.object({ items: z.array(UserView) }) } } }, async (request) => ({
    items: await findUsers(db, requireAuth(request).orgId),
  }));

  app.post('/api/users', { config: { access: 'users.manage' }, schema: { tags: ['users'], body: CreateUserBody, response: { 201: z.object({ user: UserView }) } } }, async (request, reply) => {
    const auth = requireAuth(request);
    const { orgId, ...by } = auditBy(auth, request.ip);
    const id = await createUser(db, { orgId, ...request.body }, by);
    return reply.status(201).send({ user: await getUser(db, auth.orgId, id) });
  });

  app.patch(
    '/api/users/:id',
    { config: { access: 'users.manage' }, schema: { tags: ['users'], params: IdParams, body: UpdateUserBody, response: { 200: z.object({ user: UserView }) } } },
    async (request) => {
      const auth = requireAuth(request);
      await updateUser(db, auditBy(auth, request.ip), request.params.id, request.body);
      return { user: await getUser(db, auth.orgId, request.params.id) };
    },
  );
}

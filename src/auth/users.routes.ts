import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/database.ts';
import { requireAuth } from '../core/request.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { CreateUserBody, IdParams, UpdateUserBody, UserView } from './auth.schemas.ts';
import { createUser } from './create-user.ts';
import { hashPassword } from './passwords.ts';
import type { Role } from '../core/access.vocab.ts';

/** Users of one organisation with their departments. */
export async function findUsers(db: Db, orgId: string, userId?: string): Promise<z.infer<typeof UserView>[]> {
  let query = db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.disabled',
      'u.created_at as createdAt',
      'u.last_login_at as lastLoginAt',
      sql<string[]>`coalesce((SELECT array_agg(ud.department_id) FROM user_departments ud WHERE ud.user_id = u.id), '{}')`.as('departmentIds'),
    ])
    .where('u.org_id', '=', orgId)
    .orderBy('u.email');
  if (userId) query = query.where('u.id', '=', userId);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, role: r.role as Role, departmentIds: r.departmentIds ?? [] }));
}

async function assertDepartmentsInOrg(db: Db, orgId: string, departmentIds: string[]): Promise<void> {
  if (departmentIds.length === 0) return;
  const found = await db.selectFrom('departments').select('id').where('org_id', '=', orgId).where('id', 'in', departmentIds).execute();
  if (found.length !== new Set(departmentIds).size) throw badRequest('departmentIds names a department that does not exist');
}

export async function userRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const db = server.ctx.db;

  app.get('/api/users', { config: { access: 'users.manage' }, schema: { tags: ['users'], response: { 200: z.object({ items: z.array(UserView) }) } } }, async (request) => ({
    items: await findUsers(db, requireAuth(request).orgId),
  }));

  app.post(
    '/api/users',
    { config: { access: 'users.manage' }, schema: { tags: ['users'], body: CreateUserBody, response: { 201: z.object({ user: UserView }) } } },
    async (request, reply) => {
      const auth = requireAuth(request);
      await assertDepartmentsInOrg(db, auth.orgId, request.body.departmentIds ?? []);
      const id = await createUser(db, { orgId: auth.orgId, ...request.body });
      await recordAudit(db, { orgId: auth.orgId, userId: auth.userId, actor: auth.email, action: 'user.create', targetType: 'user', targetId: id, ip: request.ip, details: { email: request.body.email, role: request.body.role } });
      const [user] = await findUsers(db, auth.orgId, id);
      return reply.status(201).send({ user: user! });
    },
  );

  app.patch(
    '/api/users/:id',
    { config: { access: 'users.manage' }, schema: { tags: ['users'], params: IdParams, body: UpdateUserBody, response: { 200: z.object({ user: UserView }) } } },
    async (request) => {
      const auth = requireAuth(request);
      const { id } = request.params;
      const body = request.body;
      const [existing] = await findUsers(db, auth.orgId, id);
      if (!existing) throw notFound('user');
      if (id === auth.userId && (body.disabled || (body.role && body.role !== 'admin'))) {
        throw badRequest('you cannot disable yourself or drop your own admin role');
      }
      if (body.departmentIds) await assertDepartmentsInOrg(db, auth.orgId, body.departmentIds);
      const passwordHash = body.password ? await hashPassword(body.password) : undefined;
      await db.transaction().execute(async (trx) => {
        const set = { name: body.name, role: body.role, disabled: body.disabled, password_hash: passwordHash };
        if (Object.values(set).some((v) => v !== undefined)) {
          await trx.updateTable('users').set(set).where('id', '=', id).where('org_id', '=', auth.orgId).execute();
        }
        if (body.departmentIds) {
          await trx.deleteFrom('user_departments').where('user_id', '=', id).execute();
          if (body.departmentIds.length) {
            await trx.insertInto('user_departments').values(body.departmentIds.map((d) => ({ user_id: id, department_id: d }))).execute();
          }
        }
        if (body.disabled || passwordHash) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      });
      const { password: _omit, ...logged } = body;
      await recordAudit(db, { orgId: auth.orgId, userId: auth.userId, actor: auth.email, action: 'user.update', targetType: 'user', targetId: id, ip: request.ip, details: { ...logged, passwordChanged: Boolean(passwordHash) } });
      const [user] = await findUsers(db, auth.orgId, id);
      return { user: user! };
    },
  );
}

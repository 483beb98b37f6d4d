import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import type { AccessTable } from '../core/context.ts';
import { requireAuth } from '../core/request.ts';
import { LoginBody, Me } from './auth.schemas.ts';
import { login } from './login.ts';
import { CSRF_COOKIE, deleteSession, findSessionUser, SESSION_COOKIE, SESSION_TTL_MS, type SessionUser } from './sessions.ts';

export function meOf(access: AccessTable, user: SessionUser): z.infer<typeof Me> {
  return {
    id: user.userId,
    email: user.email,
    name: user.name,
    role: user.role,
    org: { id: user.orgId, slug: user.orgSlug, name: user.orgName },
    departmentIds: user.departmentIds,
    permissions: access.permissionsOf(user.role),
  };
}

export async function authRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const secure = server.ctx.config.secureCookies;

  app.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { tags: ['auth'], body: LoginBody, response: { 200: z.object({ user: Me }) } } },
    async (request, reply) => {
      const { token, csrfToken } = await login(app.ctx.db, {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      const maxAge = SESSION_TTL_MS / 1000;
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
      // Readable by the page on purpose: double-submit CSRF token, useless without the session cookie.
      reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge });
      const user = await findSessionUser(app.ctx.db, token);
      return { user: meOf(app.ctx.access, user!) };
    },
  );

  app.post('/api/auth/logout', { config: { access: 'authenticated' }, schema: { tags: ['auth'] } }, async (request, reply) => {
    const user = requireAuth(request);
    await deleteSession(app.ctx.db, user.sessionId);
    await recordAudit(app.ctx.db, { orgId: user.orgId, userId: user.userId, actor: user.email, action: 'auth.logout', ip: request.ip });
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: z.object({ user: Me }) } } }, async (request) => ({
    user: meOf(app.ctx.access, requireAuth(request)),
  }));
}

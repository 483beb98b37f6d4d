import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessTable } from '../core/context.ts';
import type { Locale } from '../core/i18n.ts';
import { requireAuth } from '../core/request.ts';
import { LoginBody, Me, MePatch } from './auth.schemas.ts';
import { login, logout } from './login.ts';
import { CSRF_COOKIE, findSessionUser, SESSION_COOKIE, SESSION_TTL_MS, type SessionUser } from './sessions.ts';
import { findUserLocale, findUserStaffId, setUserLocale } from './users.queries.ts';

export function meOf(access: AccessTable, user: SessionUser, locale: Locale | null, staffId: string | null = null): z.infer<typeof Me> {
  return {
    id: user.userId,
    email: user.email,
    name: user.name,
    role: user.role,
    org: { id: user.orgId, slug: user.orgSlug, name: user.orgName },
    departmentIds: user.departmentIds,
    permissions: access.permissionsOf(user.role),
    locale,
    staffId,
  };
}

export async function authRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const secure = server.ctx.config.secureCookies;

  app.post('/api/auth/login', { config: { access: 'public' }, schema: { tags: ['auth'], body: LoginBody, response: { 200: z.object({ user: Me }) } } }, async (request, reply) => {
    const { token, csrfToken } = await login(db, {
      email: request.body.email,
      password: request.body.password,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    });
    const maxAge = SESSION_TTL_MS / 1000;
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
    // Readable by the page on purpose: double-submit CSRF token, useless without the session cookie.
    reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge });
    const user = (await findSessionUser(db, token))!;
    return { user: meOf(app.ctx.access, user, await findUserLocale(db, user.userId), await findUserStaffId(db, user.userId)) };
  });

  app.post('/api/auth/logout', { config: { access: 'authenticated' }, schema: { tags: ['auth'] } }, async (request, reply) => {
    await logout(db, requireAuth(request), request.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: z.object({ user: Me }) } } }, async (request) => {
    const user = requireAuth(request);
    return { user: meOf(app.ctx.access, user, await findUserLocale(db, user.userId), await findUserStaffId(db, user.userId)) };
  });

  // The signed-in user's own language; a preference of theirs, so it takes no permission and leaves no audit entry.
  app.patch('/api/auth/me', { config: { access: 'authenticated' }, schema: { tags: ['auth'], body: MePatch, response: { 200: z.object({ user: Me }) } } }, async (request) => {
    const user = requireAuth(request);
    await setUserLocale(db, user.userId, request.body.locale);
    return { user: meOf(app.ctx.access, user, request.body.locale, await findUserStaffId(db, user.userId)) };
  });
}

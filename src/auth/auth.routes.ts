import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessTable } from '../core/context.ts';
import type { Locale } from '../core/i18n.ts';
import { requireAuth } from '../core/request.ts';
import { AppError } from '../core/errors.ts';
import { LoginBody, Me, MePatch, PasswordChangeBody } from './auth.schemas.ts';
import { changeOwnPassword } from './change-password.ts';
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

/** A throttled attempt's answer carries Retry-After (seconds) beside its message. */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const seconds = error instanceof AppError && error.code === 'rate_limited' ? (error.details as { retryAfterSeconds?: number }).retryAfterSeconds : undefined;
    if (seconds) reply.header('retry-after', String(seconds));
    throw error;
  }
}

export async function authRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  // Secure when configured, or when this request came over HTTPS (its proxy's X-Forwarded-Proto counts only for a trusted proxy).
  const secureFor = (request: FastifyRequest) => server.ctx.config.secureCookies || request.protocol === 'https';

  app.post('/api/auth/login', { config: { access: 'public' }, schema: { tags: ['auth'], body: LoginBody, response: { 200: z.object({ user: Me }) } } }, async (request, reply) => {
    const { token, csrfToken } = await withRetryAfter(reply, () =>
      login(db, {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      }),
    );
    const maxAge = SESSION_TTL_MS / 1000;
    const secure = secureFor(request);
    // Host-only (no Domain), http-only; SameSite=Lax so a link from an alert e-mail opens signed in, while cross-site writes carry no cookie.
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

  // The signed-in user's own password: needs the current one, never the login throttle (a live session is never locked out).
  app.post('/api/auth/password', { config: { access: 'authenticated' }, schema: { tags: ['auth'], body: PasswordChangeBody } }, async (request, reply) => {
    await withRetryAfter(reply, () => changeOwnPassword(db, requireAuth(request), request.body, request.ip));
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

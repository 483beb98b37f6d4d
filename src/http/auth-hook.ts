import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Permission } from '../auth/permissions.ts';
import { findSessionUser, SESSION_COOKIE, type SessionUser } from '../auth/sessions.ts';
import { AppError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route must declare its access in `config.access`; the server refuses to start
 * otherwise, so no route can be added without consulting the permission table.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && !route.config?.access && route.url !== '/api/openapi.json') {
      throw new Error(`route ${route.method} ${route.url} declares no access`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public' || access === 'source-token') return;
    const user = await authenticate(app, request);
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || header !== user.csrfToken) {
        throw new AppError('forbidden', 'missing or invalid CSRF token (send the verity_csrf cookie value in x-csrf-token)');
      }
    }
    if (access !== 'authenticated' && !can(user.role, access as Permission)) {
      throw new AppError('forbidden', `your role (${user.role}) may not ${access}`);
    }
    request.auth = user;
  });
}

async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<SessionUser> {
  const token = request.cookies[SESSION_COOKIE];
  const user = token ? await findSessionUser(app.ctx.db, token) : null;
  if (!user) throw new AppError('unauthorized', 'log in first');
  return user;
}

/** The authenticated user of a route that declared a permission; throws if the hook did not run. */
export function requireAuth(request: FastifyRequest): SessionUser {
  if (!request.auth) throw new AppError('unauthorized', 'log in first');
  return request.auth;
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findSessionUser, SESSION_COOKIE, type SessionUser } from './auth/index.ts';
import { AppError, errorMessages } from './core/errors.ts';
import { negotiateLocale } from './core/i18n.ts';
import { can, isPermission } from './permissions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SPECIAL_ACCESS = new Set(['authenticated', 'public', 'source-token']);

const DECLARED_ACCESS = new WeakMap<FastifyInstance, ReadonlyMap<string, string>>();

/** The access every /api route of a server declared, by "METHOD /path" (the route matrix test checks each against the permission table). */
export function declaredAccess(app: FastifyInstance): ReadonlyMap<string, string> {
  return DECLARED_ACCESS.get(app) ?? new Map();
}

/**
 * Every /api route must declare its access in `config.access`, and a permission it names must be
 * in the table; the server refuses to start otherwise, so no route can be added without consulting
 * the permission table. Every request also gets its reader's language (Accept-Language).
 */
export function registerAuth(app: FastifyInstance): void {
  const declared = new Map<string, string>();
  DECLARED_ACCESS.set(app, declared);
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'en');
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url === '/api/openapi.json') return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access`);
    if (!SPECIAL_ACCESS.has(access) && !isPermission(access)) throw new Error(`route ${route.method} ${route.url} names an unknown permission '${access}'`);
    for (const method of [route.method].flat()) declared.set(`${method} ${route.url}`, access);
  });
  app.addHook('onRequest', async (request) => {
    const header = request.headers['accept-language'];
    request.locale = negotiateLocale(typeof header === 'string' ? header : null);
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public' || access === 'source-token') return;
    const user = await authenticate(app, request);
    if (!SAFE_METHODS.has(request.method)) {
      const token = request.headers['x-csrf-token'];
      if (typeof token !== 'string' || token !== user.csrfToken) throw new AppError('forbidden', errorMessages.text('csrf'));
    }
    if (access !== 'authenticated' && !can(user.role, access)) {
      throw new AppError('forbidden', errorMessages.text('roleMayNot', { role: user.role, permission: access }));
    }
    request.auth = user;
  });
}

async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<SessionUser> {
  const token = request.cookies[SESSION_COOKIE];
  const user = token ? await findSessionUser(app.ctx.db, token) : null;
  if (!user) throw new AppError('unauthorized', errorMessages.text('loginFirst'));
  return user;
}

import type { FastifyRequest } from 'fastify';
import type { Permission, Role } from './access.vocab.ts';
import type { AppContext } from './context.ts';
import { AppError, errorMessages } from './errors.ts';
import type { Locale } from './i18n.ts';

/** How a route is authorised: a permission from the table, any logged-in user, open to all, or by a source's own token. */
export type RouteAccess = Permission | 'authenticated' | 'public' | 'source-token';

/** The signed-in user of a request, as the session gives it. */
export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  orgSlug: string;
  orgName: string;
  departmentIds: string[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: SessionUser | null;
    /** The reader's language: the Accept-Language the web app sends, else English. */
    locale: Locale;
  }
  interface FastifyInstance {
    ctx: AppContext;
  }
}

/** The authenticated user of a route that declared a permission; throws if the auth hook did not run. */
export function requireAuth(request: FastifyRequest): SessionUser {
  if (!request.auth) throw new AppError('unauthorized', errorMessages.text('loginFirst'));
  return request.auth;
}

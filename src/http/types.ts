import type { Permission } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { AppContext } from './context.ts';

/** How a route is authorised: a permission from the table, any logged-in user, open to all, or by a source's own token. */
export type RouteAccess = Permission | 'authenticated' | 'public' | 'source-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: SessionUser | null;
  }
  interface FastifyInstance {
    ctx: AppContext;
  }
}

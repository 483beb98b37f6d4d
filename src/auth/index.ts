import { defineFeature } from '../core/feature.ts';
import { authPermissions } from './auth.permissions.ts';
import { authRoutes } from './auth.routes.ts';
import { purgeExpiredJob } from './jobs/purge-expired.job.ts';
import { userRoutes } from './users.routes.ts';

/** Users, sessions, sign-in with rate limiting. */
export const authFeature = defineFeature({ name: 'auth', routes: [authRoutes, userRoutes], jobs: [purgeExpiredJob], permissions: authPermissions });

export { createUser, type CreateUserInput } from './create-user.ts';
export { hashPassword } from './passwords.ts';
export { findSessionUser, SESSION_COOKIE, CSRF_COOKIE, hashToken, randomToken, type SessionUser } from './sessions.ts';
export { IdParams, ErrorBody } from './auth.schemas.ts';
export { registerSecurityHeaders } from './security-headers.ts';

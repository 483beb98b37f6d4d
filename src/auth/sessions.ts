import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { sql } from 'kysely';

import type { SessionUser } from '../core/request.ts';
import { WEBHOOK_TOLERANCE_SECONDS } from '../core/webhook-signing.ts';

export const SESSION_COOKIE = 'verity_session';
export const CSRF_COOKIE = 'verity_csrf';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type { SessionUser };

/** Sessions are stored by the SHA-256 of their token, so a leaked table does not leak live cookies. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Starts a session; returns the cookie token (shown once) and the CSRF token. */
export async function createSession(db: Db, userId: string, meta: { ip: string | null; userAgent: string | null }) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      expires_at: new Date(Date.now() + SESSION_TTL_MS),
    })
    .execute();
  return { token, csrfToken };
}

/** The user behind a session cookie, or null when it is unknown, expired or the user is disabled. */
export async function findSessionUser(db: Db, token: string): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.expires_at as expiresAt',
      'u.id as userId',
      'u.email',
      'u.name',
      'u.role',
      'u.disabled',
      'o.id as orgId',
      'o.slug as orgSlug',
      'o.name as orgName',
    ])
    .where('s.id', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.disabled || new Date(row.expiresAt).getTime() < Date.now()) return null;
  const departments = await db.selectFrom('user_departments').select('department_id').where('user_id', '=', row.userId).execute();
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    orgId: row.orgId,
    orgSlug: row.orgSlug,
    orgName: row.orgName,
    departmentIds: departments.map((d) => d.department_id),
  };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Deletes expired sessions, login failures older than a day, sign-in addresses unused for 90 days and webhook signatures too old to be replayed. */
export async function purgeExpired(db: Db): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
  await db
    .deleteFrom('login_attempts')
    .where('last_failure_at', '<', new Date(Date.now() - 24 * 3600_000))
    .execute();
  await db
    .deleteFrom('known_login_addresses')
    .where('last_login_at', '<', new Date(Date.now() - 90 * 24 * 3600_000))
    .execute();
  await sql`DELETE FROM webhook_deliveries WHERE received_at < now() - make_interval(secs => ${WEBHOOK_TOLERANCE_SECONDS * 2})`.execute(db);
}

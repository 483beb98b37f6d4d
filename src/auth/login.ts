import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { AppError } from '../core/errors.ts';
import type { SessionUser } from '../core/request.ts';
import { authMessages } from './auth.messages.ts';
import { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_WINDOW_MINUTES } from './auth.vocab.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSession, deleteSession } from './sessions.ts';

const LOGIN_WINDOW_MS = LOGIN_WINDOW_MINUTES * 60 * 1000;

// A hash to verify against when the e-mail is unknown, so both paths take the same time.
let dummyHash: Promise<string> | null = null;

async function failuresFor(db: Db, key: string): Promise<number> {
  const row = await db.selectFrom('login_attempts').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row || Date.now() - new Date(row.window_start).getTime() > LOGIN_WINDOW_MS) return 0;
  return row.attempts;
}

async function countFailure(db: Db, key: string): Promise<void> {
  const windowStart = new Date(Date.now() - LOGIN_WINDOW_MS);
  await sql`
    INSERT INTO login_attempts (key, window_start, attempts) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      attempts = CASE WHEN login_attempts.window_start < ${windowStart} THEN 1 ELSE login_attempts.attempts + 1 END,
      window_start = CASE WHEN login_attempts.window_start < ${windowStart} THEN now() ELSE login_attempts.window_start END
  `.execute(db);
}

/**
 * Checks e-mail and password and opens a session. Throws `rate_limited` after too many failures
 * for the same e-mail or address within the window, `unauthorized` on a wrong pair. A failure is
 * counted and audited in one transaction, and so is a success with its new session.
 */
export async function login(db: Db, input: { email: string; password: string; ip: string | null; userAgent: string | null }) {
  const email = input.email.trim().toLowerCase();
  const keys = [`email:${email}`, ...(input.ip ? [`ip:${input.ip}`] : [])];
  for (const key of keys) {
    const limit = key.startsWith('ip:') ? LOGIN_MAX_FAILURES_PER_ADDRESS : LOGIN_MAX_FAILURES;
    if ((await failuresFor(db, key)) >= limit) {
      throw new AppError('rate_limited', authMessages.text('tooManyFailures', { minutes: LOGIN_WINDOW_MINUTES }));
    }
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'org_id', 'email', 'password_hash', 'disabled'])
    .where(sql<string>`lower(email)`, '=', email)
    .executeTakeFirst();
  dummyHash ??= hashPassword('not-a-password');
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), input.password);
  if (!user || !ok || user.disabled) {
    await db.transaction().execute(async (trx) => {
      for (const key of keys) await countFailure(trx, key);
      await recordAudit(trx, { orgId: user?.org_id ?? null, userId: user?.id ?? null, actor: email, action: 'auth.login_failed', ip: input.ip });
    });
    throw new AppError('unauthorized', authMessages.text('wrongCredentials'));
  }
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_attempts').where('key', '=', `email:${email}`).execute();
    await trx.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', user.id).execute();
    const session = await createSession(trx, user.id, { ip: input.ip, userAgent: input.userAgent });
    await recordAudit(trx, { orgId: user.org_id, userId: user.id, actor: user.email, action: 'auth.login', ip: input.ip });
    return session;
  });
}

/** Ends a session, with its `auth.logout` audit entry in the same transaction. */
export async function logout(db: Db, user: SessionUser, ip: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, user.sessionId);
    await recordAudit(trx, { orgId: user.orgId, userId: user.userId, actor: user.email, action: 'auth.logout', ip });
  });
}

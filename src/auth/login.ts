import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { AppError } from '../core/errors.ts';
import type { SessionUser } from '../core/request.ts';
import { authMessages } from './auth.messages.ts';
import { assertNotWaiting, clearFailures, countFailure, isKnownAddress, loginKeys, rememberAddress } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSession, deleteSession } from './sessions.ts';

/** E-mails are unique per organisation; one e-mail tries at most this many accounts (the most recently used first). */
const MAX_ACCOUNTS_PER_EMAIL = 10;

// A hash to verify against when the e-mail is unknown, so both paths take the same time.
let dummyHash: Promise<string> | null = null;

/**
 * Checks e-mail and password and opens a session. Throws `rate_limited` (details.retryAfterSeconds)
 * while a failure key still waits (auth.vocab.ts: growing delays, never a lock), `unauthorized` on a
 * wrong pair. An e-mail may name users of several organisations: the password is checked against
 * each of them (every hash, so the time says little), and the session opens for the first account
 * it fits, the most recently used first. A failure is counted and audited in one transaction, and
 * so is a success with its new session.
 */
export async function login(db: Db, input: { email: string; password: string; ip: string | null; userAgent: string | null }) {
  const email = input.email.trim().toLowerCase();
  const keys = loginKeys(email, input.ip);
  // The owner's usual address waits only for its own failures, whatever others do to the account or the address.
  const known = await isKnownAddress(db, email, input.ip);
  await assertNotWaiting(db, known ? { pair: keys.pair } : keys);
  const users = await db
    .selectFrom('users')
    .select(['id', 'org_id', 'email', 'password_hash', 'disabled'])
    .where(sql<string>`lower(email)`, '=', email)
    .orderBy(sql`last_login_at DESC NULLS LAST`)
    .orderBy('id')
    .limit(MAX_ACCOUNTS_PER_EMAIL)
    .execute();
  let user: (typeof users)[number] | undefined;
  if (users.length === 0) {
    dummyHash ??= hashPassword('not-a-password');
    await verifyPassword(await dummyHash, input.password);
  }
  for (const candidate of users) {
    const ok = await verifyPassword(candidate.password_hash, input.password);
    if (ok && !candidate.disabled) user ??= candidate;
  }
  if (!user) {
    await db.transaction().execute(async (trx) => {
      await countFailure(trx, keys);
      const orgs = users.length ? users : [null];
      for (const u of orgs) await recordAudit(trx, { orgId: u?.org_id ?? null, userId: u?.id ?? null, actor: email, action: 'auth.login_failed', ip: input.ip });
    });
    throw new AppError('unauthorized', authMessages.text('wrongCredentials'));
  }
  const found = user;
  return db.transaction().execute(async (trx) => {
    await clearFailures(trx, keys.pair!);
    await rememberAddress(trx, found.id, input.ip);
    await trx.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', found.id).execute();
    const session = await createSession(trx, found.id, { ip: input.ip, userAgent: input.userAgent });
    await recordAudit(trx, { orgId: found.org_id, userId: found.id, actor: found.email, action: 'auth.login', ip: input.ip });
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

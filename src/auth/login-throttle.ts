import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from '../core/errors.ts';
import { authMessages } from './auth.messages.ts';
import { KNOWN_ADDRESS_DAYS, LOGIN_FAILURE_MEMORY_MINUTES, LOGIN_THROTTLE } from './auth.vocab.ts';

/*
 * Growing delays for failed logins (the reasoning is in auth.vocab.ts): every key remembers its
 * failures and until when its next attempt waits. Stored in the database, so the delays hold
 * across restarts and across several server processes.
 */

export type ThrottleKind = keyof typeof LOGIN_THROTTLE;
export type ThrottleKeys = Partial<Record<ThrottleKind, string>>;

/** The keys a login of `email` from `ip` is counted under (no address key without an address). */
export function loginKeys(email: string, ip: string | null): ThrottleKeys {
  return { pair: `pair:${email}|${ip ?? '-'}`, account: `email:${email}`, ...(ip ? { address: `ip:${ip}` } : {}) };
}

/** The wait after the n-th failure under a key of this kind, in seconds: none for the free ones, then 1, 2, 4 … up to the cap. */
export function delayAfter(kind: ThrottleKind, failures: number): number {
  const { freeFailures, capSeconds } = LOGIN_THROTTLE[kind];
  if (failures <= freeFailures) return 0;
  return Math.min(capSeconds, 2 ** Math.min(failures - freeFailures - 1, 30));
}

/** Throws rate_limited (with `retryAfterSeconds` in its details) while any of the keys still waits. */
export async function assertNotWaiting(db: Db, keys: ThrottleKeys): Promise<void> {
  const list = Object.values(keys);
  if (list.length === 0) return;
  const row = await db
    .selectFrom('login_attempts')
    .select(sql<number>`ceil(extract(epoch FROM max(wait_until) - now()))::int`.as('seconds'))
    .where('key', 'in', list)
    .where('wait_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  const seconds = row?.seconds ?? 0;
  if (seconds > 0) throw new AppError('rate_limited', authMessages.text('tooManyFailures', { seconds }), { retryAfterSeconds: seconds });
}

/** Counts one failure under each key and sets its next wait; failures older than the memory are forgotten first. */
export async function countFailure(db: Db, keys: ThrottleKeys): Promise<void> {
  const forgetBefore = new Date(Date.now() - LOGIN_FAILURE_MEMORY_MINUTES * 60_000);
  for (const [kind, key] of Object.entries(keys) as [ThrottleKind, string][]) {
    const { freeFailures, capSeconds } = LOGIN_THROTTLE[kind];
    const failures = sql<number>`(CASE WHEN login_attempts.last_failure_at < ${forgetBefore} THEN 1 ELSE login_attempts.attempts + 1 END)`;
    const wait = (n: typeof failures) => sql`now() + make_interval(secs => CASE WHEN ${n} <= ${freeFailures} THEN 0 ELSE least(${capSeconds}, power(2, least(${n} - ${freeFailures} - 1, 30))) END)`;
    await sql`
      INSERT INTO login_attempts (key, last_failure_at, attempts, wait_until) VALUES (${key}, now(), 1, now() + make_interval(secs => ${delayAfter(kind, 1)}))
      ON CONFLICT (key) DO UPDATE SET attempts = ${failures}, last_failure_at = now(), wait_until = ${wait(failures)}
    `.execute(db);
  }
}

/** Forgets the failures under a key (the pair's, after the right password). */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Whether an account with this e-mail has signed in from this address within KNOWN_ADDRESS_DAYS. */
export async function isKnownAddress(db: Db, email: string, ip: string | null): Promise<boolean> {
  if (!ip) return false;
  const row = await db
    .selectFrom('known_login_addresses as k')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select('k.user_id')
    .where(sql<string>`lower(u.email)`, '=', email)
    .where('k.ip', '=', ip)
    .where('k.last_login_at', '>', new Date(Date.now() - KNOWN_ADDRESS_DAYS * 86_400_000))
    .executeTakeFirst();
  return Boolean(row);
}

/** Remembers that the user signed in from this address. */
export async function rememberAddress(db: Db, userId: string, ip: string | null): Promise<void> {
  if (!ip) return;
  await sql`INSERT INTO known_login_addresses (user_id, ip) VALUES (${userId}, ${ip}) ON CONFLICT (user_id, ip) DO UPDATE SET last_login_at = now()`.execute(db);
}

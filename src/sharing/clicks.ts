import { createHash, randomBytes } from 'node:crypto';
import { isbot } from 'isbot';
import type { Db } from '../db/database.ts';

/**
 * Clicks are counted without storing who clicked: a visitor is sha256(the day's salt, address, user
 * agent), the salt is random per UTC day and deleted once the day is over (sharing's purge job), so
 * a stored hash can no longer be recomputed from an address. Crawlers and link-preview robots
 * (isbot, or no user agent at all) are kept as bot clicks and left out of every count.
 */

/** The UTC day of `at` as YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The day's salt, made on first use. */
export async function daySalt(db: Db, day: string): Promise<string> {
  await db
    .insertInto('share_salts')
    .values({ day, salt: randomBytes(24).toString('base64url') })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  const row = await db.selectFrom('share_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  return row.salt;
}

/** The visitor's hash for the day: no address or user agent can be read back from it. */
export async function visitorHash(db: Db, ip: string, userAgent: string | undefined, at = new Date()): Promise<string> {
  const salt = await daySalt(db, utcDay(at));
  return createHash('sha256')
    .update(`${salt}\u0000${ip}\u0000${userAgent ?? ''}`)
    .digest('base64url')
    .slice(0, 32);
}

/** Whether a user agent is a robot (crawler, link preview, monitor) or missing. */
export function isBotAgent(userAgent: string | undefined): boolean {
  return !userAgent || isbot(userAgent);
}

/** Records one click on a link; returns the visitor's hash (the device check of referrals uses it) and whether it was a robot. */
export async function recordClick(db: Db, input: { orgId: string; linkId: string; ip: string; userAgent: string | undefined; at?: Date }): Promise<{ visitorHash: string; bot: boolean }> {
  const at = input.at ?? new Date();
  const hash = await visitorHash(db, input.ip, input.userAgent, at);
  const bot = isBotAgent(input.userAgent);
  await db
    .insertInto('share_clicks')
    .values({ org_id: input.orgId, link_id: input.linkId, day: utcDay(at), visitor_hash: hash, bot, at })
    .execute();
  return { visitorHash: hash, bot };
}

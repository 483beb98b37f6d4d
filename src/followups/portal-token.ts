import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { publicBaseUrl, type Config } from '../core/config.ts';
import type { Db } from '../db/database.ts';
import { openSecret, sealSecret } from '../core/secrets.ts';
import { PORTAL_LINK_DAYS } from './followups.vocab.ts';

/**
 * The patient portal's magic link: `<enrolment id>.<expiry, unix seconds>.<HMAC-SHA256>` signed
 * with the organisation's secret (stored in followup_secrets, made at random on first use, never a
 * constant). The signature covers the enrolment, the expiry and the link's generation, so renewing a
 * link (generation + 1) retires every older one, and changing any character is detected.
 */

/** The organisation's signing secret; made on first use. */
export async function portalSecret(db: Db, orgId: string): Promise<string> {
  await db
    .insertInto('followup_secrets')
    .values({ org_id: orgId, secret: sealSecret(randomBytes(32).toString('base64url')) })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  const row = await db.selectFrom('followup_secrets').select('secret').where('org_id', '=', orgId).executeTakeFirstOrThrow();
  // Encrypted at rest (core/secrets.ts): a copy of the database alone cannot sign portal links.
  return openSecret(row.secret);
}

function signature(secret: string, enrolmentId: string, expires: number, generation: number): string {
  return createHmac('sha256', secret).update(`${enrolmentId}.${expires}.${generation}`).digest('base64url');
}

export function signPortalToken(secret: string, enrolmentId: string, expiresAt: Date, generation: number): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${enrolmentId}.${expires}.${signature(secret, enrolmentId, expires, generation)}`;
}

export function portalExpiry(from = new Date()): Date {
  return new Date(from.getTime() + PORTAL_LINK_DAYS * 86_400_000);
}

export type PortalCheck = { ok: true; enrolmentId: string; orgId: string } | { ok: false; reason: 'tampered' | 'expired'; orgId: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a portal token: a wrong signature (or an older generation, or an unknown enrolment) is tampered; a good one past its expiry is expired. */
export async function checkPortalToken(db: Db, token: string, now = new Date()): Promise<PortalCheck> {
  const [id, exp, sig, ...rest] = token.split('.');
  if (!id || !exp || !sig || rest.length || !UUID.test(id) || !/^\d{1,12}$/.test(exp)) return { ok: false, reason: 'tampered', orgId: null };
  const row = await db
    .selectFrom('followup_enrolments as e')
    .innerJoin('followup_secrets as s', 's.org_id', 'e.org_id')
    .select(['e.id', 'e.org_id', 'e.portal_generation', 's.secret'])
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'tampered', orgId: null };
  const expected = Buffer.from(signature(openSecret(row.secret), row.id, Number(exp), row.portal_generation));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'tampered', orgId: row.org_id };
  if (Number(exp) * 1000 <= now.getTime()) return { ok: false, reason: 'expired', orgId: row.org_id };
  return { ok: true, enrolmentId: row.id, orgId: row.org_id };
}

/** The current portal token of an enrolment (its generation and expiry as stored). */
export async function currentPortalToken(db: Db, orgId: string, enrolmentId: string): Promise<{ token: string; expiresAt: Date } | null> {
  const row = await db.selectFrom('followup_enrolments').select(['portal_generation', 'portal_expires_at']).where('org_id', '=', orgId).where('id', '=', enrolmentId).executeTakeFirst();
  if (!row) return null;
  const secret = await portalSecret(db, orgId);
  return { token: signPortalToken(secret, enrolmentId, row.portal_expires_at, row.portal_generation), expiresAt: row.portal_expires_at };
}

/** The portal's address for a token (`<publicUrl>/p/<token>`). */
export function portalUrl(config: Pick<Config, 'publicUrl' | 'port'>, token: string): string {
  return `${publicBaseUrl(config)}/p/${token}`;
}

/** The plan's enrolment address, behind its QR code (`<publicUrl>/f/<token>`). */
export function enrolUrl(config: Pick<Config, 'publicUrl' | 'port'>, token: string): string {
  return `${publicBaseUrl(config)}/f/${token}`;
}

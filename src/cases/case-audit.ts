import type { Db } from '../db/database.ts';
import { recordAudit, type AuditAction } from '../audit/index.ts';
import type { Actor } from './cases.queries.ts';

/**
 * The audit entry of a case action, in the caller's transaction: who (the user's e-mail, or
 * Verity itself), the case as its number (`#12`), and readable before/after values (names, not
 * ids; closed-list codes the audit page translates).
 */
export async function auditCase(
  trx: Db,
  orgId: string,
  actor: Actor,
  action: AuditAction,
  c: { id: string; number: number },
  details: { before?: Record<string, unknown>; after?: Record<string, unknown>; reason?: string; [key: string]: unknown } = {},
): Promise<void> {
  await recordAudit(trx, {
    orgId,
    userId: actor.id,
    actor: actor.email ?? actor.name,
    action,
    targetType: 'case',
    targetId: c.id,
    ip: actor.ip ?? null,
    details: { case: `#${c.number}`, ...details },
  });
}

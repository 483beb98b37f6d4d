import type { SessionUser } from '../core/request.ts';
import type { Db } from '../db/database.ts';
import type { AuditAction } from './audit.vocab.ts';

export interface AuditEntry {
  orgId: string | null;
  userId: string | null;
  actor: string;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Who makes a change, as its audit entry names them: the organisation, the user (null for the CLI), a label and the address. */
export type AuditBy = Pick<AuditEntry, 'userId' | 'actor' | 'ip'> & { orgId: string };

/** The signed-in user of a request as the author of a change. */
export function auditBy(user: Pick<SessionUser, 'orgId' | 'userId' | 'email'>, ip: string | null): AuditBy {
  return { orgId: user.orgId, userId: user.userId, actor: user.email, ip };
}

/**
 * Appends one entry to the audit log (who, what, when, from where). Pass the transaction of the
 * change it records, so that the change and its entry exist together or not at all. Throws on a
 * database error.
 */
export async function recordAudit(trx: Db, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      org_id: entry.orgId,
      user_id: entry.userId,
      actor: entry.actor,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      ip: entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

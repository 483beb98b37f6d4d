import { sql } from 'kysely';
import { badRequest } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { auditTexts } from './audit.messages.ts';
import type { AuditAction } from './audit.vocab.ts';

/** What the audit log may be narrowed to: one action, an actor (part of their e-mail or name), and days in the organisation's time zone. */
export interface AuditFilters {
  action?: AuditAction;
  actor?: string;
  /** First day included, YYYY-MM-DD. */
  from?: string;
  /** Last day included, YYYY-MM-DD. */
  to?: string;
}

/**
 * One page of an organisation's audit log, newest first, before the entry `cursor` (an entry's
 * id); `nextCursor` is null on the last page. Entries are named by their random `public_id`: the
 * internal sequence is shared by every organisation and would tell each how busy the others are.
 */
export async function findAuditEntries(db: Db, orgId: string, page: { cursor?: string; limit: number } & AuditFilters) {
  const zone = sql<string>`(SELECT timezone FROM organisations WHERE id = ${orgId})`;
  let query = db
    .selectFrom('audit_log')
    .select(['public_id as id', 'at', 'actor as userEmail', 'action', 'target_type as targetType', 'target_id as targetId', 'ip', 'details'])
    .where('org_id', '=', orgId)
    // The table's sequence, not the output column `id` (the random public_id).
    .orderBy('audit_log.id', 'desc')
    .limit(page.limit + 1);
  if (page.cursor) {
    const before = await db.selectFrom('audit_log').select('id').where('org_id', '=', orgId).where('public_id', '=', page.cursor).executeTakeFirst();
    if (!before) throw badRequest(auditTexts.text('badCursor'));
    query = query.where('audit_log.id', '<', before.id);
  }
  if (page.action) query = query.where('action', '=', page.action);
  if (page.actor) query = query.where(sql<boolean>`actor ILIKE ${'%' + page.actor.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  if (page.from) query = query.where(sql<boolean>`at >= (${page.from}::date::timestamp AT TIME ZONE ${zone})`);
  if (page.to) query = query.where(sql<boolean>`at < ((${page.to}::date + 1)::timestamp AT TIME ZONE ${zone})`);
  const rows = await query.execute();
  const items = rows.slice(0, page.limit).map((r) => ({ ...r, id: String(r.id) }));
  return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null };
}

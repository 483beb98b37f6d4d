import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
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

/** One page of an organisation's audit log, newest first, before the entry `cursor` (an id); `nextCursor` is null on the last page. */
export async function findAuditEntries(db: Db, orgId: string, page: { cursor?: string; limit: number } & AuditFilters) {
  const zone = sql<string>`(SELECT timezone FROM organisations WHERE id = ${orgId})`;
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor as userEmail', 'action', 'target_type as targetType', 'target_id as targetId', 'ip', 'details'])
    .where('org_id', '=', orgId)
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.cursor) query = query.where('id', '<', page.cursor);
  if (page.action) query = query.where('action', '=', page.action);
  if (page.actor) query = query.where(sql<boolean>`actor ILIKE ${'%' + page.actor.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  if (page.from) query = query.where(sql<boolean>`at >= (${page.from}::date::timestamp AT TIME ZONE ${zone})`);
  if (page.to) query = query.where(sql<boolean>`at < ((${page.to}::date + 1)::timestamp AT TIME ZONE ${zone})`);
  const rows = await query.execute();
  const items = rows.slice(0, page.limit).map((r) => ({ ...r, id: String(r.id) }));
  return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null };
}

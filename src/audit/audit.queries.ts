import type { Db } from '../db/database.ts';

/** One page of an organisation's audit log, newest first, before the entry `cursor` (an id); `nextCursor` is null on the last page. */
export async function findAuditEntries(db: Db, orgId: string, page: { cursor?: string; limit: number }) {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor as userEmail', 'action', 'target_type as targetType', 'target_id as targetId', 'ip', 'details'])
    .where('org_id', '=', orgId)
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.cursor) query = query.where('id', '<', page.cursor);
  const rows = await query.execute();
  const items = rows.slice(0, page.limit).map((r) => ({ ...r, id: String(r.id) }));
  return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null };
}

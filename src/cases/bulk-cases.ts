import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import { AppError, badRequest, NotFoundError } from '../core/errors.ts';
import type { Viewer } from '../core/viewer.ts';
import { auditCase } from './case-audit.ts';
import { assignLocked } from './case-workflow.ts';
import { casesMessages } from './cases.messages.ts';
import { lockCase, recordCaseEvent, type Actor } from './cases.queries.ts';
import type { BulkBodyType } from './cases.schemas.ts';
import { mentionLabel } from './link-mention.ts';

/** Locks a case named in a list; one the viewer may not see is refused by its id, so the caller knows which. */
async function lockListed(trx: Db, viewer: Viewer, id: string, field: string) {
  try {
    return await lockCase(trx, viewer, id);
  } catch (error) {
    if (error instanceof NotFoundError) throw new AppError('not_found', casesMessages.text('noSuchCaseIn', { field, id }), { id });
    throw error;
  }
}

/**
 * A bulk action on cases, all or nothing in one transaction: assign them all to one person, or
 * close them all as duplicates of one kept case. Every case is checked against the viewer's scope
 * (not_found naming the first id that fails); each case gets its own timeline and audit entries.
 * Returns the ids that changed.
 */
export async function bulkCases(db: Db, boss: PgBoss | null, viewer: Viewer, actor: Actor, body: BulkBodyType): Promise<string[]> {
  const ids = [...new Set(body.ids)].sort();
  return db.transaction().execute(async (trx) => {
    const reason = body.reason ? { reason: body.reason } : {};
    if (body.action === 'assign') {
      for (const id of ids) await assignLocked(trx, boss, viewer, actor, await lockListed(trx, viewer, id, 'ids'), { assigneeId: body.assigneeId, ...reason });
      return ids;
    }
    if (ids.includes(body.duplicateOf)) throw badRequest(casesMessages.text('duplicateOfItself'));
    const kept = await lockListed(trx, viewer, body.duplicateOf, 'duplicateOf');
    if (kept.status === 'closed') throw badRequest(casesMessages.text('duplicateOfClosed', { number: String(kept.number) }));
    for (const id of ids) await closeAsDuplicate(trx, viewer, actor, await lockListed(trx, viewer, id, 'ids'), kept, reason);
    return ids;
  });
}

/**
 * Closes a case as a duplicate of an open one: its mentions join the kept case (they stay on the
 * closed one too, as its history), it closes with the outcome "duplicate" and needs no root
 * cause or action. Both cases get timeline and audit entries.
 */
async function closeAsDuplicate(
  trx: Db,
  viewer: Viewer,
  actor: Actor,
  dup: { id: string; number: number; status: string },
  kept: { id: string; number: number },
  data: Record<string, unknown>,
): Promise<void> {
  if (dup.status === 'closed') throw badRequest(casesMessages.text('alreadyClosed', { number: String(dup.number) }));
  const moving = await trx
    .selectFrom('case_mentions as cm')
    .innerJoin('mentions as m', 'm.id', 'cm.mention_id')
    .select(['m.id', 'm.text', 'm.author_handle'])
    .where('cm.case_id', '=', dup.id)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('case_mentions as k').select('k.mention_id').where('k.case_id', '=', kept.id).whereRef('k.mention_id', '=', 'cm.mention_id'))))
    .orderBy('cm.added_at')
    .execute();
  if (moving.length)
    await trx
      .insertInto('case_mentions')
      .values(moving.map((m) => ({ case_id: kept.id, mention_id: m.id })))
      .execute();
  for (const m of moving) await recordCaseEvent(trx, kept.id, actor, 'mention_added', { mentionId: m.id, fromCaseId: dup.id, fromCase: dup.number });
  await auditCase(trx, viewer.orgId, actor, 'case.mention_linked', kept, { after: { mentions: moving.map(mentionLabel) }, duplicate: `#${dup.number}`, ...data });
  await trx.updateTable('cases').set({ status: 'closed', outcome: 'duplicate', duplicate_of_id: kept.id, closed_at: new Date() }).where('id', '=', dup.id).execute();
  await recordCaseEvent(trx, dup.id, actor, 'closed', { from: dup.status, outcome: 'duplicate', duplicateOfId: kept.id, duplicateOf: kept.number, ...data });
  await auditCase(trx, viewer.orgId, actor, 'case.closed', dup, { before: { status: dup.status }, after: { status: 'closed', outcome: 'duplicate', duplicateOf: `#${kept.number}` }, ...data });
}

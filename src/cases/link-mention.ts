import type { Db } from '../db/database.ts';
import { AppError, badRequest } from '../core/errors.ts';
import { scopeToViewer, type Viewer } from '../core/viewer.ts';
import { auditCase } from './case-audit.ts';
import { casesMessages } from './cases.messages.ts';
import { lockCase, recordCaseEvent, type Actor } from './cases.queries.ts';
import { openingWords } from './create-case.ts';

/** A mention as the audit log names it: its author and opening words. */
export function mentionLabel(m: { author_handle: string | null; text: string }): string {
  const excerpt = openingWords(m.text, 60);
  return m.author_handle ? `${m.author_handle}: ${excerpt}` : excerpt;
}

/**
 * Links a mention to an open case by hand (one incident, one case), with an optional reason.
 * Linking a mention the case holds already changes nothing. Throws not_found for a case the
 * viewer may not see, bad_request for a closed case or a mention that is not the organisation's
 * (or not in the viewer's departments), conflict naming the case when the mention is in another open case.
 */
export async function linkMention(db: Db, viewer: Viewer, actor: Actor, caseId: string, mentionId: string, reason?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, viewer, caseId);
    if (c.status === 'closed') throw badRequest(casesMessages.text('closedReopenFirst'));
    const mention = await trx
      .selectFrom('mentions')
      .select(['id', 'text', 'author_handle'])
      .where('org_id', '=', viewer.orgId)
      .where('id', '=', mentionId)
      .where(scopeToViewer('department_id', viewer))
      .forUpdate()
      .executeTakeFirst();
    if (!mention) throw badRequest(casesMessages.text('noSuchMention'));
    const holders = await trx
      .selectFrom('case_mentions as cm')
      .innerJoin('cases as oc', 'oc.id', 'cm.case_id')
      .select(['oc.id', 'oc.number'])
      .where('cm.mention_id', '=', mentionId)
      .where((eb) => eb.or([eb('oc.status', '<>', 'closed'), eb('oc.id', '=', caseId)]))
      .execute();
    if (holders.some((h) => h.id === caseId)) return;
    const other = holders[0];
    if (other) throw new AppError('conflict', casesMessages.text('mentionInOpenCase', { number: String(other.number) }), { caseId: other.id, number: other.number });
    await linkLocked(trx, viewer.orgId, actor, c, mention, reason ? { reason } : {});
  });
}

/** The link itself, for a locked open case and a mention in no other open case. */
export async function linkLocked(
  trx: Db,
  orgId: string,
  actor: Actor,
  c: { id: string; number: number },
  mention: { id: string; text: string; author_handle: string | null },
  data: Record<string, unknown>,
): Promise<void> {
  await trx
    .insertInto('case_mentions')
    .values({ case_id: c.id, mention_id: mention.id })
    .onConflict((oc) => oc.columns(['case_id', 'mention_id']).doNothing())
    .execute();
  await trx.updateTable('mentions').set({ status: 'in_case' }).where('id', '=', mention.id).where('org_id', '=', orgId).execute();
  await recordCaseEvent(trx, c.id, actor, 'mention_added', { mentionId: mention.id, manual: true, ...data });
  await auditCase(trx, orgId, actor, 'case.mention_linked', c, { after: { mention: mentionLabel(mention) }, ...data });
}

/**
 * Unlinks a mention from a case; the mention goes back to "triaged". Throws not_found for a case
 * the viewer may not see or a mention the case does not hold, bad_request for the mention that opened it.
 */
export async function unlinkMention(db: Db, viewer: Viewer, actor: Actor, caseId: string, mentionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, viewer, caseId);
    const mention = await trx
      .selectFrom('case_mentions as cm')
      .innerJoin('mentions as m', 'm.id', 'cm.mention_id')
      .select(['m.id', 'm.text', 'm.author_handle'])
      .where('cm.case_id', '=', caseId)
      .where('cm.mention_id', '=', mentionId)
      .executeTakeFirst();
    if (!mention) throw new AppError('not_found', casesMessages.text('mentionNotInCase'));
    if (c.origin_mention_id === mentionId) throw badRequest(casesMessages.text('originMention'));
    const count = await trx
      .selectFrom('case_mentions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) <= 1) throw badRequest(casesMessages.text('lastMention'));
    await trx.deleteFrom('case_mentions').where('case_id', '=', caseId).where('mention_id', '=', mentionId).execute();
    // Still in another (closed) case, it stays "in case"; otherwise it is back among the triaged.
    const elsewhere = await trx.selectFrom('case_mentions').select('case_id').where('mention_id', '=', mentionId).limit(1).executeTakeFirst();
    if (!elsewhere) await trx.updateTable('mentions').set({ status: 'triaged' }).where('id', '=', mentionId).where('org_id', '=', viewer.orgId).execute();
    await recordCaseEvent(trx, caseId, actor, 'mention_removed', { mentionId });
    await auditCase(trx, viewer.orgId, actor, 'case.mention_unlinked', c, { before: { mention: mentionLabel(mention) } });
  });
}

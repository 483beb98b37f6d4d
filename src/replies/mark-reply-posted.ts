import type { Db } from '../db/database.ts';
import { advanceCaseForReply, recordCaseEvent, recordFirstResponse } from '../cases/index.ts';
import { blockingFindings } from './check-reply.ts';
import { getReply } from './replies.queries.ts';
import { auditReply, checkWithSuggestions, refuse, replyCase, suggestionContext, wrongStatus, type ReplyActor } from './reply-gate.ts';

/**
 * Marks an approved reply posted, with its link; posting is the case's first response when nothing
 * was answered before, and moves the case on to responded, in the same transaction. The checks run
 * once more (the roster or brand voice may have changed since approval). Throws not_found for a
 * reply or case the viewer may not see, bad_request unless the reply is approved or naming what
 * the checks found.
 */
export async function markReplyPosted(db: Db, by: ReplyActor, id: string, url: string | null): Promise<void> {
  const before = await getReply(db, by.viewer.orgId, id);
  const rc = await replyCase(db, by.viewer, before.caseId);
  if (before.status !== 'approved') throw wrongStatus('onlyApprovedPosted', before.status);
  const facts = { caseNumber: rc.c.number, kind: before.kind, authorName: before.createdByName, before: { status: before.status }, after: { status: 'posted' } };
  const checks = await checkWithSuggestions(db, by.viewer.orgId, before.text, before.lang, suggestionContext(by, rc));
  if (blockingFindings(checks).length) await refuse(db, by, 'cannotPost', checks, { type: 'reply', id }, facts);
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .updateTable('replies')
      .set({ status: 'posted', posted_url: url, posted_at: now })
      .where('id', '=', before.id)
      .where('org_id', '=', by.viewer.orgId)
      .where('status', '=', 'approved')
      .execute();
    await recordFirstResponse(trx, before.caseId, now);
    await recordCaseEvent(trx, before.caseId, by.actor, 'reply_posted', { replyId: before.id, url });
    const moved = await advanceCaseForReply(trx, by.viewer, by.actor, before.caseId, 'posted', before.id);
    await auditReply(
      trx,
      by,
      'reply.posted',
      { type: 'reply', id },
      { ...facts, before: { ...facts.before, caseStatus: moved.from }, after: { ...facts.after, caseStatus: moved.to }, extra: url ? { url } : {} },
    );
  });
}

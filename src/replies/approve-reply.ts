import type { Db } from '../db/database.ts';
import { advanceCaseForReply, recordCaseEvent } from '../cases/index.ts';
import { AppError, badRequest } from '../core/errors.ts';
import { blockingFindings } from './check-reply.ts';
import { repliesMessages } from './replies.messages.ts';
import { getReply } from './replies.queries.ts';
import { awaitsApproval, fourEyesBlocks, isOutward } from './replies.vocab.ts';
import { auditReply, checkWithSuggestions, refuse, replyCase, suggestionContext, wrongStatus, type ReplyActor } from './reply-gate.ts';
import { getReplySettings } from './reply-settings.ts';

export { replyStatusName, wrongStatus } from './reply-gate.ts';

/**
 * Approves a draft or a reply submitted as ready, once the privacy and brand-voice checks, run again
 * (the rules may have changed since it was written), find nothing; the new findings are stored
 * either way. With four-eyes on (the default) the author or last editor of a public reply may not
 * approve it. Approval moves the case on to handling, in the same transaction. Throws not_found for
 * a reply or case the viewer may not see; forbidden for four-eyes; bad_request for an internal
 * note, a reply past approval, or naming every finding (with suggested rewrites in `details`).
 */
export async function approveReply(db: Db, by: ReplyActor, id: string): Promise<void> {
  const before = await getReply(db, by.viewer.orgId, id);
  const rc = await replyCase(db, by.viewer, before.caseId);
  if (!isOutward(before.kind)) throw badRequest(repliesMessages.text('internalNoApproval'));
  if (!awaitsApproval(before)) throw wrongStatus('onlyDraftApproved', before.status);
  const facts = { caseNumber: rc.c.number, kind: before.kind, authorName: before.createdByName, before: { status: before.status }, after: { status: 'approved' } };
  const { fourEyes } = await getReplySettings(db, by.viewer.orgId);
  if (fourEyesBlocks(before, by.actor.id, fourEyes)) {
    await db.transaction().execute((trx) => auditReply(trx, by, 'reply.refused', { type: 'reply', id }, { ...facts, extra: { refused: 'four_eyes' } }));
    throw new AppError('forbidden', repliesMessages.text('fourEyes'));
  }
  const checks = await checkWithSuggestions(db, by.viewer.orgId, before.text, before.lang, suggestionContext(by, rc));
  await db
    .updateTable('replies')
    .set({ privacy: JSON.stringify(checks.privacy), brand_voice: JSON.stringify(checks.brandVoice) })
    .where('id', '=', before.id)
    .where('org_id', '=', by.viewer.orgId)
    .execute();
  if (blockingFindings(checks).length) await refuse(db, by, 'cannotApprove', checks, { type: 'reply', id }, facts);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('replies')
      .set({ status: 'approved', approved_by: by.actor.id, approved_at: new Date() })
      .where('id', '=', before.id)
      .where('org_id', '=', by.viewer.orgId)
      .where('status', '=', before.status)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw badRequest(repliesMessages.text('changedMeanwhile'));
    await recordCaseEvent(trx, before.caseId, by.actor, 'reply_approved', { replyId: before.id });
    const moved = await advanceCaseForReply(trx, by.viewer, by.actor, before.caseId, 'approved', before.id);
    await auditReply(trx, by, 'reply.approved', { type: 'reply', id }, { ...facts, before: { ...facts.before, caseStatus: moved.from }, after: { ...facts.after, caseStatus: moved.to } });
  });
}

import type { Db } from '../db/database.ts';
import { getCase, recordCaseEvent, recordFirstResponse, type Actor } from '../cases/index.ts';
import type { Viewer } from '../core/viewer.ts';
import { wrongStatus } from './approve-reply.ts';
import { getReply } from './replies.queries.ts';

/**
 * Marks an approved reply posted, with its link; posting is the case's first response when nothing
 * was answered before. Throws not_found for a reply or case the viewer may not see, bad_request
 * unless the reply is approved.
 */
export async function markReplyPosted(db: Db, viewer: Viewer, actor: Actor, id: string, url: string | null): Promise<void> {
  const before = await getReply(db, viewer.orgId, id);
  await getCase(db, viewer, before.caseId);
  if (before.status !== 'approved') throw wrongStatus('onlyApprovedPosted', before.status);
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx.updateTable('replies').set({ status: 'posted', posted_url: url, posted_at: now }).where('id', '=', before.id).execute();
    await recordFirstResponse(trx, before.caseId, now);
    await recordCaseEvent(trx, before.caseId, actor, 'reply_posted', { replyId: before.id, url });
  });
}

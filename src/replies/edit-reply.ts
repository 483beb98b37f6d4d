import type { Db } from '../db/database.ts';
import { badRequest } from '../core/errors.ts';
import { blockingFindings } from './check-reply.ts';
import { repliesMessages } from './replies.messages.ts';
import { getReply } from './replies.queries.ts';
import type { EditReplyBodyType } from './replies.schemas.ts';
import { isEditable, isOutward, type EditableStatus } from './replies.vocab.ts';
import { auditReply, checkWithSuggestions, refuse, replyCase, suggestionContext, wrongStatus, type ReplyActor } from './reply-gate.ts';
import { fillPlaceholders } from './reply-templates.ts';

/**
 * Edits a reply that is not posted yet, so fixing a flagged draft needs no new reply: the checks run
 * again on the new text and are stored with it. Saved as a draft unless `status` says `ready`
 * (refused, naming the words, with suggested rewrites, while a check finds something); an approved
 * reply that is edited goes back to draft and needs approval again; an internal note stays a draft.
 * Throws not_found for a reply or case the viewer may not see, bad_request for a posted reply or
 * one changed meanwhile.
 */
export async function editReply(db: Db, by: ReplyActor, id: string, body: EditReplyBodyType): Promise<void> {
  const before = await getReply(db, by.viewer.orgId, id);
  const rc = await replyCase(db, by.viewer, before.caseId);
  if (!isEditable(before.status)) throw wrongStatus('onlyUnpostedEdited', before.status);
  const kind = body.kind ?? before.kind;
  const lang = body.lang ?? before.lang;
  const text = body.text === undefined ? before.text : fillPlaceholders(body.text, { clinic: by.orgName, author: rc.author, lang, caseNumber: rc.c.number });
  const status: EditableStatus = isOutward(kind) ? (body.status ?? 'draft') : 'draft';
  const checks = await checkWithSuggestions(db, by.viewer.orgId, text, lang, suggestionContext(by, rc));
  const changedKind = kind !== before.kind;
  const facts = {
    caseNumber: rc.c.number,
    kind,
    authorName: before.createdByName,
    before: { status: before.status, ...(changedKind ? { kind: before.kind } : {}) },
    after: { status, ...(changedKind ? { kind } : {}) },
  };
  if (status === 'ready' && blockingFindings(checks).length) await refuse(db, by, 'cannotSubmit', checks, { type: 'reply', id }, facts);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('replies')
      .set({
        text,
        lang,
        kind,
        status,
        privacy: JSON.stringify(checks.privacy),
        brand_voice: JSON.stringify(checks.brandVoice),
        edited_by: by.actor.id,
        edited_at: new Date(),
        approved_by: null,
        approved_at: null,
      })
      .where('id', '=', id)
      .where('org_id', '=', by.viewer.orgId)
      .where('status', '=', before.status)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw badRequest(repliesMessages.text('changedMeanwhile'));
    const submitted = status === 'ready' && before.status !== 'ready' && text === before.text && !changedKind;
    await auditReply(trx, by, submitted ? 'reply.submitted' : 'reply.edited', { type: 'reply', id }, facts);
  });
}

import type { Db } from '../db/database.ts';
import { recordCaseEvent } from '../cases/index.ts';
import { badRequest } from '../core/errors.ts';
import { blockingFindings } from './check-reply.ts';
import { repliesMessages } from './replies.messages.ts';
import type { CreateReplyBodyType } from './replies.schemas.ts';
import { isOutward, type EditableStatus } from './replies.vocab.ts';
import { auditReply, checkWithSuggestions, refuse, replyCase, suggestionContext, type ReplyActor } from './reply-gate.ts';
import { fillPlaceholders } from './reply-templates.ts';

export type { ReplyActor as ReplyAuthor } from './reply-gate.ts';

/**
 * Drafts a reply on a case: fills the template's placeholders, runs the privacy and brand-voice
 * checks and stores the reply with their findings. A draft is stored even when a check finds
 * something (people fix it in place); saving an outward reply as `ready` (submitted for approval)
 * is refused then, naming the words, with suggested rewrites. An internal note is always a draft.
 * Returns the reply's id. Throws not_found for a case the viewer may not see, bad_request for a
 * template that is not the organisation's.
 */
export async function createReply(db: Db, by: ReplyActor, caseId: string, body: CreateReplyBodyType): Promise<string> {
  const { orgId } = by.viewer;
  const rc = await replyCase(db, by.viewer, caseId);
  const { c } = rc;
  const { lang, kind, templateId } = body;
  if (templateId) {
    const template = await db.selectFrom('reply_templates').select('id').where('id', '=', templateId).where('org_id', '=', orgId).executeTakeFirst();
    if (!template) throw badRequest(repliesMessages.text('noSuchTemplate'));
  }
  const status: EditableStatus = isOutward(kind) ? (body.status ?? 'draft') : 'draft';
  const text = fillPlaceholders(body.text, { clinic: by.orgName, author: rc.author, lang, caseNumber: c.number });
  const checks = await checkWithSuggestions(db, orgId, text, lang, suggestionContext(by, rc));
  const facts = { caseNumber: c.number, kind, authorName: by.actor.name };
  if (status === 'ready' && blockingFindings(checks).length) await refuse(db, by, 'cannotSubmit', checks, { type: 'case', id: c.id }, { ...facts, after: { status } });
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('replies')
      .values({
        org_id: orgId,
        case_id: c.id,
        kind,
        lang,
        text,
        status,
        privacy: JSON.stringify(checks.privacy),
        brand_voice: JSON.stringify(checks.brandVoice),
        template_id: templateId ?? null,
        created_by: by.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseEvent(trx, c.id, by.actor, 'reply_drafted', { replyId: row.id, kind, lang, privacyOk: checks.privacy.ok, brandVoiceOk: checks.brandVoice.ok });
    await auditReply(trx, by, 'reply.drafted', { type: 'reply', id: row.id }, { ...facts, after: { status } });
    return row.id;
  });
}

import type { Db } from '../db/database.ts';
import { getCase, recordCaseEvent, type Actor } from '../cases/index.ts';
import { badRequest } from '../core/errors.ts';
import type { Viewer } from '../core/viewer.ts';
import { checkReply } from './check-reply.ts';
import { repliesMessages } from './replies.messages.ts';
import type { CreateReplyBodyType } from './replies.schemas.ts';
import { fillPlaceholders } from './reply-templates.ts';

/** Who drafts a reply: the viewer whose cases they may see, the clinic's name for {{clinic}}. */
export interface ReplyAuthor {
  viewer: Viewer;
  actor: Actor & { id: string };
  orgName: string;
}

/**
 * Drafts a reply on a case: fills the template's placeholders, runs the privacy and brand-voice
 * checks and stores the draft with their findings (a failing draft is stored too: people fix it
 * in place; approval is what refuses). Returns the reply's id. Throws not_found for a case the
 * viewer may not see, bad_request for a template that is not the organisation's.
 */
export async function createReply(db: Db, by: ReplyAuthor, caseId: string, body: CreateReplyBodyType): Promise<string> {
  const { orgId } = by.viewer;
  const c = await getCase(db, by.viewer, caseId);
  const { lang, kind, templateId } = body;
  if (templateId) {
    const template = await db.selectFrom('reply_templates').select('id').where('id', '=', templateId).where('org_id', '=', orgId).executeTakeFirst();
    if (!template) throw badRequest(repliesMessages.text('noSuchTemplate'));
  }
  const author = c.mentionIds.length ? await db.selectFrom('mentions').select('author_handle').where('id', '=', c.mentionIds[0]!).executeTakeFirst() : undefined;
  const text = fillPlaceholders(body.text, { clinic: by.orgName, author: author?.author_handle ?? null, lang, caseNumber: c.number });
  const checks = await checkReply(db, orgId, text, lang);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('replies')
      .values({
        org_id: orgId,
        case_id: c.id,
        kind,
        lang,
        text,
        privacy: JSON.stringify(checks.privacy),
        brand_voice: JSON.stringify(checks.brandVoice),
        template_id: templateId ?? null,
        created_by: by.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseEvent(trx, c.id, by.actor, 'reply_drafted', { replyId: row.id, kind, lang, privacyOk: checks.privacy.ok, brandVoiceOk: checks.brandVoice.ok });
    return row.id;
  });
}

import type { Db } from '../db/database.ts';
import { getCase, recordCaseEvent, WordedError, type Actor } from '../cases/index.ts';
import { badRequest } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Viewer } from '../core/viewer.ts';
import { checkReply } from './check-reply.ts';
import { localizeFinding } from './findings.ts';
import type { Finding } from './privacy-check.ts';
import { repliesMessages } from './replies.messages.ts';
import { getReply } from './replies.queries.ts';
import type { ReplyCheck, ReplyStatus } from './replies.vocab.ts';

/** A reply's status, named in `locale`. */
export const replyStatusName = (locale: Locale, status: ReplyStatus) => repliesMessages.render(locale, `status.${status}`);

/** An error naming the reply's status in the reader's language. */
export function wrongStatus(key: 'onlyDraftApproved' | 'onlyApprovedPosted', status: ReplyStatus): WordedError {
  return new WordedError('bad_request', repliesMessages.text(key, { status }), (locale) => ({ status: replyStatusName(locale, status) }));
}

const QUOTES: Record<Locale, { open: string; close: string; reason: (r: string) => string; join: string }> = {
  en: { open: '“', close: '”', reason: (r) => ` (${r})`, join: '; ' },
  ru: { open: '«', close: '»', reason: (r) => ` (${r})`, join: '; ' },
  'zh-CN': { open: '“', close: '”', reason: (r) => `（${r}）`, join: '；' },
};

/** The findings that keep a reply from approval, each word and why, in `locale`. */
function findingList(locale: Locale, findings: Finding[]): string {
  const q = QUOTES[locale];
  return findings.map((f) => `${q.open}${f.term}${q.close}${q.reason(localizeFinding(locale, f).reason)}`).join(q.join);
}

/**
 * Approves a draft once the privacy and brand-voice checks, run again (the rules may have changed
 * since it was written), find nothing; the new findings are stored either way. Throws not_found
 * for a reply or case the viewer may not see, bad_request naming every finding, or when the reply
 * is no longer a draft.
 */
export async function approveReply(db: Db, viewer: Viewer, actor: Actor, id: string): Promise<void> {
  const before = await getReply(db, viewer.orgId, id);
  await getCase(db, viewer, before.caseId);
  if (before.status !== 'draft') throw wrongStatus('onlyDraftApproved', before.status);
  const checks = await checkReply(db, viewer.orgId, before.text, before.lang);
  await db
    .updateTable('replies')
    .set({ privacy: JSON.stringify(checks.privacy), brand_voice: JSON.stringify(checks.brandVoice) })
    .where('id', '=', before.id)
    .execute();
  const findings: (Finding & { check: ReplyCheck })[] = [
    ...checks.privacy.findings.map((f) => ({ check: 'privacy' as const, ...f })),
    ...checks.brandVoice.findings.map((f) => ({ check: 'brandVoice' as const, ...f })),
  ];
  if (findings.length) {
    throw new WordedError('bad_request', repliesMessages.text('cannotApprove'), (locale) => ({ findings: findingList(locale, findings) }), { findings });
  }
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('replies')
      .set({ status: 'approved', approved_by: actor.id, approved_at: new Date() })
      .where('id', '=', before.id)
      .where('status', '=', 'draft')
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw badRequest(repliesMessages.text('changedMeanwhile'));
    await recordCaseEvent(trx, before.caseId, actor, 'reply_approved', { replyId: before.id });
  });
}

import type { AccessTable } from '../../core/context.ts';
import type { Locale } from '../../core/i18n.ts';
import type { SessionUser } from '../../core/request.ts';
import { viewerOf } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { findDraftReplies, type ReplyViewType } from '../../replies/index.ts';

/** Replies submitted for approval on the cases the user may see (with four-eyes, not their own), oldest first; none for a role that may not publish replies. */
export async function pendingApprovals(db: Db, access: AccessTable, user: SessionUser, locale: Locale): Promise<ReplyViewType[]> {
  if (!access.can(user.role, 'replies.publish')) return [];
  return findDraftReplies(db, { ...viewerOf(user), userId: user.userId }, locale);
}

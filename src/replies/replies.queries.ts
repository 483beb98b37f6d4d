import type { Db } from '../db/database.ts';
import { notFound } from '../core/errors.ts';
import { DEFAULT_LOCALE, type Locale } from '../core/i18n.ts';
import { scopeToViewer, type Viewer } from '../core/viewer.ts';
import { localizeCheck, type StoredCheck } from './findings.ts';
import type { ReplyViewType } from './replies.schemas.ts';
import { getReplySettings } from './reply-settings.ts';

function replyQuery(db: Db) {
  return db
    .selectFrom('replies as r')
    .leftJoin('users as author', 'author.id', 'r.created_by')
    .leftJoin('users as approver', 'approver.id', 'r.approved_by')
    .select([
      'r.id',
      'r.case_id as caseId',
      'r.kind',
      'r.lang',
      'r.text',
      'r.status',
      'r.privacy',
      'r.brand_voice as brandVoice',
      'r.created_by as createdBy',
      'author.name as createdByName',
      'r.edited_by as editedBy',
      'r.edited_at as editedAt',
      'r.approved_by as approvedBy',
      'approver.name as approvedByName',
      'r.posted_url as postedUrl',
      'r.created_at as createdAt',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof replyQuery>['execute']>>[number];

/** A reply as its reader sees it: the checks' reasons in the reader's language. */
function toView(row: Row, locale: Locale): ReplyViewType {
  return {
    ...row,
    kind: row.kind,
    status: row.status,
    privacy: localizeCheck(locale, row.privacy as StoredCheck),
    brandVoice: localizeCheck(locale, row.brandVoice as StoredCheck),
  };
}

/** The replies of a case, oldest first. */
export async function findCaseReplies(db: Db, caseId: string, locale: Locale = DEFAULT_LOCALE): Promise<ReplyViewType[]> {
  const rows = await replyQuery(db).where('r.case_id', '=', caseId).orderBy('r.created_at').orderBy('r.id').execute();
  return rows.map((r) => toView(r, locale));
}

/**
 * Replies submitted for approval (ready, outward) on the cases the viewer may see, oldest first;
 * with four-eyes on, not those the viewer wrote or last edited (someone else approves them).
 */
export async function findDraftReplies(db: Db, viewer: Viewer & { userId?: string }, locale: Locale = DEFAULT_LOCALE): Promise<ReplyViewType[]> {
  const { fourEyes } = await getReplySettings(db, viewer.orgId);
  let query = replyQuery(db).innerJoin('cases as c', 'c.id', 'r.case_id').where('r.org_id', '=', viewer.orgId).where('r.status', '=', 'ready').where('r.kind', '!=', 'internal');
  const userId = viewer.userId;
  if (fourEyes && userId)
    query = query.where((eb) =>
      eb.or([
        eb('r.kind', '!=', 'public'),
        eb.and([eb.or([eb('r.created_by', 'is', null), eb('r.created_by', '!=', userId)]), eb.or([eb('r.edited_by', 'is', null), eb('r.edited_by', '!=', userId)])]),
      ]),
    );
  const rows = await query.where(scopeToViewer('c.department_id', viewer)).orderBy('r.created_at').limit(200).execute();
  return rows.map((r) => toView(r, locale));
}

/** One reply of the organisation, in `locale`; throws not_found otherwise. */
export async function getReply(db: Db, orgId: string, id: string, locale: Locale = DEFAULT_LOCALE): Promise<ReplyViewType> {
  const row = await replyQuery(db).where('r.id', '=', id).where('r.org_id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound('reply');
  return toView(row, locale);
}

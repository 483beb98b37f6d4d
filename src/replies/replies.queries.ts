import type { Db } from '../db/database.ts';
import { notFound } from '../core/errors.ts';
import type { CheckResult } from './privacy-check.ts';
import type { ReplyViewType } from './replies.schemas.ts';

function replyQuery(db: Db) {
  return db
    .selectFrom('replies')
    .select(['id', 'case_id as caseId', 'kind', 'lang', 'text', 'status', 'privacy', 'brand_voice as brandVoice', 'created_by as createdBy', 'approved_by as approvedBy', 'posted_url as postedUrl', 'created_at as createdAt', 'org_id as orgId']);
}

type Row = Awaited<ReturnType<ReturnType<typeof replyQuery>['execute']>>[number];

function toView({ orgId: _orgId, ...row }: Row): ReplyViewType {
  return { ...row, kind: row.kind as 'public' | 'private', status: row.status as ReplyViewType['status'], privacy: row.privacy as CheckResult, brandVoice: row.brandVoice as CheckResult };
}

/** The replies of a case, oldest first. */
export async function findCaseReplies(db: Db, caseId: string): Promise<ReplyViewType[]> {
  return (await replyQuery(db).where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute()).map(toView);
}

/** Drafts of the organisation waiting for approval, oldest first. */
export async function findDraftReplies(db: Db, orgId: string, caseIds: string[] | null): Promise<ReplyViewType[]> {
  let query = replyQuery(db).where('org_id', '=', orgId).where('status', '=', 'draft');
  if (caseIds) query = caseIds.length ? query.where('case_id', 'in', caseIds) : query.where('id', 'is', null);
  return (await query.orderBy('created_at').limit(200).execute()).map(toView);
}

/** One reply of the organisation; throws not_found otherwise. */
export async function getReply(db: Db, orgId: string, id: string): Promise<ReplyViewType> {
  const row = await replyQuery(db).where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound('reply');
  return toView(row);
}

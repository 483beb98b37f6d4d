import type { Db } from '../db/database.ts';
import type { Viewer } from '../core/viewer.ts';
import { moveLocked } from './case-workflow.ts';
import { lockCase, type Actor } from './cases.queries.ts';
import { CASE_STATUSES, TRANSITIONS, type CaseStatus } from './cases.vocab.ts';

/** What happened to a reply that moves its case on: approval puts the case in handling, posting in responded. */
export type ReplyStep = 'approved' | 'posted';

const TARGET: Record<ReplyStep, CaseStatus> = { approved: 'handling', posted: 'responded' };

/** The shortest way forward through the workflow from `from` to `to` (the statuses after `from`), or [] when there is none. */
export function forwardPath(from: CaseStatus, to: CaseStatus): CaseStatus[] {
  if (CASE_STATUSES.indexOf(from) >= CASE_STATUSES.indexOf(to)) return [];
  const previous = new Map<CaseStatus, CaseStatus>();
  const queue: CaseStatus[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === to) break;
    for (const next of TRANSITIONS[at]) {
      if (next === from || previous.has(next)) continue;
      previous.set(next, at);
      queue.push(next);
    }
  }
  if (!previous.has(to)) return [];
  const path: CaseStatus[] = [];
  for (let at: CaseStatus | undefined = to; at && at !== from; at = previous.get(at)) path.unshift(at);
  return path;
}

/**
 * Moves a case on because one of its replies was approved (to `handling`) or posted (to `responded`),
 * inside the caller's transaction: through the workflow's intermediate statuses, each a step of
 * `moveLocked`, as transitionCase records them. Never moves a case backwards, nor a closed
 * case; reaching `responded` counts the first response. Returns the case's status before and after
 * (equal when nothing moved). Throws not_found for a case the viewer may not see.
 */
export async function advanceCaseForReply(trx: Db, viewer: Viewer, actor: Actor, caseId: string, step: ReplyStep, replyId: string): Promise<{ from: CaseStatus; to: CaseStatus }> {
  const c = await lockCase(trx, viewer, caseId);
  const path = c.status === 'closed' ? [] : forwardPath(c.status, TARGET[step]);
  let at = c.status;
  for (const next of path) {
    await moveLocked(trx, viewer.orgId, actor, c, at, next, { replyId });
    at = next;
  }
  return { from: c.status, to: at };
}

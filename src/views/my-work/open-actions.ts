import { z } from 'zod';
import { ActionView } from '../../cases/index.ts';

import type { SessionUser } from '../../core/request.ts';
import type { Db } from '../../db/database.ts';

export const OpenActionView = ActionView.extend({ caseId: z.string(), caseNumber: z.number(), caseTitle: z.string() });
export type OpenAction = z.infer<typeof OpenActionView>;

/**
 * The open corrective and preventive actions the user owns, soonest due first, with the case each
 * belongs to. An owner sees their own actions in any case of the organisation: they were made
 * responsible for them.
 */
export async function openActions(db: Db, user: SessionUser): Promise<OpenAction[]> {
  const rows = await db
    .selectFrom('case_actions as a')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .select(['a.id', 'a.kind', 'a.description', 'a.aspect', 'a.owner_id as ownerId', 'a.due_at as dueAt', 'a.done_at as doneAt', 'c.id as caseId', 'c.number as caseNumber', 'c.title as caseTitle'])
    .where('c.org_id', '=', user.orgId)
    .where('a.owner_id', '=', user.userId)
    .where('a.status', '=', 'open')
    .orderBy('a.due_at')
    .limit(200)
    .execute();
  return rows.map((a) => ({ ...a, kind: a.kind, status: 'open' as const, ownerName: user.name, effect: null }));
}

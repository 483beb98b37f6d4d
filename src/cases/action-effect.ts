import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ActionEffect } from './cases.schemas.ts';

export const EFFECT_DAYS = 30;

/**
 * The prevention loop: an aspect's negative share (mentions with that aspect and negative
 * polarity / all mentions with that aspect) in the `days` before and after an action was done,
 * within the case's department, else its location, else the whole organisation.
 */
export async function actionEffect(db: Db, scope: { orgId: string; departmentId: string | null; locationId: string | null }, aspect: string, doneAt: Date, days = EFFECT_DAYS): Promise<ActionEffect> {
  const at = sql`coalesce(m.published_at, m.received_at)`;
  const from = new Date(doneAt.getTime() - days * 86_400_000);
  const to = new Date(doneAt.getTime() + days * 86_400_000);
  let query = db
    .selectFrom('mentions as m')
    .select([
      sql<number>`count(*) FILTER (WHERE ${at} < ${doneAt})::int`.as('beforeN'),
      sql<number>`count(*) FILTER (WHERE ${at} < ${doneAt} AND m.aspects @> ARRAY[${`${aspect}:negative`}]::text[])::int`.as('beforeNeg'),
      sql<number>`count(*) FILTER (WHERE ${at} >= ${doneAt})::int`.as('afterN'),
      sql<number>`count(*) FILTER (WHERE ${at} >= ${doneAt} AND m.aspects @> ARRAY[${`${aspect}:negative`}]::text[])::int`.as('afterNeg'),
    ])
    .where('m.org_id', '=', scope.orgId)
    .where(sql<SqlBool>`m.aspects @> ARRAY[${aspect}]::text[]`)
    .where(sql<SqlBool>`${at} >= ${from} AND ${at} < ${to}`);
  if (scope.departmentId) query = query.where('m.department_id', '=', scope.departmentId);
  else if (scope.locationId) query = query.where('m.location_id', '=', scope.locationId);
  const r = await query.executeTakeFirstOrThrow();
  const share = (neg: number, n: number) => ({ negativeShare: n ? neg / n : null, n });
  return { aspect, days, before: share(Number(r.beforeNeg), Number(r.beforeN)), after: share(Number(r.afterNeg), Number(r.afterN)) };
}

/** The actions of a case with their owners and, once done, their effect. */
export async function findActions(db: Db, c: { id: string; orgId: string; departmentId: string | null; locationId: string | null }) {
  const rows = await db
    .selectFrom('case_actions as a')
    .leftJoin('users as u', 'u.id', 'a.owner_id')
    .select(['a.id', 'a.kind', 'a.description', 'a.aspect', 'a.owner_id as ownerId', 'u.name as ownerName', 'a.due_at as dueAt', 'a.status', 'a.done_at as doneAt'])
    .where('a.case_id', '=', c.id)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return Promise.all(
    rows.map(async (r) => ({
      ...r,
      kind: r.kind,
      status: r.status,
      effect: r.status === 'done' && r.doneAt ? await actionEffect(db, { orgId: c.orgId, departmentId: c.departmentId, locationId: c.locationId }, r.aspect, r.doneAt) : null,
    })),
  );
}

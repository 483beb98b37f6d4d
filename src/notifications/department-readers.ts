import { sql } from 'kysely';
import { viewerOf, viewerSees } from '../core/viewer.ts';
import type { Db } from '../db/database.ts';

/**
 * Of `users`, those who may read a notification about mentions of `departmentIds` (every
 * department its text quotes or counts): a department-scoped user only when each of them is one
 * of theirs, so none when the list is empty (the whole organisation) or holds no department.
 * `departmentIds` undefined: the notification is about no department, and every user reads it.
 */
export async function whoMayRead<U extends { id: string }>(trx: Db, orgId: string, users: U[], departmentIds: (string | null)[] | undefined): Promise<U[]> {
  if (departmentIds === undefined || !users.length) return users;
  const rows = await trx
    .selectFrom('users as u')
    .select(['u.id', 'u.role', sql<string[] | null>`(SELECT array_agg(ud.department_id) FROM user_departments ud WHERE ud.user_id = u.id)`.as('departmentIds')])
    .where('u.org_id', '=', orgId)
    .where(
      'u.id',
      'in',
      users.map((u) => u.id),
    )
    .execute();
  const mayRead = new Set(
    rows
      .filter((r) => {
        const viewer = viewerOf({ orgId, role: r.role, departmentIds: r.departmentIds ?? [] });
        return !viewer.departmentIds || (departmentIds.length > 0 && departmentIds.every((d) => viewerSees(viewer, d)));
      })
      .map((r) => r.id),
  );
  return users.filter((u) => mayRead.has(u.id));
}

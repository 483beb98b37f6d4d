import type { Db } from '../db/database.ts';
import { ROLES, isDepartmentScoped } from '../core/access.vocab.ts';
import { casesPermissions } from './cases.permissions.ts';

const DEPARTMENT_SCOPED = ROLES.filter(isDepartmentScoped);

/**
 * The next member of a team to take a case, round-robin among the members on shift who may work
 * on it (a role with cases.work; a department-scoped one only for their departments), in a fixed
 * order after the one who took the last case; null when the team's auto-assignment is off
 * or nobody is on shift. The team row is locked for the rest of the caller's transaction and its
 * cursor moved, so two cases opened at once go to two people, never both to the same one.
 */
export async function nextOnShift(trx: Db, orgId: string, teamId: string, departmentId: string | null): Promise<{ id: string; name: string } | null> {
  const team = await trx.selectFrom('teams').select(['id', 'auto_assign', 'rr_last_user_id']).where('org_id', '=', orgId).where('id', '=', teamId).forUpdate().executeTakeFirst();
  if (!team?.auto_assign) return null;
  const members = await trx
    .selectFrom('team_members as tm')
    .innerJoin('users as u', 'u.id', 'tm.user_id')
    .select(['u.id', 'u.name'])
    .where('tm.team_id', '=', teamId)
    .where('tm.on_shift', '=', true)
    .where('u.org_id', '=', orgId)
    .where('u.disabled', '=', false)
    // Only people who may work on cases, and a department-scoped one only for a case of their departments (else they could not see it).
    .where('u.role', 'in', [...casesPermissions['cases.work']])
    .where((eb) =>
      eb.or([
        eb('u.role', 'not in', DEPARTMENT_SCOPED),
        departmentId ? eb.exists(eb.selectFrom('user_departments as ud').select('ud.user_id').whereRef('ud.user_id', '=', 'u.id').where('ud.department_id', '=', departmentId)) : eb.val(false),
      ]),
    )
    .orderBy('u.id')
    .execute();
  if (!members.length) return null;
  // uuid order in the database is the order of their lower-case text, so the comparison agrees with ORDER BY.
  const last = team.rr_last_user_id;
  const next = (last ? members.find((m) => m.id > last) : undefined) ?? members[0]!;
  await trx.updateTable('teams').set({ rr_last_user_id: next.id }).where('id', '=', teamId).execute();
  return next;
}

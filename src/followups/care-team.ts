import type { PgBoss } from 'pg-boss';
import type { Text, Words } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { enqueueNotification } from '../notifications/index.ts';
import { rolesOfPerformer, type Performer } from './followups.vocab.ts';

/**
 * The care team of an enrolment: the members of the plan's team when it names one, else the
 * active users whose role performs the plan's tasks and who see the enrolment's department
 * (department heads and staff of that department; service of the whole organisation), and the
 * admins when nobody else is found, so an urgent reading never goes unheard.
 */
export async function careTeam(trx: Db, orgId: string, enrolmentId: string, performer: Performer): Promise<string[]> {
  const e = await trx
    .selectFrom('followup_enrolments as e')
    .innerJoin('followup_plans as p', 'p.id', 'e.plan_id')
    .select(['e.department_id', 'p.team_id'])
    .where('e.org_id', '=', orgId)
    .where('e.id', '=', enrolmentId)
    .executeTakeFirstOrThrow();
  if (e.team_id) {
    const members = await trx
      .selectFrom('team_members as tm')
      .innerJoin('users as u', 'u.id', 'tm.user_id')
      .select('u.id')
      .where('tm.team_id', '=', e.team_id)
      .where('u.org_id', '=', orgId)
      .where('u.disabled', '=', false)
      .execute();
    if (members.length) return members.map((r) => r.id);
  }
  const roles = rolesOfPerformer(performer);
  const users = await trx
    .selectFrom('users as u')
    .select('u.id')
    .where('u.org_id', '=', orgId)
    .where('u.disabled', '=', false)
    .where('u.role', 'in', roles)
    .where((eb) =>
      eb.or([
        eb('u.role', '=', 'service'),
        e.department_id ? eb.exists(eb.selectFrom('user_departments as ud').select('ud.user_id').whereRef('ud.user_id', '=', 'u.id').where('ud.department_id', '=', e.department_id)) : eb.val(false),
      ]),
    )
    .execute();
  if (users.length) return users.map((r) => r.id);
  const admins = await trx.selectFrom('users').select('id').where('org_id', '=', orgId).where('disabled', '=', false).where('role', '=', 'admin').execute();
  return admins.map((r) => r.id);
}

/** Tells the care team inside the caller's transaction (in-app and e-mail, each in their language). */
export async function notifyCareTeam(boss: PgBoss | null, trx: Db, input: { orgId: string; userIds: string[]; title: Text; text: Words; url: string; urgent: boolean }): Promise<void> {
  if (!input.userIds.length) return;
  await enqueueNotification(boss, trx, { orgId: input.orgId, title: input.title, text: input.text, url: input.url, userIds: input.userIds, urgent: input.urgent });
}

import type { Role } from '../core/access.vocab.ts';
import { sql, type SqlBool } from 'kysely';
import type { AppContext } from '../core/context.ts';
import { casesMessages } from './cases.messages.ts';
import { recordCaseEvent, SYSTEM_ACTOR } from './cases.queries.ts';
import { ESCALATION_TARGETS, type Breach, type EscalationLevel } from './cases.vocab.ts';
import { notifyCase } from './notify-case.ts';

export { ESCALATION_TARGETS };

/**
 * Finds open cases past a due time and escalates each one level: to the department head when a
 * due time first passes, to leadership when it is still breached one more first-response window
 * later (at least an hour). Returns how many escalations it made. Throws on a database error.
 */
export async function checkSla(ctx: Pick<AppContext, 'db' | 'boss'>, now = new Date()): Promise<number> {
  const candidates = await ctx.db
    .selectFrom('cases')
    .select(['id', 'escalation_level'])
    .where('status', '<>', 'closed')
    .where('escalation_level', '<', 2)
    .where(sql<SqlBool>`((responded_at IS NULL AND first_response_due_at < ${now}) OR resolution_due_at < ${now})`)
    .where(sql<SqlBool>`(escalation_level = 0 OR escalated_at + greatest(first_response_due_at - opened_at, interval '1 hour') <= ${now})`)
    .limit(1000)
    .execute();
  let escalated = 0;
  for (const candidate of candidates) {
    const done = await ctx.db.transaction().execute(async (trx) => {
      // Claim the step with a conditional update, so two runs of the job never escalate twice.
      const c = await trx
        .updateTable('cases')
        .set({ escalation_level: candidate.escalation_level + 1, escalated_at: now })
        .where('id', '=', candidate.id)
        .where('escalation_level', '=', candidate.escalation_level)
        .returning(['id', 'org_id', 'number', 'title', 'department_id', 'assignee_id', 'escalation_level', 'responded_at', 'first_response_due_at', 'resolution_due_at'])
        .executeTakeFirst();
      if (!c) return false;
      const breached: Breach = !c.responded_at && c.first_response_due_at < now ? 'first_response' : 'resolution';
      const dueAt = breached === 'first_response' ? c.first_response_due_at : c.resolution_due_at;
      const level = c.escalation_level as EscalationLevel;
      await recordCaseEvent(trx, c.id, SYSTEM_ACTOR, 'escalated', { level, to: ESCALATION_TARGETS[level], breached, dueAt: dueAt.toISOString() });
      let userIds: string[] = [];
      let roles: Role[] = ['leadership'];
      if (level === 1) {
        const heads = c.department_id
          ? await trx
              .selectFrom('users as u')
              .innerJoin('user_departments as ud', 'ud.user_id', 'u.id')
              .select('u.id')
              .where('ud.department_id', '=', c.department_id)
              .where('u.role', '=', 'department_head')
              .where('u.disabled', '=', false)
              .execute()
          : [];
        userIds = heads.map((h) => h.id);
        // Without a department head to tell, the escalation goes to the administrators.
        roles = userIds.length ? [] : ['admin'];
      }
      if (c.assignee_id) userIds.push(c.assignee_id);
      await notifyCase(ctx.boss, trx, {
        orgId: c.org_id,
        title: casesMessages.text(`notify.escalated.${level}`, { number: String(c.number) }),
        text: casesMessages.text(`notify.due.${breached}`, { dueAt: dueAt.toISOString(), title: c.title }),
        url: `/cases/${c.id}`,
        userIds,
        roles,
        urgent: level === 2,
      });
      return true;
    });
    if (done) escalated++;
  }
  return escalated;
}

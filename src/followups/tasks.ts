import { sql } from 'kysely';
import type { PgBoss } from 'pg-boss';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import type { Locale } from '../core/i18n.ts';
import { scopeToViewer, viewerSees, type Viewer } from '../core/viewer.ts';
import type { Db } from '../db/database.ts';
import { isContactable } from '../outreach/index.ts';
import { careTeam, notifyCareTeam } from './care-team.ts';
import { missing, refused } from './errors.ts';
import { followupsMessages as m } from './followups.messages.ts';
import { ON_TIME_GRACE_DAYS, performersOf, type Metric, type TaskFilter } from './followups.vocab.ts';
import type { TaskViewType } from './followups.schemas.ts';

export interface TaskReader {
  viewer: Viewer;
  userId: string;
  role: string;
  locale: Locale;
}

/** Follow-up tasks a reader sees (their departments), urgent first, then by due time; filters today, overdue, urgent, mine, open, done, and by plan. */
export async function findTasks(db: Db, reader: TaskReader, filter: { filter?: TaskFilter; planId?: string; enrolmentId?: string; limit?: number }): Promise<TaskViewType[]> {
  const orgId = reader.viewer.orgId;
  const org = await db.selectFrom('organisations').select('timezone').where('id', '=', orgId).executeTakeFirstOrThrow();
  let query = db
    .selectFrom('followup_tasks as t')
    .innerJoin('followup_enrolments as e', 'e.id', 't.enrolment_id')
    .innerJoin('followup_plans as p', 'p.id', 'e.plan_id')
    .innerJoin('patients as pt', 'pt.id', 'e.patient_id')
    .leftJoin('followup_readings as r', 'r.id', 't.reading_id')
    .leftJoin('followup_questions as q', 'q.id', 't.question_id')
    .leftJoin('users as u', 'u.id', 't.completed_by')
    .select([
      't.id',
      't.enrolment_id',
      'e.plan_id',
      'p.name as plan_name',
      'pt.name as patient_name',
      't.kind',
      't.priority',
      't.status',
      't.performer',
      't.due_at',
      't.note',
      't.completed_at',
      'u.name as completed_by_name',
      'r.metric',
      'r.value',
      'r.unit',
      'q.text as question',
      'pt.opted_out_at',
    ])
    .where('t.org_id', '=', orgId)
    .where(scopeToViewer('e.department_id', reader.viewer));
  if (filter.planId) query = query.where('e.plan_id', '=', filter.planId);
  if (filter.enrolmentId) query = query.where('t.enrolment_id', '=', filter.enrolmentId);
  const now = new Date();
  switch (filter.filter) {
    case 'today':
      query = query.where('t.status', '=', 'open').where(sql<boolean>`(t.due_at AT TIME ZONE ${org.timezone})::date <= (now() AT TIME ZONE ${org.timezone})::date`);
      break;
    case 'overdue':
      query = query.where('t.status', '=', 'open').where('t.due_at', '<', now);
      break;
    case 'urgent':
      query = query.where('t.status', '=', 'open').where('t.priority', '=', 'urgent');
      break;
    case 'mine': {
      const performers = performersOf(reader.role);
      query = query
        .where('t.status', '=', 'open')
        .where((eb) => eb.or([eb('t.assigned_to', '=', reader.userId), performers.length ? eb.and([eb('t.assigned_to', 'is', null), eb('t.performer', 'in', performers)]) : eb.val(false)]));
      break;
    }
    case 'done':
      query = query.where('t.status', '=', 'done');
      break;
    case 'open':
      query = query.where('t.status', '=', 'open');
      break;
    default:
      break;
  }
  const rows = await query
    .orderBy(sql`CASE WHEN t.status = 'open' THEN 0 ELSE 1 END`)
    .orderBy(sql`CASE WHEN t.priority = 'urgent' THEN 0 ELSE 1 END`)
    .orderBy('t.due_at')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    enrolmentId: r.enrolment_id,
    planId: r.plan_id,
    planName: r.plan_name,
    patientName: r.patient_name,
    kind: r.kind,
    priority: r.priority,
    status: r.status,
    performer: r.performer,
    dueAt: r.due_at,
    overdue: r.status === 'open' && r.due_at < now,
    optedOut: r.opted_out_at !== null,
    detail: r.metric ? m.render(reader.locale, 'timeline.readingUrgent', { metric: m.text(`metric.${r.metric as Metric}`), value: r.value, unit: r.unit }) : (r.question ?? null),
    note: r.note,
    completedAt: r.completed_at,
    completedByName: r.completed_by_name,
  }));
}

/** Completes an open task with a note; a check-in's task marks its check-in done. */
export async function completeTask(db: Db, by: AuditBy, viewer: Viewer, taskId: string, note: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = await trx
      .selectFrom('followup_tasks as t')
      .innerJoin('followup_enrolments as e', 'e.id', 't.enrolment_id')
      .select(['t.id', 't.status', 't.checkin_id', 't.kind', 'e.department_id'])
      .where('t.org_id', '=', by.orgId)
      .where('t.id', '=', taskId)
      .forUpdate()
      .executeTakeFirst();
    if (!t || !viewerSees(viewer, t.department_id)) throw missing('noSuchTask');
    if (t.status !== 'open') throw refused('taskClosed', { status: t.status });
    const now = new Date();
    await trx
      .updateTable('followup_tasks')
      .set({ status: 'done', completed_at: now, completed_by: by.userId, assigned_to: by.userId, note: note || null })
      .where('id', '=', t.id)
      .execute();
    if (t.checkin_id && t.kind !== 'urgent_reading') {
      await trx.updateTable('followup_checkins').set({ status: 'done', done_at: now }).where('id', '=', t.checkin_id).where('status', 'in', ['scheduled', 'missed']).execute();
    }
    await recordAudit(trx, { ...by, action: 'followup_task.completed', targetType: 'followup_task', targetId: t.id, details: { note: note.slice(0, 200) } });
  });
}

/**
 * Every minute: open tasks past their due time that nobody was told about yet are marked
 * (overdue_notified_at) and their care team is notified, one message per person per run; their
 * check-ins, due and not done, become missed after the grace period.
 */
export async function markOverdueTasks(db: Db, boss: PgBoss | null, publicUrl: string, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('followup_checkins')
      .set({ status: 'missed' })
      .where('status', '=', 'scheduled')
      .where('due_at', '<', new Date(now.getTime() - ON_TIME_GRACE_DAYS * 86_400_000))
      .execute();
    const due = await trx
      .selectFrom('followup_tasks as t')
      .innerJoin('followup_enrolments as e', 'e.id', 't.enrolment_id')
      .select(['t.id', 't.org_id', 't.enrolment_id', 't.performer', 't.kind', 'e.patient_id'])
      .where('t.status', '=', 'open')
      .where('e.status', '=', 'active')
      .where('t.due_at', '<', now)
      .where('t.overdue_notified_at', 'is', null)
      .orderBy('t.due_at')
      .limit(1000)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!due.length) return 0;
    await trx
      .updateTable('followup_tasks')
      .set({ overdue_notified_at: now })
      .where(
        'id',
        'in',
        due.map((t) => t.id),
      )
      .execute();
    const perOrgUser = new Map<string, Map<string, number>>();
    for (const t of due) {
      // A call to a patient who opted out (or is inside an exclusion window) is no reminder to send.
      if (t.kind === 'call' && !(await isContactable(trx, t.org_id, t.patient_id, now))) continue;
      const users = await careTeam(trx, t.org_id, t.enrolment_id, t.performer);
      const counts = perOrgUser.get(t.org_id) ?? new Map<string, number>();
      for (const u of users) counts.set(u, (counts.get(u) ?? 0) + 1);
      perOrgUser.set(t.org_id, counts);
    }
    for (const [orgId, counts] of perOrgUser) {
      const byCount = new Map<number, string[]>();
      for (const [user, count] of counts) byCount.set(count, [...(byCount.get(count) ?? []), user]);
      for (const [count, userIds] of byCount) {
        await notifyCareTeam(boss, trx, {
          orgId,
          userIds,
          title: m.text('notify.overdue', { count }),
          text: m.text('notify.overdueText'),
          url: `${publicUrl}/follow-ups?filter=overdue`,
          urgent: false,
        });
      }
    }
    return due.length;
  });
}

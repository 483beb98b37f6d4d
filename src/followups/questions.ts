import type { PgBoss } from 'pg-boss';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { viewerSees, type Viewer } from '../core/viewer.ts';
import type { Db } from '../db/database.ts';
import { careTeam, notifyCareTeam } from './care-team.ts';
import { missing, refused } from './errors.ts';
import { followupsMessages as m } from './followups.messages.ts';
import type { Performer } from './followups.vocab.ts';

/** A patient's question to the care team: stored as written (pages escape it), a task to answer it, and a notice to the team. */
export async function askQuestion(db: Db, boss: PgBoss | null, input: { orgId: string; enrolmentId: string; text: string; publicUrl: string }): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const e = await trx
      .selectFrom('followup_enrolments as e')
      .innerJoin('followup_plans as p', 'p.id', 'e.plan_id')
      .innerJoin('followup_plan_versions as v', (j) => j.onRef('v.plan_id', '=', 'e.plan_id').onRef('v.version', '=', 'e.plan_version'))
      .select(['e.id', 'e.status', 'p.name', 'v.definition'])
      .where('e.org_id', '=', input.orgId)
      .where('e.id', '=', input.enrolmentId)
      .executeTakeFirst();
    if (!e) throw missing('noSuchEnrolment');
    if (e.status !== 'active') throw refused('notActive', { status: e.status });
    const performer: Performer = e.definition.performer;
    const q = await trx.insertInto('followup_questions').values({ org_id: input.orgId, enrolment_id: e.id, text: input.text }).returning('id').executeTakeFirstOrThrow();
    await trx
      .insertInto('followup_tasks')
      .values({ org_id: input.orgId, enrolment_id: e.id, kind: 'question', performer, due_at: new Date(Date.now() + 86_400_000), question_id: q.id })
      .execute();
    await notifyCareTeam(boss, trx, {
      orgId: input.orgId,
      userIds: await careTeam(trx, input.orgId, e.id, performer),
      title: m.text('notify.question', { plan: e.name }),
      text: input.text.slice(0, 500),
      url: `${input.publicUrl}/follow-ups/enrolments/${e.id}`,
      urgent: false,
    });
    return q.id;
  });
}

/** Staff answer a patient's question; the question's task is done with it. */
export async function answerQuestion(db: Db, by: AuditBy, viewer: Viewer, questionId: string, answer: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const q = await trx
      .selectFrom('followup_questions as q')
      .innerJoin('followup_enrolments as e', 'e.id', 'q.enrolment_id')
      .select(['q.id', 'e.department_id'])
      .where('q.org_id', '=', by.orgId)
      .where('q.id', '=', questionId)
      .executeTakeFirst();
    if (!q || !viewerSees(viewer, q.department_id)) throw missing('noSuchQuestion');
    const now = new Date();
    await trx.updateTable('followup_questions').set({ answer, answered_by: by.userId, answered_at: now }).where('id', '=', q.id).execute();
    await trx
      .updateTable('followup_tasks')
      .set({ status: 'done', completed_at: now, completed_by: by.userId, note: answer.slice(0, 4000) })
      .where('question_id', '=', q.id)
      .where('status', '=', 'open')
      .execute();
    await recordAudit(trx, { ...by, action: 'followup_question.answered', targetType: 'followup_question', targetId: q.id });
  });
}

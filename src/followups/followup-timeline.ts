import type { Text } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { followupsMessages as m } from './followups.messages.ts';
import type { Metric, TaskKind } from './followups.vocab.ts';

export interface FollowupTimelineEntry {
  at: Date;
  kind:
    | 'followup.enrolled'
    | 'followup.withdrawn'
    | 'followup.reading'
    | 'followup.reading_urgent'
    | 'followup.photo'
    | 'followup.task_done'
    | 'followup.task_overdue'
    | 'followup.question'
    | 'followup.answer';
  text: Text;
  ref: { type: string; id: string };
}

const QUOTE_LIMIT = 200;

/**
 * A patient's follow-up history in one organisation, newest first, for the patient timeline
 * (REPORTS joins it with visits, surveys and mentions): enrolments and withdrawals, readings
 * (urgent or not), photos, tasks done or overdue, questions and answers. Each entry's text is a
 * message code, rendered in the viewer's language.
 */
export async function followupTimeline(db: Db, orgId: string, patientId: string): Promise<FollowupTimelineEntry[]> {
  const enrolments = await db
    .selectFrom('followup_enrolments as e')
    .innerJoin('followup_plans as p', 'p.id', 'e.plan_id')
    .select(['e.id', 'e.created_at', 'e.withdrawn_at', 'p.name'])
    .where('e.org_id', '=', orgId)
    .where('e.patient_id', '=', patientId)
    .execute();
  if (!enrolments.length) return [];
  const ids = enrolments.map((e) => e.id);
  const [readings, photos, tasks, questions] = await Promise.all([
    db.selectFrom('followup_readings').select(['id', 'metric', 'value', 'unit', 'out_of_range', 'recorded_at']).where('org_id', '=', orgId).where('enrolment_id', 'in', ids).execute(),
    db.selectFrom('followup_photos').select(['id', 'created_at']).where('org_id', '=', orgId).where('enrolment_id', 'in', ids).execute(),
    db
      .selectFrom('followup_tasks')
      .select(['id', 'kind', 'status', 'completed_at', 'due_at', 'overdue_notified_at'])
      .where('org_id', '=', orgId)
      .where('enrolment_id', 'in', ids)
      .where((eb) => eb.or([eb('status', '=', 'done'), eb('overdue_notified_at', 'is not', null)]))
      .execute(),
    db.selectFrom('followup_questions').select(['id', 'text', 'asked_at', 'answer', 'answered_at']).where('org_id', '=', orgId).where('enrolment_id', 'in', ids).execute(),
  ]);
  const out: FollowupTimelineEntry[] = [];
  for (const e of enrolments) {
    out.push({ at: e.created_at, kind: 'followup.enrolled', text: m.text('timeline.enrolled', { plan: e.name }), ref: { type: 'followup_enrolment', id: e.id } });
    if (e.withdrawn_at) out.push({ at: e.withdrawn_at, kind: 'followup.withdrawn', text: m.text('timeline.withdrawn', { plan: e.name }), ref: { type: 'followup_enrolment', id: e.id } });
  }
  for (const r of readings) {
    const params = { metric: m.text(`metric.${r.metric as Metric}`), value: r.value, unit: r.unit };
    out.push({
      at: r.recorded_at,
      kind: r.out_of_range ? 'followup.reading_urgent' : 'followup.reading',
      text: m.text(r.out_of_range ? 'timeline.readingUrgent' : 'timeline.reading', params),
      ref: { type: 'followup_reading', id: r.id },
    });
  }
  for (const p of photos) out.push({ at: p.created_at, kind: 'followup.photo', text: m.text('timeline.photo'), ref: { type: 'followup_photo', id: p.id } });
  for (const t of tasks) {
    const kind = m.text(`task.${t.kind as TaskKind}`);
    if (t.status === 'done' && t.completed_at) out.push({ at: t.completed_at, kind: 'followup.task_done', text: m.text('timeline.taskDone', { kind }), ref: { type: 'followup_task', id: t.id } });
    else if (t.overdue_notified_at) out.push({ at: t.due_at, kind: 'followup.task_overdue', text: m.text('timeline.taskOverdue', { kind }), ref: { type: 'followup_task', id: t.id } });
  }
  for (const q of questions) {
    out.push({ at: q.asked_at, kind: 'followup.question', text: m.text('timeline.question', { text: q.text.slice(0, QUOTE_LIMIT) }), ref: { type: 'followup_question', id: q.id } });
    if (q.answer && q.answered_at)
      out.push({ at: q.answered_at, kind: 'followup.answer', text: m.text('timeline.answer', { text: q.answer.slice(0, QUOTE_LIMIT) }), ref: { type: 'followup_question', id: q.id } });
  }
  return out.sort((a, b) => b.at.getTime() - a.at.getTime());
}

import type { PgBoss } from 'pg-boss';
import { badRequest } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { careTeam, notifyCareTeam } from './care-team.ts';
import { missing, refused } from './errors.ts';
import { followupsMessages as m } from './followups.messages.ts';
import { isOutOfRange, METRICS, normalRange, type Metric } from './followups.vocab.ts';
import { loadPlan } from './plans.ts';

/** A check-in this close to its due date (or past it) is the one new readings and photos answer. */
const CHECKIN_WINDOW_MS = 3 * 86_400_000;

/** The scheduled check-in that readings sent now belong to (the earliest one due by three days from now), or null. */
export async function currentCheckin(trx: Db, enrolmentId: string, now = new Date()): Promise<string | null> {
  const row = await trx
    .selectFrom('followup_checkins')
    .select('id')
    .where('enrolment_id', '=', enrolmentId)
    .where('status', '=', 'scheduled')
    .where('due_at', '<=', new Date(now.getTime() + CHECKIN_WINDOW_MS))
    .orderBy('due_at')
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface ReadingsResult {
  saved: number;
  outOfRange: { metric: Metric; value: number; low: number | null; high: number | null; unit: string }[];
}

/**
 * Stores readings of an active enrolment (only metrics its plan collects, within plausible bounds)
 * and the answers to its questionnaire, and marks the current check-in done. Each reading outside its normal range creates an urgent
 * task for the care team at once and tells them, in the same transaction.
 */
export async function recordReadings(
  db: Db,
  boss: PgBoss | null,
  input: { orgId: string; enrolmentId: string; values: Partial<Record<Metric, number>>; answers?: { question: string; answer: string }[]; source: 'patient' | 'staff'; publicUrl: string },
): Promise<ReadingsResult> {
  const e = await db.selectFrom('followup_enrolments').select(['id', 'plan_id', 'plan_version', 'status']).where('org_id', '=', input.orgId).where('id', '=', input.enrolmentId).executeTakeFirst();
  if (!e) throw missing('noSuchEnrolment');
  if (e.status !== 'active') throw refused('notActive', { status: e.status });
  const plan = await loadPlan(db, input.orgId, e.plan_id, e.plan_version);
  const entries = Object.entries(input.values).filter(([, v]) => v !== undefined) as [Metric, number][];
  for (const [metric, value] of entries) {
    const spec = METRICS[metric];
    if (!spec || !plan.definition.readings.some((r) => r.metric === metric)) throw badRequest(m.text('metricNotInPlan', { metric: m.text(`metric.${metric}`) }));
    if (!Number.isFinite(value) || value < spec.min || value > spec.max)
      throw badRequest(m.text('readingOutOfBounds', { metric: m.text(`metric.${metric}`), min: spec.min, max: spec.max, unit: spec.unit }));
  }
  return db.transaction().execute(async (trx) => {
    const result: ReadingsResult = { saved: 0, outOfRange: [] };
    const answers = (input.answers ?? []).filter((a) => a.answer.trim());
    if (!entries.length && !answers.length) return result;
    const checkinId = await currentCheckin(trx, e.id);
    if (answers.length) {
      await trx
        .insertInto('followup_answers')
        .values(answers.map((a) => ({ org_id: input.orgId, enrolment_id: e.id, checkin_id: checkinId, question: a.question.slice(0, 500), answer: a.answer.trim().slice(0, 2000) })))
        .execute();
    }
    let team: string[] | null = null;
    for (const [metric, value] of entries) {
      const range = normalRange(
        plan.definition.readings.find((r) => r.metric === metric),
        metric,
      );
      const out = isOutOfRange(value, range);
      const reading = await trx
        .insertInto('followup_readings')
        .values({
          org_id: input.orgId,
          enrolment_id: e.id,
          checkin_id: checkinId,
          metric,
          value,
          unit: METRICS[metric].unit,
          normal_low: range.low,
          normal_high: range.high,
          out_of_range: out,
          source: input.source,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      result.saved++;
      if (!out) continue;
      result.outOfRange.push({ metric, value, ...range, unit: METRICS[metric].unit });
      await trx
        .insertInto('followup_tasks')
        .values({
          org_id: input.orgId,
          enrolment_id: e.id,
          checkin_id: checkinId,
          kind: 'urgent_reading',
          priority: 'urgent',
          performer: plan.definition.performer,
          due_at: new Date(),
          reading_id: reading.id,
        })
        .execute();
      team ??= await careTeam(trx, input.orgId, e.id, plan.definition.performer);
      await notifyCareTeam(boss, trx, {
        orgId: input.orgId,
        userIds: team,
        title: m.text('notify.urgent', { metric: m.text(`metric.${metric}`), value, unit: METRICS[metric].unit, plan: plan.name }),
        text: m.text('notify.urgentText', { low: range.low ?? '–', high: range.high ?? '–', unit: METRICS[metric].unit }),
        url: `${input.publicUrl}/follow-ups/enrolments/${e.id}`,
        urgent: true,
      });
    }
    if (checkinId) await trx.updateTable('followup_checkins').set({ status: 'done', done_at: new Date() }).where('id', '=', checkinId).execute();
    return result;
  });
}

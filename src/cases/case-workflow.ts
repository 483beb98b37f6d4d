import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Viewer } from '../core/viewer.ts';
import { calendarFor, dueTimes, getCaseSettings } from './case-settings.ts';
import { casesMessages, statusList, statusName, tierName } from './cases.messages.ts';
import { assertOrgUser, lockCase, recordCaseEvent, type Actor } from './cases.queries.ts';
import { closableFrom, closeBlocker, TRANSITIONS, type ActionKind, type ActionStatus, type CaseStatus, type HandlingType, type Tier } from './cases.vocab.ts';
import { notifyCase } from './notify-case.ts';
import { ensureRootCauses } from './root-causes.ts';
import { WordedError } from './worded-error.ts';

/** Moves a case to the next status. Throws bad_request naming the allowed statuses when the move is illegal. */
export async function transitionCase(db: Db, viewer: Viewer, actor: Actor, id: string, to: CaseStatus, note?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, viewer, id);
    const from = c.status;
    const allowed = TRANSITIONS[from];
    if (!allowed.includes(to)) {
      const key = to === 'closed' ? 'illegalTransitionToClosed' : from === 'closed' ? 'illegalTransitionFromClosed' : 'illegalTransition';
      throw new WordedError(
        'bad_request',
        casesMessages.text(key, { from, to, allowed: allowed.join(', ') }),
        (locale) => ({ from: statusName(locale, from), to: statusName(locale, to), allowed: statusList(locale, allowed) }),
        { from, to, allowed },
      );
    }
    // The first response counts when the case reaches "responded" (or a reply is posted, see replies).
    await trx
      .updateTable('cases')
      .set({ status: to, ...(to === 'responded' && !c.responded_at ? { responded_at: new Date() } : {}) })
      .where('id', '=', id)
      .execute();
    await recordCaseEvent(trx, id, actor, 'status', { from, to, ...(note ? { note } : {}) });
  });
}

/** Assigns a case. Throws bad_request when the assignee is not the organisation's user. */
export async function assignCase(db: Db, boss: PgBoss | null, viewer: Viewer, actor: Actor, id: string, assigneeId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, viewer, id);
    const assignee = await assertOrgUser(trx, viewer.orgId, assigneeId, 'assigneeId');
    await trx.updateTable('cases').set({ assignee_id: assignee.id }).where('id', '=', id).execute();
    await recordCaseEvent(trx, id, actor, 'assigned', { from: c.assignee_id, assigneeId: assignee.id, assigneeName: assignee.name });
    await notifyCase(boss, trx, { orgId: viewer.orgId, title: casesMessages.text('notify.assigned', { number: String(c.number) }), text: c.title, url: `/cases/${id}`, userIds: [assignee.id] });
  });
}

/** Records an apology, compensation or rectification. Throws bad_request on a closed case. */
export async function addHandling(db: Db, viewer: Viewer, actor: Actor, id: string, body: { type: HandlingType; note: string; amount?: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, viewer, id);
    if (c.status === 'closed') throw badRequest(casesMessages.text('closedReopenFirst'));
    const row = await trx
      .insertInto('case_handling')
      .values({ case_id: id, type: body.type, note: body.note, amount: body.amount ?? null, created_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseEvent(trx, id, actor, 'handling', { handlingId: row.id, type: body.type, note: body.note, amount: body.amount ?? null });
  });
}

/** Adds a corrective or preventive action. Throws bad_request when the owner is not the organisation's user. */
export async function addAction(db: Db, viewer: Viewer, actor: Actor, id: string, body: { kind: ActionKind; description: string; aspect: string; ownerId: string; dueAt: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockCase(trx, viewer, id);
    const owner = await assertOrgUser(trx, viewer.orgId, body.ownerId, 'ownerId');
    const row = await trx
      .insertInto('case_actions')
      .values({ case_id: id, kind: body.kind, description: body.description, aspect: body.aspect, owner_id: owner.id, due_at: new Date(body.dueAt) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseEvent(trx, id, actor, 'action_added', {
      actionId: row.id,
      kind: body.kind,
      description: body.description,
      aspect: body.aspect,
      ownerId: owner.id,
      ownerName: owner.name,
      dueAt: body.dueAt,
    });
  });
}

/** Marks an action open or done. Throws not_found when the action is not the case's. */
export async function updateActionStatus(db: Db, viewer: Viewer, actor: Actor, id: string, actionId: string, status: ActionStatus): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockCase(trx, viewer, id);
    const action = await trx.selectFrom('case_actions').select(['id', 'status']).where('id', '=', actionId).where('case_id', '=', id).executeTakeFirst();
    if (!action) throw notFound('action');
    if (action.status === status) return;
    await trx
      .updateTable('case_actions')
      .set({ status, done_at: status === 'done' ? new Date() : null })
      .where('id', '=', actionId)
      .execute();
    await recordCaseEvent(trx, id, actor, 'action_status', { actionId, from: action.status, to: status });
  });
}

/** Closes a case with a root cause. Throws bad_request without an active root cause of the organisation, without any action, or from a status that may not close. */
export async function closeCase(db: Db, viewer: Viewer, actor: Actor, id: string, rootCauseId: string, note?: string): Promise<void> {
  await ensureRootCauses(db, viewer.orgId);
  await db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, viewer, id);
    const from = c.status;
    const tier = c.tier;
    const rootCause = await trx.selectFrom('root_causes').select(['id', 'label']).where('id', '=', rootCauseId).where('org_id', '=', viewer.orgId).where('active', '=', true).executeTakeFirst();
    const actions = await trx.selectFrom('case_actions').select('id').where('case_id', '=', id).limit(1).execute();
    const blocker = closeBlocker({ tier, status: from, hasRootCause: rootCause !== undefined, actionCount: actions.length });
    if (blocker === 'status') {
      const allowed = closableFrom(tier);
      throw new WordedError(
        'bad_request',
        casesMessages.text('cannotCloseFrom', { tier, from, allowed: allowed.join(', ') }),
        (locale) => ({ tier: tierName(locale, tier), from: statusName(locale, from), allowed: statusList(locale, allowed) }),
        { from, allowed },
      );
    }
    if (blocker === 'root_cause' || !rootCause) throw badRequest(casesMessages.text('noSuchRootCause'));
    if (blocker === 'action') throw badRequest(casesMessages.text('needsAction'));
    await trx.updateTable('cases').set({ status: 'closed', root_cause_id: rootCause.id, closed_at: new Date() }).where('id', '=', id).execute();
    await recordCaseEvent(trx, id, actor, 'closed', { from, rootCauseId: rootCause.id, rootCause: rootCause.label, ...(note ? { note } : {}) });
  });
}

/**
 * Reopens a closed case inside the caller's work: back to investigating with a fresh resolution
 * clock and no escalation. The earlier root cause stays on the timeline.
 */
export async function reopenCase(db: Db, boss: PgBoss | null, viewer: Viewer, actor: Actor, id: string, data: Record<string, unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, viewer, id);
    if (c.status !== 'closed') {
      const status = c.status;
      throw new WordedError('bad_request', casesMessages.text('onlyClosedReopens', { status }), (locale) => ({ status: statusName(locale, status) }));
    }
    await reopenLocked(trx, boss, viewer.orgId, c, actor, data);
  });
}

/** The reopening itself, for a case row the caller has locked. */
export async function reopenLocked(
  trx: Db,
  boss: PgBoss | null,
  orgId: string,
  c: { id: string; number: number; title: string; tier: Tier; location_id: string | null; assignee_id: string | null },
  actor: Actor,
  data: Record<string, unknown>,
): Promise<void> {
  const settings = await getCaseSettings(trx, orgId);
  const { resolutionDueAt } = dueTimes(c.tier, settings, await calendarFor(trx, orgId, settings, c.location_id), new Date());
  await trx
    .updateTable('cases')
    .set({ status: 'investigating', closed_at: null, root_cause_id: null, resolution_due_at: resolutionDueAt, escalation_level: 0, escalated_at: null })
    .where('id', '=', c.id)
    .execute();
  await recordCaseEvent(trx, c.id, actor, 'reopened', data);
  await notifyCase(boss, trx, {
    orgId,
    title: casesMessages.text('notify.reopened', { number: String(c.number) }),
    text: c.title,
    url: `/cases/${c.id}`,
    userIds: c.assignee_id ? [c.assignee_id] : [],
    roles: c.assignee_id ? [] : ['service'],
  });
}

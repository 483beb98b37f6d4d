import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Viewer } from '../core/viewer.ts';
import { calendarFor, dueTimes, getCaseSettings } from './case-settings.ts';
import { auditCase } from './case-audit.ts';
import { casesMessages, statusList, statusName, teamName, tierName } from './cases.messages.ts';
import { assertOrgUser, lockCase, recordCaseEvent, type Actor } from './cases.queries.ts';
import { closableFrom, closeBlocker, TRANSITIONS, type ActionKind, type ActionStatus, type CaseStatus, type HandlingType, type Tier } from './cases.vocab.ts';
import { notifyCase } from './notify-case.ts';
import { ensureRootCauses } from './root-causes.ts';
import { noSuchTeam } from './teams.ts';
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
    await moveLocked(trx, viewer.orgId, actor, c, from, to, { note });
  });
}

/**
 * One step of the workflow on a locked case, in the caller's transaction: the new status (the
 * first response counts when the case reaches "responded", or when a reply is posted, see
 * replies), a `status` timeline entry and a `case.status` audit entry. The caller checks the step is allowed.
 */
export async function moveLocked(
  trx: Db,
  orgId: string,
  actor: Actor,
  c: { id: string; number: number; responded_at: Date | null },
  from: CaseStatus,
  to: CaseStatus,
  why: { note?: string; replyId?: string } = {},
): Promise<void> {
  await trx
    .updateTable('cases')
    .set({ status: to, ...(to === 'responded' && !c.responded_at ? { responded_at: new Date() } : {}) })
    .where('id', '=', c.id)
    .execute();
  await recordCaseEvent(trx, c.id, actor, 'status', { from, to, ...(why.note ? { note: why.note } : {}), ...(why.replyId ? { replyId: why.replyId } : {}) });
  await auditCase(trx, orgId, actor, 'case.status', c, { before: { status: from }, after: { status: to }, ...(why.note ? { reason: why.note } : {}) });
}

/**
 * Assigns a case to a person, moves it to another team's queue, or both, with an optional reason
 * (on the timeline, in the audit log with the names before and after, and in the notification).
 * `assigneeId: null` leaves it unassigned. Throws bad_request when the assignee is not the
 * organisation's user, not_found when the team is not the organisation's.
 */
export async function assignCase(
  db: Db,
  boss: PgBoss | null,
  viewer: Viewer,
  actor: Actor,
  id: string,
  change: { assigneeId?: string | null | undefined; teamId?: string | undefined; reason?: string | undefined },
  extra: Record<string, unknown> = {},
): Promise<void> {
  await db.transaction().execute(async (trx) => assignLocked(trx, boss, viewer, actor, await lockCase(trx, viewer, id), change, extra));
}

/** The assignment itself, for a case row the caller has locked. */
export async function assignLocked(
  trx: Db,
  boss: PgBoss | null,
  viewer: Viewer,
  actor: Actor,
  c: { id: string; number: number; title: string; assignee_id: string | null; team_id: string | null; team: string; status: string },
  change: { assigneeId?: string | null | undefined; teamId?: string | undefined; reason?: string | undefined },
  extra: Record<string, unknown> = {},
): Promise<void> {
  const reason = change.reason ? { reason: change.reason } : {};
  const locale = (await trx.selectFrom('organisations').select('default_locale').where('id', '=', viewer.orgId).executeTakeFirstOrThrow()).default_locale;
  const nameOf = async (teamId: string | null) => {
    if (!teamId) return c.team;
    const t = await trx.selectFrom('teams').select(['name', 'default_key']).where('id', '=', teamId).executeTakeFirst();
    return t ? teamName(locale, t) : c.team;
  };
  if (change.teamId !== undefined && change.teamId !== c.team_id) {
    const team = await trx.selectFrom('teams').select(['id', 'name', 'default_key']).where('id', '=', change.teamId).where('org_id', '=', viewer.orgId).executeTakeFirst();
    if (!team) throw noSuchTeam();
    const before = await nameOf(c.team_id);
    const after = teamName(locale, team);
    await trx.updateTable('cases').set({ team_id: team.id, team: after }).where('id', '=', c.id).execute();
    await recordCaseEvent(trx, c.id, actor, 'team_changed', { fromTeamId: c.team_id, teamId: team.id, from: before, to: after, ...reason });
    await auditCase(trx, viewer.orgId, actor, 'case.team_changed', c, { before: { team: before }, after: { team: after }, ...reason, ...extra });
  }
  if (change.assigneeId === undefined || change.assigneeId === c.assignee_id) return;
  const assignee = change.assigneeId === null ? null : await assertOrgUser(trx, viewer.orgId, change.assigneeId, 'assigneeId');
  const previous = c.assignee_id ? await trx.selectFrom('users').select('name').where('id', '=', c.assignee_id).executeTakeFirst() : undefined;
  await trx
    .updateTable('cases')
    .set({ assignee_id: assignee?.id ?? null })
    .where('id', '=', c.id)
    .execute();
  await recordCaseEvent(trx, c.id, actor, 'assigned', { from: c.assignee_id, fromName: previous?.name ?? null, assigneeId: assignee?.id ?? null, assigneeName: assignee?.name ?? null, ...reason });
  await auditCase(trx, viewer.orgId, actor, 'case.assigned', c, { before: { assignee: previous?.name ?? null }, after: { assignee: assignee?.name ?? null }, ...reason, ...extra });
  if (assignee && assignee.id !== actor.id) {
    await notifyCase(boss, trx, {
      orgId: viewer.orgId,
      title: casesMessages.text('notify.assigned', { number: String(c.number) }),
      text: change.reason ? `${c.title} — ${change.reason}` : c.title,
      url: `/cases/${c.id}`,
      userIds: [assignee.id],
    });
  }
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
    await trx.updateTable('cases').set({ status: 'closed', outcome: 'resolved', root_cause_id: rootCause.id, closed_at: new Date() }).where('id', '=', id).execute();
    await recordCaseEvent(trx, id, actor, 'closed', { from, rootCauseId: rootCause.id, rootCause: rootCause.label, ...(note ? { note } : {}) });
    await auditCase(trx, viewer.orgId, actor, 'case.closed', c, {
      before: { status: from },
      after: { status: 'closed', outcome: 'resolved', rootCause: rootCause.label },
      ...(note ? { reason: note } : {}),
    });
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
    .set({ status: 'investigating', outcome: null, duplicate_of_id: null, closed_at: null, root_cause_id: null, resolution_due_at: resolutionDueAt, escalation_level: 0, escalated_at: null })
    .where('id', '=', c.id)
    .execute();
  await recordCaseEvent(trx, c.id, actor, 'reopened', data);
  await auditCase(trx, orgId, actor, 'case.reopened', c, { before: { status: 'closed' }, after: { status: 'investigating' }, ...(typeof data.note === 'string' ? { reason: data.note } : {}) });
  await notifyCase(boss, trx, {
    orgId,
    title: casesMessages.text('notify.reopened', { number: String(c.number) }),
    text: c.title,
    url: `/cases/${c.id}`,
    userIds: c.assignee_id ? [c.assignee_id] : [],
    roles: c.assignee_id ? [] : ['service'],
  });
}

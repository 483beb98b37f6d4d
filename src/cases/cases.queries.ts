import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { DEFAULT_LOCALE, type Locale } from '../core/i18n.ts';
import { scopeToViewer, type Viewer } from '../core/viewer.ts';
import { casesMessages, rootCauseName, teamName } from './cases.messages.ts';
import type { CaseViewType } from './cases.schemas.ts';
import { defaultRootCauseOf, slaStateOf, type CaseEventType } from './cases.vocab.ts';

/** Who did something to a case: a user, or Verity itself (jobs) with a null id. */
export interface Actor {
  id: string | null;
  name: string;
  /** For the audit log: the signed-in user's e-mail and address (absent for Verity itself). */
  email?: string;
  ip?: string | null;
}
export const SYSTEM_ACTOR: Actor = { id: null, name: 'Verity' };

export function baseQuery(db: Db, viewer: Viewer) {
  return db
    .selectFrom('cases as c')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .leftJoin('root_causes as rc', 'rc.id', 'c.root_cause_id')
    .leftJoin('teams as t', 't.id', 'c.team_id')
    .select([
      'c.team_id as teamId',
      't.name as teamOwnName',
      't.default_key as teamDefault',
      'c.outcome',
      'c.duplicate_of_id as duplicateOfId',
      'c.due_at as dueAt',
      'c.id',
      'c.number',
      'c.title',
      'c.tier',
      'c.status',
      'c.team',
      'c.assignee_id as assigneeId',
      'u.name as assigneeName',
      sql<string[]>`coalesce((SELECT array_agg(cm.mention_id::text ORDER BY cm.added_at, cm.mention_id) FROM case_mentions cm WHERE cm.case_id = c.id), '{}')`.as('mentionIds'),
      'c.location_id as locationId',
      'c.department_id as departmentId',
      'c.first_response_due_at as firstResponseDueAt',
      'c.resolution_due_at as resolutionDueAt',
      'c.responded_at as respondedAt',
      'c.escalation_level as escalationLevel',
      'rc.label as rootCause',
      'c.opened_at as openedAt',
      'c.closed_at as closedAt',
    ])
    .where('c.org_id', '=', viewer.orgId)
    .where(scopeToViewer('c.department_id', viewer));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

/** A root cause's label in `locale`: a default one in the reader's language, one the organisation added as written. */
export function rootCauseLabel(locale: Locale, label: string): string {
  const id = defaultRootCauseOf(label);
  return id ? rootCauseName(locale, id) : label;
}

export function toView(row: Row, now = new Date(), locale: Locale = DEFAULT_LOCALE): CaseViewType {
  const { teamOwnName, teamDefault, ...rest } = row;
  return {
    ...rest,
    team: row.teamId ? teamName(locale, { name: teamOwnName, default_key: teamDefault }) : row.team,
    tier: row.tier,
    status: row.status,
    mentionIds: row.mentionIds ?? [],
    rootCause: row.rootCause === null ? null : rootCauseLabel(locale, row.rootCause),
    slaState: slaStateOf(row, now),
  };
}

/** Open cases assigned to a user, soonest SLA due time first. */
export async function findAssignedCases(db: Db, viewer: Viewer, userId: string, locale: Locale = DEFAULT_LOCALE): Promise<CaseViewType[]> {
  const rows = await baseQuery(db, viewer).where('c.assignee_id', '=', userId).where('c.status', '<>', 'closed').orderBy('c.due_at').orderBy('c.number').limit(200).execute();
  const now = new Date();
  return rows.map((r) => toView(r, now, locale));
}

/** One case the viewer may see; throws not_found otherwise (another organisation's id reads as missing). */
export async function getCase(db: Db, viewer: Viewer, id: string, locale: Locale = DEFAULT_LOCALE): Promise<CaseViewType> {
  const row = await baseQuery(db, viewer).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('case');
  return toView(row, new Date(), locale);
}

/** Appends a timeline entry; the timeline is never edited or deleted. */
export async function recordCaseEvent(db: Db, caseId: string, actor: Actor, type: CaseEventType, data: Record<string, unknown> = {}): Promise<void> {
  await db
    .insertInto('case_events')
    .values({ case_id: caseId, actor_id: actor.id, actor_name: actor.name, type, data: JSON.stringify(data) })
    .execute();
}

/** A case's timeline, oldest first; a default root cause in its data is named in `locale`. */
export async function findTimeline(db: Db, caseId: string, locale: Locale = DEFAULT_LOCALE) {
  const rows = await db.selectFrom('case_events').select(['id', 'at', 'actor_name as actorName', 'type', 'data']).where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: String(r.id), data: typeof r.data.rootCause === 'string' ? { ...r.data, rootCause: rootCauseLabel(locale, r.data.rootCause) } : r.data }));
}

export async function findHandling(db: Db, caseId: string) {
  const rows = await db.selectFrom('case_handling').select(['id', 'type', 'note', 'amount', 'at']).where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ ...r, type: r.type, amount: r.amount === null ? null : Number(r.amount) }));
}

/** Throws bad_request unless the user is an active member of the organisation. */
export async function assertOrgUser(db: Db, orgId: string, userId: string, field: string): Promise<{ id: string; name: string }> {
  const user = await db.selectFrom('users').select(['id', 'name']).where('id', '=', userId).where('org_id', '=', orgId).where('disabled', '=', false).executeTakeFirst();
  if (!user) throw badRequest(casesMessages.text('noSuchUser', { field }));
  return user;
}

/** Locks a case row for a change and returns its state; throws not_found when the viewer may not see it. */
export async function lockCase(trx: Db, viewer: Viewer, id: string) {
  await getCase(trx, viewer, id);
  return trx.selectFrom('cases').selectAll().where('id', '=', id).where('org_id', '=', viewer.orgId).forUpdate().executeTakeFirstOrThrow();
}

/** Counts a first response at `at` unless the case was answered before (a reply marked posted is one). */
export async function recordFirstResponse(trx: Db, caseId: string, at: Date): Promise<void> {
  await trx.updateTable('cases').set({ responded_at: at }).where('id', '=', caseId).where('responded_at', 'is', null).execute();
}

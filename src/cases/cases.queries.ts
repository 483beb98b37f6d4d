import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { DEFAULT_LOCALE, type Locale } from '../core/i18n.ts';
import { scopeToViewer, type Viewer } from '../core/viewer.ts';
import { casesMessages, rootCauseName } from './cases.messages.ts';
import type { CaseFiltersType, CaseViewType } from './cases.schemas.ts';
import { defaultRootCauseOf, slaStateOf, type CaseEventType } from './cases.vocab.ts';

/** Who did something to a case: a user, or Verity itself (jobs) with a null id. */
export interface Actor {
  id: string | null;
  name: string;
}
export const SYSTEM_ACTOR: Actor = { id: null, name: 'Verity' };

function baseQuery(db: Db, viewer: Viewer) {
  return db
    .selectFrom('cases as c')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .leftJoin('root_causes as rc', 'rc.id', 'c.root_cause_id')
    .select([
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

function toView(row: Row, now = new Date(), locale: Locale = DEFAULT_LOCALE): CaseViewType {
  return {
    ...row,
    tier: row.tier,
    status: row.status,
    mentionIds: row.mentionIds ?? [],
    rootCause: row.rootCause === null ? null : rootCauseLabel(locale, row.rootCause),
    slaState: slaStateOf(row, now),
  };
}

/** A page of cases the viewer may see, newest first. */
export async function findCases(db: Db, viewer: Viewer & { userId: string }, filters: CaseFiltersType, locale: Locale = DEFAULT_LOCALE): Promise<{ items: CaseViewType[]; nextCursor: string | null }> {
  let query = baseQuery(db, viewer);
  if (filters.status) query = query.where('c.status', '=', filters.status);
  if (filters.tier) query = query.where('c.tier', '=', filters.tier);
  if (filters.assignee) query = query.where('c.assignee_id', '=', filters.assignee === 'me' ? viewer.userId : filters.assignee);
  if (filters.cursor) query = query.where('c.number', '<', Number(filters.cursor));
  const rows = await query
    .orderBy('c.number', 'desc')
    .limit(filters.limit + 1)
    .execute();
  const page = rows.slice(0, filters.limit);
  const now = new Date();
  return { items: page.map((r) => toView(r, now, locale)), nextCursor: rows.length > filters.limit ? String(page[page.length - 1]!.number) : null };
}

/** Open cases assigned to a user, newest first. */
export async function findAssignedCases(db: Db, viewer: Viewer, userId: string, locale: Locale = DEFAULT_LOCALE): Promise<CaseViewType[]> {
  const rows = await baseQuery(db, viewer).where('c.assignee_id', '=', userId).where('c.status', '<>', 'closed').orderBy('c.number', 'desc').limit(200).execute();
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

export async function findTimeline(db: Db, caseId: string) {
  const rows = await db.selectFrom('case_events').select(['id', 'at', 'actor_name as actorName', 'type', 'data']).where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: String(r.id) }));
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

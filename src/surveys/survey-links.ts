import { randomBytes } from 'node:crypto';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { badRequest } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { surveysMessages } from './surveys.messages.ts';
import { lockSurvey, noSuchLink, noSuchSurvey } from './surveys.queries.ts';
import type { LinkScope } from './surveys.vocab.ts';

export interface CreateLinkInput {
  orgId: string;
  surveyId: string;
  scope: LinkScope;
  locationId?: string;
  departmentId?: string;
  staffId?: string;
  visitId?: string;
  locale?: Locale | null;
  label?: string;
  createdBy?: string | null;
}

const SCOPE_FIELD = { location: 'locationId', department: 'departmentId', staff: 'staffId', visit: 'visitId' } as const;
type IdField = (typeof SCOPE_FIELD)[keyof typeof SCOPE_FIELD];
const ID_FIELDS = Object.values(SCOPE_FIELD);

/** A new link token: 16 random bytes, 22 url-safe characters. */
export function newLinkToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The ids a link stores: the scope's own id (checked against the organisation) and what it implies (a doctor's department, a department's location, a visit's all three). */
async function resolveScope(db: Db, input: CreateLinkInput) {
  for (const field of ID_FIELDS) {
    if (input[field] !== undefined && SCOPE_FIELD[input.scope as keyof typeof SCOPE_FIELD] !== field) throw badRequest(surveysMessages.text('scopeRefuses', { scope: input.scope, field }));
  }
  const ids = { location_id: null as string | null, department_id: null as string | null, staff_id: null as string | null, visit_id: null as string | null };
  if (input.scope === 'organisation') return ids;
  const field: IdField = SCOPE_FIELD[input.scope];
  const id = input[field];
  if (!id) throw badRequest(surveysMessages.text('scopeNeeds', { scope: input.scope, field }));
  const missing = () => badRequest(surveysMessages.text('noSuchInOrg', { field }));
  const org = input.orgId;
  if (input.scope === 'location') {
    const row = await db.selectFrom('locations').select('id').where('org_id', '=', org).where('id', '=', id).executeTakeFirst();
    if (!row) throw missing();
    ids.location_id = row.id;
  } else if (input.scope === 'department') {
    const row = await db.selectFrom('departments').select(['id', 'location_id']).where('org_id', '=', org).where('id', '=', id).executeTakeFirst();
    if (!row) throw missing();
    Object.assign(ids, { department_id: row.id, location_id: row.location_id });
  } else if (input.scope === 'staff') {
    const row = await db
      .selectFrom('staff as s')
      .leftJoin('departments as d', 'd.id', 's.department_id')
      .select(['s.id', 's.department_id', 'd.location_id'])
      .where('s.org_id', '=', org)
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!row) throw missing();
    Object.assign(ids, { staff_id: row.id, department_id: row.department_id, location_id: row.location_id });
  } else {
    const row = await db.selectFrom('visits').select(['id', 'location_id', 'department_id', 'staff_id']).where('org_id', '=', org).where('id', '=', id).executeTakeFirst();
    if (!row) throw missing();
    Object.assign(ids, { visit_id: row.id, location_id: row.location_id, department_id: row.department_id, staff_id: row.staff_id });
  }
  return ids;
}

/**
 * Creates a survey link (contract 1) and returns its id and token. The scope's id must be of the
 * organisation (bad_request naming the field otherwise) and no other id may be given. A `visit`
 * link is made once per visit and survey (a unique index): asking again returns the visit's live link.
 */
export async function createSurveyLink(db: Db, input: CreateLinkInput): Promise<{ id: string; token: string; created: boolean }> {
  const survey = await db.selectFrom('surveys').select(['id', 'status']).where('org_id', '=', input.orgId).where('id', '=', input.surveyId).executeTakeFirst();
  if (!survey) throw noSuchSurvey();
  if (survey.status === 'archived') throw badRequest(surveysMessages.text('archived'));
  const ids = await resolveScope(db, input);
  if (input.scope === 'visit') {
    const existing = await liveVisitLink(db, input.orgId, input.surveyId, ids.visit_id!);
    if (existing) return { ...existing, created: false };
  }
  const row = await db
    .insertInto('survey_links')
    .values({
      org_id: input.orgId,
      survey_id: input.surveyId,
      token: newLinkToken(),
      scope: input.scope,
      ...ids,
      label: input.label?.trim() ?? '',
      locale: input.locale ?? null,
      created_by: input.createdBy ?? null,
    })
    // Two invitations of one visit sent at the same moment: the second finds the first's link.
    .onConflict((oc) => oc.columns(['survey_id', 'visit_id']).where('scope', '=', 'visit').where('disabled_at', 'is', null).doNothing())
    .returning(['id', 'token'])
    .executeTakeFirst();
  if (row) return { ...row, created: true };
  const live = await liveVisitLink(db, input.orgId, input.surveyId, ids.visit_id!);
  if (!live) throw new Error('a visit link conflicted with a live link that is gone');
  return { ...live, created: false };
}

/** The visit's live link for a survey, if it has one. */
async function liveVisitLink(db: Db, orgId: string, surveyId: string, visitId: string): Promise<{ id: string; token: string } | undefined> {
  return db
    .selectFrom('survey_links')
    .select(['id', 'token'])
    .where('org_id', '=', orgId)
    .where('survey_id', '=', surveyId)
    .where('visit_id', '=', visitId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

/** A link made by staff in the builder, with its audit entry. */
export async function createLinkByStaff(db: Db, by: AuditBy, surveyId: string, body: Omit<CreateLinkInput, 'orgId' | 'surveyId' | 'createdBy'>): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await lockSurvey(trx, by.orgId, surveyId);
    const link = await createSurveyLink(trx, { ...body, orgId: by.orgId, surveyId, createdBy: by.userId });
    if (link.created) await recordAudit(trx, { ...by, action: 'survey_link.created', targetType: 'survey_link', targetId: link.id, details: { surveyId, scope: body.scope } });
    return link.id;
  });
}

/** Disables a link: its QR code then opens a "no longer in use" page. Idempotent. */
export async function disableLink(db: Db, by: AuditBy, linkId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const link = await trx.selectFrom('survey_links').select(['id', 'disabled_at', 'survey_id']).where('org_id', '=', by.orgId).where('id', '=', linkId).forUpdate().executeTakeFirst();
    if (!link) throw noSuchLink();
    if (link.disabled_at) return;
    await trx.updateTable('survey_links').set({ disabled_at: new Date() }).where('id', '=', linkId).execute();
    await recordAudit(trx, { ...by, action: 'survey_link.disabled', targetType: 'survey_link', targetId: linkId, details: { surveyId: link.survey_id } });
  });
}

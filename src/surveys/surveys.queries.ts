import type { Db } from '../db/database.ts';
import { AppError } from '../core/errors.ts';
import { publicBaseUrl, type Config } from '../core/config.ts';
import type { SurveyLinkViewType, SurveyViewType } from './surveys.schemas.ts';
import { surveysMessages } from './surveys.messages.ts';

export const noSuchSurvey = () => new AppError('not_found', surveysMessages.text('noSuchSurvey'));
export const noSuchLink = () => new AppError('not_found', surveysMessages.text('noSuchLink'));

/** The public address of a survey link: `<publicUrl>/s/<token>` (publicUrl, else http://localhost:PORT). */
export function surveyUrl(config: Pick<Config, 'publicUrl' | 'port'>, token: string): string {
  return `${publicBaseUrl(config)}/s/${token}`;
}

/** The organisation's surveys, newest first, with their submitted responses and live links counted. */
export async function findSurveys(db: Db, orgId: string, onlyId?: string) {
  let query = db
    .selectFrom('surveys as s')
    .select(['s.id', 's.name', 's.template', 's.status', 's.current_version', 's.created_at', 's.updated_at'])
    .select((eb) => [
      eb.selectFrom('survey_responses as r').select(eb.fn.countAll<string>().as('n')).whereRef('r.survey_id', '=', 's.id').where('r.status', '=', 'submitted').as('responses'),
      eb.selectFrom('survey_links as l').select(eb.fn.countAll<string>().as('n')).whereRef('l.survey_id', '=', 's.id').where('l.disabled_at', 'is', null).where('l.scope', '!=', 'visit').as('links'),
    ])
    .where('s.org_id', '=', orgId);
  if (onlyId) query = query.where('s.id', '=', onlyId);
  const rows = await query.orderBy('s.created_at', 'desc').orderBy('s.id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    template: r.template,
    status: r.status,
    currentVersion: r.current_version,
    responseCount: Number(r.responses ?? 0),
    linkCount: Number(r.links ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** One survey with its current definition and every version (newest first); not_found for another organisation's id. */
export async function getSurvey(db: Db, orgId: string, id: string): Promise<SurveyViewType> {
  const [summary] = await findSurveys(db, orgId, id);
  if (!summary) throw noSuchSurvey();
  const versions = await db
    .selectFrom('survey_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.version', 'v.definition', 'v.created_at', 'u.name as created_by'])
    .select((eb) =>
      eb
        .selectFrom('survey_responses as r')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('r.survey_id', '=', 'v.survey_id')
        .whereRef('r.version', '=', 'v.version')
        .where('r.status', '=', 'submitted')
        .as('responses'),
    )
    .where('v.survey_id', '=', id)
    .orderBy('v.version', 'desc')
    .execute();
  const current = versions.find((v) => v.version === summary.currentVersion) ?? versions[0];
  return {
    ...summary,
    definition: (current?.definition ?? {}) as Record<string, unknown>,
    versions: versions.map((v) => ({
      version: v.version,
      definition: v.definition as Record<string, unknown>,
      createdAt: v.created_at,
      createdBy: v.created_by,
      responseCount: Number(v.responses ?? 0),
    })),
  };
}

/** The survey row locked for a change; not_found for another organisation's id. */
export async function lockSurvey(trx: Db, orgId: string, id: string) {
  const row = await trx.selectFrom('surveys').selectAll().where('org_id', '=', orgId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw noSuchSurvey();
  return row;
}

/** A survey's links (visit links left out unless asked), newest first, labelled with what they are for. */
export async function findLinks(
  db: Db,
  config: Pick<Config, 'publicUrl' | 'port'>,
  orgId: string,
  filter: { surveyId?: string; linkId?: string; withVisits?: boolean },
): Promise<SurveyLinkViewType[]> {
  let query = db
    .selectFrom('survey_links as l')
    .leftJoin('locations as loc', 'loc.id', 'l.location_id')
    .leftJoin('departments as d', 'd.id', 'l.department_id')
    .leftJoin('staff as st', 'st.id', 'l.staff_id')
    .select(['l.id', 'l.survey_id', 'l.token', 'l.scope', 'l.location_id', 'l.department_id', 'l.staff_id', 'l.visit_id', 'l.label', 'l.locale', 'l.disabled_at', 'l.created_at'])
    .select(['loc.name as location_name', 'd.name as department_name', 'st.name as staff_name'])
    .select((eb) => eb.selectFrom('survey_responses as r').select(eb.fn.countAll<string>().as('n')).whereRef('r.link_id', '=', 'l.id').where('r.status', '=', 'submitted').as('responses'))
    .where('l.org_id', '=', orgId);
  if (filter.surveyId) query = query.where('l.survey_id', '=', filter.surveyId);
  if (filter.linkId) query = query.where('l.id', '=', filter.linkId);
  if (!filter.withVisits && !filter.linkId) query = query.where('l.scope', '!=', 'visit');
  const rows = await query.orderBy('l.created_at', 'desc').orderBy('l.id').execute();
  return rows.map((r) => ({
    id: r.id,
    surveyId: r.survey_id,
    token: r.token,
    url: surveyUrl(config, r.token),
    scope: r.scope,
    locationId: r.location_id,
    departmentId: r.department_id,
    staffId: r.staff_id,
    visitId: r.visit_id,
    label: r.label || scopeName(r),
    locale: r.locale,
    disabledAt: r.disabled_at,
    createdAt: r.created_at,
    responseCount: Number(r.responses ?? 0),
  }));
}

/** What a link is for, by name: the doctor, else the department, else the location ('' for the whole clinic or a visit). */
function scopeName(r: { scope: string; location_name: string | null; department_name: string | null; staff_name: string | null }): string {
  if (r.scope === 'staff') return [r.staff_name, r.department_name].filter(Boolean).join(' · ');
  if (r.scope === 'department') return [r.department_name, r.location_name].filter(Boolean).join(' · ');
  if (r.scope === 'location') return r.location_name ?? '';
  return '';
}

/** One link; not_found for another organisation's id. */
export async function getLink(db: Db, config: Pick<Config, 'publicUrl' | 'port'>, orgId: string, id: string): Promise<SurveyLinkViewType> {
  const [link] = await findLinks(db, config, orgId, { linkId: id });
  if (!link) throw noSuchLink();
  return link;
}

/** The organisation's name and default language, for the printed card. */
export async function orgForCard(db: Db, orgId: string) {
  return db.selectFrom('organisations').select(['name', 'default_locale']).where('id', '=', orgId).executeTakeFirstOrThrow();
}

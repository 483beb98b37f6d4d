import { recordAudit, type AuditBy } from '../audit/index.ts';
import { badRequest } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { surveysMessages } from './surveys.messages.ts';
import { lockSurvey } from './surveys.queries.ts';
import type { SurveyStatus } from './surveys.vocab.ts';
import { parseDefinition } from './validate-definition.ts';

/** Canonical JSON (keys sorted), to tell whether a definition changed. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * Saves a changed definition as version N+1 and makes it current. Versions are never edited in
 * place: responses keep pointing at the version they answered. Throws bad_request naming the page,
 * question and field of an invalid definition, or when nothing changed.
 */
export async function saveSurveyVersion(db: Db, by: AuditBy, surveyId: string, raw: unknown): Promise<number> {
  const definition = parseDefinition(raw);
  return db.transaction().execute(async (trx) => {
    const survey = await lockSurvey(trx, by.orgId, surveyId);
    const current = await trx.selectFrom('survey_versions').select('definition').where('survey_id', '=', surveyId).where('version', '=', survey.current_version).executeTakeFirst();
    if (current && canonical(current.definition) === canonical(definition)) throw badRequest(surveysMessages.text('unchanged', { version: survey.current_version }));
    const last = await trx
      .selectFrom('survey_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('survey_id', '=', surveyId)
      .executeTakeFirstOrThrow();
    const version = Number(last.v ?? 0) + 1;
    await trx
      .insertInto('survey_versions')
      .values({ survey_id: surveyId, version, definition: JSON.stringify(definition), created_by: by.userId })
      .execute();
    await trx.updateTable('surveys').set({ current_version: version, updated_at: new Date() }).where('id', '=', surveyId).execute();
    const questions = definition.pages.reduce((n, p) => n + p.questions.length, 0);
    await recordAudit(trx, { ...by, action: 'survey.versioned', targetType: 'survey', targetId: surveyId, details: { from: survey.current_version, version, questions } });
    return version;
  });
}

/** Renames a survey and/or changes its status (draft → active ↔ archived; never back to draft). */
export async function updateSurvey(db: Db, by: AuditBy, surveyId: string, body: { name?: string; status?: SurveyStatus }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const survey = await lockSurvey(trx, by.orgId, surveyId);
    if (body.status === 'draft' && survey.status !== 'draft') throw badRequest(surveysMessages.text('noDraftAgain'));
    const set: { name?: string; status?: SurveyStatus; updated_at: Date } = { updated_at: new Date() };
    if (body.name !== undefined && body.name !== survey.name) set.name = body.name;
    if (body.status !== undefined && body.status !== survey.status) set.status = body.status;
    if (set.name === undefined && set.status === undefined) return;
    await trx.updateTable('surveys').set(set).where('id', '=', surveyId).execute();
    if (set.name !== undefined) await recordAudit(trx, { ...by, action: 'survey.renamed', targetType: 'survey', targetId: surveyId, details: { before: survey.name, after: set.name } });
    if (set.status !== undefined) await recordAudit(trx, { ...by, action: 'survey.status', targetType: 'survey', targetId: surveyId, details: { from: survey.status, to: set.status } });
  });
}

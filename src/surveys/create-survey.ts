import { recordAudit, type AuditBy } from '../audit/index.ts';
import { DEFAULT_LOCALE } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import type { SurveyDefinitionType } from './survey-definition.ts';
import { surveysMessages } from './surveys.messages.ts';
import { lockSurvey } from './surveys.queries.ts';
import type { SurveyStatus, SurveyTemplate } from './surveys.vocab.ts';
import { templateDefinition } from './templates/index.ts';

async function insertSurvey(trx: Db, orgId: string, values: { name: string; template: SurveyTemplate | null; status: SurveyStatus; definition: SurveyDefinitionType; createdBy: string | null }) {
  const row = await trx
    .insertInto('surveys')
    .values({ org_id: orgId, name: values.name, template: values.template, status: values.status, current_version: 1, created_by: values.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('survey_versions')
    .values({ survey_id: row.id, version: 1, definition: JSON.stringify(values.definition), created_by: values.createdBy })
    .execute();
  return row.id;
}

/** The name a template's survey gets by default, in the organisation's language. */
async function defaultName(db: Db, orgId: string, template: SurveyTemplate): Promise<string> {
  const org = await db.selectFrom('organisations').select('default_locale').where('id', '=', orgId).executeTakeFirst();
  return surveysMessages.render(org?.default_locale ?? DEFAULT_LOCALE, `template.${template}`);
}

/**
 * A survey from a built-in template, version 1 (contract 1: active unless `status` says draft).
 * Without an audit author (other features' tests, the demo) no audit entry is written.
 */
export async function createSurveyFromTemplate(
  db: Db,
  input: { orgId: string; template: SurveyTemplate; name?: string; createdBy?: string | null; status?: SurveyStatus; by?: AuditBy },
): Promise<string> {
  const run = async (trx: Db) => {
    const name = input.name ?? (await defaultName(trx, input.orgId, input.template));
    const status = input.status ?? 'active';
    const id = await insertSurvey(trx, input.orgId, { name, template: input.template, status, definition: templateDefinition(input.template), createdBy: input.createdBy ?? input.by?.userId ?? null });
    if (input.by) await recordAudit(trx, { ...input.by, action: 'survey.created', targetType: 'survey', targetId: id, details: { template: input.template, name, status } });
    return id;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** A new draft survey with the current version of another as its version 1 (the copy keeps the template it came from). */
export async function copySurvey(db: Db, by: AuditBy, sourceId: string, name?: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const source = await lockSurvey(trx, by.orgId, sourceId);
    const version = await trx.selectFrom('survey_versions').select('definition').where('survey_id', '=', sourceId).where('version', '=', source.current_version).executeTakeFirstOrThrow();
    const org = await trx.selectFrom('organisations').select('default_locale').where('id', '=', by.orgId).executeTakeFirstOrThrow();
    const newName = name ?? surveysMessages.render(org.default_locale, 'copyOf', { name: source.name }).slice(0, 200);
    const id = await insertSurvey(trx, by.orgId, { name: newName, template: source.template, status: 'draft', definition: version.definition as SurveyDefinitionType, createdBy: by.userId });
    await recordAudit(trx, { ...by, action: 'survey.created', targetType: 'survey', targetId: id, details: { copyOf: sourceId, version: source.current_version, name: newName } });
    return id;
  });
}

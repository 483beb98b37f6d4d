import { recordAudit, type AuditBy } from '../audit/index.ts';
import { badRequest } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { MAX_REVIEW_LINKS } from './surveys.schemas.ts';
import { surveysMessages } from './surveys.messages.ts';

export interface ReviewLinkType {
  label: string;
  url: string;
}

/** The organisation's public review links, offered on every thank-you page alike (none until set). */
export async function getSurveySettings(db: Db, orgId: string): Promise<{ reviewLinks: ReviewLinkType[] }> {
  const row = await db.selectFrom('survey_settings').select('review_links').where('org_id', '=', orgId).executeTakeFirst();
  return { reviewLinks: row?.review_links ?? [] };
}

/** Replaces the review links (at most MAX_REVIEW_LINKS, https only: the schema checks each). */
export async function saveSurveySettings(db: Db, by: AuditBy, settings: { reviewLinks: ReviewLinkType[] }): Promise<void> {
  if (settings.reviewLinks.length > MAX_REVIEW_LINKS) throw badRequest(surveysMessages.text('tooManyReviewLinks', { max: MAX_REVIEW_LINKS }));
  await db.transaction().execute(async (trx) => {
    const before = await getSurveySettings(trx, by.orgId);
    const links = JSON.stringify(settings.reviewLinks);
    await trx
      .insertInto('survey_settings')
      .values({ org_id: by.orgId, review_links: links })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ review_links: links, updated_at: new Date() }))
      .execute();
    await recordAudit(trx, { ...by, action: 'survey.settings', targetType: 'survey_settings', targetId: by.orgId, details: { before: before.reviewLinks.length, after: settings.reviewLinks.length } });
  });
}

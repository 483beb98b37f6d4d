import type { Db } from '../db/database.ts';

/** What the organisation can make a link to: approved stories, live survey links (not a visit's own), referral programmes that are not over. */
export async function shareTargets(db: Db, orgId: string) {
  const [stories, surveyLinks, programmes] = await Promise.all([
    db.selectFrom('stories').select(['id', 'title', 'status']).where('org_id', '=', orgId).where('status', '=', 'approved').orderBy('created_at', 'desc').limit(200).execute(),
    db
      .selectFrom('survey_links as l')
      .innerJoin('surveys as s', (j) => j.onRef('s.id', '=', 'l.survey_id').on('s.org_id', '=', orgId))
      .select(['l.id', 'l.label', 's.name as surveyName'])
      .where('l.org_id', '=', orgId)
      .where('l.disabled_at', 'is', null)
      .where('l.scope', '<>', 'visit')
      .where('s.status', '=', 'active')
      .orderBy('l.created_at', 'desc')
      .limit(200)
      .execute(),
    db
      .selectFrom('referral_programmes')
      .select(['id', 'name', 'status'])
      .where('org_id', '=', orgId)
      .where('status', 'in', ['active', 'draft', 'paused'])
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute(),
  ]);
  return { stories, surveyLinks, programmes };
}

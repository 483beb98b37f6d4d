import type { Db } from '../../db/database.ts';
import type { Locale } from '../../core/i18n.ts';
import type { ShareLinkRow } from '../share-links.ts';

/** Where a live link sends its visitor, or null when the link no longer leads anywhere (its survey link disabled, its story's use flagged for takedown). */
export async function targetPath(db: Db, link: ShareLinkRow): Promise<string | null> {
  if (link.targetKind === 'article') return link.targetUrl;
  if (link.targetKind === 'referral') return `/r/${link.code}`;
  if (link.targetKind === 'survey') {
    const row = await db.selectFrom('survey_links').select(['token', 'disabled_at']).where('org_id', '=', link.orgId).where('id', '=', link.targetId!).executeTakeFirst();
    return row && !row.disabled_at ? `/s/${row.token}` : null;
  }
  // A story: gone once its consent for this link was revoked (the use is flagged) or taken down.
  const use = await db
    .selectFrom('story_uses')
    .select('id')
    .where('org_id', '=', link.orgId)
    .where('kind', '=', 'share_link')
    .where('ref_id', '=', link.id)
    .where((eb) => eb.or([eb('flagged_at', 'is not', null), eb('taken_down_at', 'is not', null)]))
    .executeTakeFirst();
  return use ? null : `/story/${link.targetId}`;
}

/** The organisation's name and language, for the public pages of its links. */
export async function orgOfLink(db: Db, orgId: string): Promise<{ name: string; locale: Locale }> {
  const org = await db.selectFrom('organisations').select(['name', 'default_locale']).where('id', '=', orgId).executeTakeFirstOrThrow();
  return { name: org.name, locale: org.default_locale };
}

/** How many links were made today from this one by visitors (the re-share page refuses more than RESHARE_DAILY_CAP). */
export async function resharesToday(db: Db, link: ShareLinkRow, now = new Date()): Promise<number> {
  const start = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const row = await db
    .selectFrom('share_links')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', link.orgId)
    .where('parent_id', '=', link.id)
    .where('owner_user_id', 'is', null)
    .where('owner_patient_id', 'is', null)
    .where('created_at', '>=', start)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

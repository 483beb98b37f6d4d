import type { Db } from '../../db/database.ts';
import { PUBLICATION_CHANNELS, type PublicationChannel } from '../stories.vocab.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The channel a visitor reached a story by: the channel of the share link (`?via=` or the arrival
 * cookie) when that link is this story's, else the website. A QR code counts as print; a link
 * sent one to one (e-mail, SMS, WhatsApp, other) opens the website page, so it is the website.
 */
export async function arrivalChannel(db: Db, storyId: string, orgId: string, via: string | null): Promise<PublicationChannel> {
  const code = via?.toUpperCase().replace(/[\s-]/g, '');
  if (!code || !/^[0-9A-Z]{4,16}$/.test(code)) return 'website';
  // Read here rather than through sharing's index: sharing's links already call the stories' check (no import cycle).
  const link = await db.selectFrom('share_links').select(['org_id', 'target_kind', 'target_id', 'channel', 'disabled_at']).where('code', '=', code).executeTakeFirst();
  if (!link || link.org_id !== orgId || link.target_kind !== 'story' || link.target_id !== storyId || link.disabled_at) return 'website';
  if (link.channel === 'qr') return 'print';
  return link.channel && (PUBLICATION_CHANNELS as readonly string[]).includes(link.channel) ? (link.channel as PublicationChannel) : 'website';
}

/** A story the public may read now by that channel: approved, with a live website or social consent covering the channel today; else null. */
export async function publishedStory(db: Db, id: string, via: string | null) {
  if (!UUID.test(id)) return null;
  const story = await db
    .selectFrom('stories as s')
    .innerJoin('organisations as o', 'o.id', 's.org_id')
    .select(['s.id', 's.org_id', 's.title', 's.body', 's.author_name', 's.locale', 's.status', 's.video_url', 's.material_connection', 'o.name as org_name', 'o.default_locale'])
    .select((eb) => eb('s.photo', 'is not', null).as('has_photo'))
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!story || story.status !== 'approved') return null;
  const channel = await arrivalChannel(db, story.id, story.org_id, via);
  const day = new Date().toISOString().slice(0, 10);
  const consent = await db
    .selectFrom('story_consents')
    .select('id')
    .where('story_id', '=', story.id)
    .where('use', 'in', ['website', 'social'])
    .where('revoked_at', 'is', null)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', day)]))
    .where((eb) => eb(eb.val(channel), '=', eb.fn.any('channels')))
    .executeTakeFirst();
  return consent ? { ...story, channel } : null;
}

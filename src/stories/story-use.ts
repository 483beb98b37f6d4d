import type { Db } from '../db/database.ts';
import { notFound } from '../core/errors.ts';
import { checkUse, type StoryUseCheck, type StoryUseRequest } from './check-use.ts';
import type { ConsentUse, StoryUseKind } from './stories.vocab.ts';

export type { StoryUseCheck, StoryUseRequest, UseFinding } from './check-use.ts';

/**
 * The one gate every use of a story passes (a post in the calendar, a poster, a share link, the
 * website): is there a consent, not revoked, for this use, covering this channel on this date, and
 * does the market's law allow the use of a patient story at all? The answer is data explained to
 * the user: each finding names its rule (and law) and says why, in the reader's language.
 */

/** Checks one intended use of one story (404 for another organisation's story). */
export async function checkStoryUse(db: Db, orgId: string, storyId: string, request: StoryUseRequest): Promise<StoryUseCheck> {
  const story = await db.selectFrom('stories').select(['id', 'status', 'body', 'title', 'locale', 'material_connection']).where('org_id', '=', orgId).where('id', '=', storyId).executeTakeFirst();
  if (!story) throw notFound('story');
  const consents = await db
    .selectFrom('story_consents')
    .select(['id', 'use', 'channels', 'valid_from', 'valid_until', 'revoked_at'])
    .select((eb) => [eb.cast<string>('valid_from', 'text').as('from_text'), eb.cast<string | null>('valid_until', 'text').as('until_text')])
    .where('story_id', '=', storyId)
    .execute();
  return checkUse(
    { status: story.status, title: story.title, body: story.body, locale: story.locale, materialConnection: story.material_connection },
    consents.map((c) => ({ id: c.id, use: c.use, channels: c.channels, validFrom: c.from_text, validUntil: c.until_text, revokedAt: c.revoked_at })),
    request,
  );
}

export interface NewStoryUse {
  orgId: string;
  storyId: string;
  kind: StoryUseKind;
  /** The post, poster or share link. */
  refId: string | null;
  use: ConsentUse;
  channel: string;
  label?: string;
  /** Who is told to take it down if the consent is revoked. */
  ownerUserId: string | null;
}

/** Records a place the story is used (once per story, kind and ref); returns its id. */
export async function recordStoryUse(db: Db, input: NewStoryUse): Promise<string> {
  const existing = input.refId
    ? await db.selectFrom('story_uses').select('id').where('story_id', '=', input.storyId).where('kind', '=', input.kind).where('ref_id', '=', input.refId).executeTakeFirst()
    : undefined;
  if (existing) {
    await db
      .updateTable('story_uses')
      .set({ use: input.use, channel: input.channel, label: input.label ?? '', owner_user_id: input.ownerUserId })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const row = await db
    .insertInto('story_uses')
    .values({
      org_id: input.orgId,
      story_id: input.storyId,
      kind: input.kind,
      ref_id: input.refId,
      use: input.use,
      channel: input.channel,
      label: input.label ?? '',
      owner_user_id: input.ownerUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Forgets the uses of a post, poster or link that no longer uses the stories (a post's stories changed, a post cancelled). */
export async function releaseStoryUses(db: Db, input: { orgId: string; kind: StoryUseKind; refId: string; keepStoryIds?: string[] }): Promise<void> {
  let query = db.deleteFrom('story_uses').where('org_id', '=', input.orgId).where('kind', '=', input.kind).where('ref_id', '=', input.refId).where('flagged_at', 'is', null);
  if (input.keepStoryIds?.length) query = query.where('story_id', 'not in', input.keepStoryIds);
  await query.execute();
}

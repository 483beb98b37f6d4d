import { recordAudit, type AuditBy } from '../audit/index.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { getOutreachSettings } from '../outreach/index.ts';
import type { Market } from '../outreach/outreach.vocab.ts';
import { checkStoryUse, recordStoryUse, releaseStoryUses } from '../stories/index.ts';
import type { ConsentUse, PublicationChannel } from '../stories/stories.vocab.ts';
import { contentMessages as m } from './content.messages.ts';
import type { PostStatus } from './content.vocab.ts';
import { renderFindings, storyLabel, useRefusedError, type UseRefusal } from './use-check.ts';

export const MAX_POST_STORIES = 10;

export interface PostInput {
  title: string;
  body: string;
  channel: PublicationChannel;
  use: ConsentUse;
  /** Default: the organisation's market (outreach settings). */
  market?: Market;
  scheduledFor: Date | null;
  status: Exclude<PostStatus, 'taken_down'> | 'taken_down';
  /** Default: whoever creates the post. */
  ownerUserId?: string | null;
  storyIds: string[];
}

/** A post is live (its stories are in use, and each use is checked and recorded) when scheduled or published. */
const isLive = (status: PostStatus) => status === 'scheduled' || status === 'published';

async function checkRefs(db: Db, orgId: string, storyIds: string[], ownerUserId: string | null | undefined): Promise<void> {
  if (storyIds.length > MAX_POST_STORIES) throw badRequest(m.text('tooManyStories', { max: MAX_POST_STORIES }));
  if (storyIds.length) {
    const found = new Set((await db.selectFrom('stories').select('id').where('org_id', '=', orgId).where('id', 'in', storyIds).execute()).map((r) => r.id));
    const missing = storyIds.find((id) => !found.has(id));
    if (missing) throw badRequest(m.text('unknownStory', { id: missing }));
  }
  if (ownerUserId) {
    const owner = await db.selectFrom('users').select('id').where('org_id', '=', orgId).where('id', '=', ownerUserId).executeTakeFirst();
    if (!owner) throw badRequest(m.text('unknownOwner'));
  }
}

/** Every story against the post's use, channel, market and date; any block refuses the whole post, naming each story and rule. */
async function checkStories(db: Db, orgId: string, post: { storyIds: string[]; use: ConsentUse; channel: PublicationChannel; market: Market; scheduledFor: Date }, locale: Locale): Promise<void> {
  const refusals: UseRefusal[] = [];
  for (const storyId of post.storyIds) {
    const check = await checkStoryUse(db, orgId, storyId, { use: post.use, channel: post.channel, at: post.scheduledFor, market: post.market });
    if (check.allowed) continue;
    const story = await db.selectFrom('stories').select(['title', 'author_name', 'body']).where('id', '=', storyId).executeTakeFirstOrThrow();
    refusals.push({ storyId, storyTitle: storyLabel(story), findings: renderFindings(locale, check.findings) });
  }
  if (refusals.length) throw useRefusedError(locale, refusals, post.use, post.channel);
}

async function recordUses(
  trx: Db,
  orgId: string,
  postId: string,
  post: { storyIds: string[]; use: ConsentUse; channel: PublicationChannel; title: string; ownerUserId: string | null },
): Promise<void> {
  for (const storyId of post.storyIds)
    await recordStoryUse(trx, { orgId, storyId, kind: 'post', refId: postId, use: post.use, channel: post.channel, label: post.title, ownerUserId: post.ownerUserId });
  await releaseStoryUses(trx, { orgId, kind: 'post', refId: postId, keepStoryIds: post.storyIds });
}

const unique = (ids: string[]) => [...new Set(ids)];

/** Plans a post; scheduling it (or creating it published) checks every story's consent and the market's law first. */
export async function createPost(db: Db, by: AuditBy, input: PostInput, locale: Locale): Promise<string> {
  if (input.status === 'taken_down') throw badRequest(m.text('takenDownBySystem'));
  const storyIds = unique(input.storyIds);
  await checkRefs(db, by.orgId, storyIds, input.ownerUserId);
  const market = input.market ?? (await getOutreachSettings(db, by.orgId)).market;
  const ownerUserId = input.ownerUserId === undefined ? by.userId : input.ownerUserId;
  if (isLive(input.status)) {
    if (!input.scheduledFor) throw badRequest(m.text('scheduleNeedsDate'));
    await checkStories(db, by.orgId, { storyIds, use: input.use, channel: input.channel, market, scheduledFor: input.scheduledFor }, locale);
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('content_posts')
      .values({
        org_id: by.orgId,
        title: input.title.trim(),
        body: input.body,
        channel: input.channel,
        use: input.use,
        market,
        scheduled_for: input.scheduledFor,
        status: input.status,
        owner_user_id: ownerUserId,
        created_by: by.userId,
        published_at: input.status === 'published' ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (storyIds.length)
      await trx
        .insertInto('content_post_stories')
        .values(storyIds.map((story_id) => ({ post_id: row.id, story_id })))
        .execute();
    if (isLive(input.status)) await recordUses(trx, by.orgId, row.id, { storyIds, use: input.use, channel: input.channel, title: input.title.trim(), ownerUserId });
    await recordAudit(trx, {
      ...by,
      action: 'content_post.create',
      targetType: 'post',
      targetId: row.id,
      details: { title: input.title.trim(), status: input.status, channel: input.channel, use: input.use, market, storyIds },
    });
    return row.id;
  });
}

/**
 * Changes a post. A post that is or becomes scheduled or published is checked again when its date,
 * channel, use, market or stories change (or it just became live): a block refuses the change; on
 * success each story's use is recorded and the uses of stories taken off the post are released. A
 * post that stops being live releases its uses (flagged ones stay, for the takedown record).
 */
export async function updatePost(db: Db, by: AuditBy, id: string, patch: Partial<PostInput>, locale: Locale): Promise<void> {
  const existing = await db.selectFrom('content_posts').selectAll().where('org_id', '=', by.orgId).where('id', '=', id).executeTakeFirst();
  if (!existing) throw notFound('post');
  const before = (await db.selectFrom('content_post_stories').select('story_id').where('post_id', '=', id).execute()).map((r) => r.story_id);
  if (patch.status === 'taken_down' && existing.status !== 'taken_down') throw badRequest(m.text('takenDownBySystem'));
  const next = {
    title: patch.title?.trim() ?? existing.title,
    body: patch.body ?? existing.body,
    channel: patch.channel ?? existing.channel,
    use: patch.use ?? existing.use,
    market: patch.market ?? existing.market,
    scheduledFor: patch.scheduledFor === undefined ? existing.scheduled_for : patch.scheduledFor,
    status: patch.status ?? existing.status,
    ownerUserId: patch.ownerUserId === undefined ? existing.owner_user_id : patch.ownerUserId,
    storyIds: patch.storyIds ? unique(patch.storyIds) : before,
  };
  await checkRefs(db, by.orgId, patch.storyIds ? next.storyIds : [], patch.ownerUserId);
  const storiesChanged = next.storyIds.length !== before.length || next.storyIds.some((s) => !before.includes(s));
  const relevantChanged =
    !isLive(existing.status) ||
    storiesChanged ||
    next.channel !== existing.channel ||
    next.use !== existing.use ||
    next.market !== existing.market ||
    (next.scheduledFor?.getTime() ?? null) !== (existing.scheduled_for?.getTime() ?? null);
  const live = isLive(next.status);
  if (live) {
    if (!next.scheduledFor) throw badRequest(m.text('scheduleNeedsDate'));
    if (relevantChanged) await checkStories(db, by.orgId, { ...next, scheduledFor: next.scheduledFor }, locale);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('content_posts')
      .set({
        title: next.title,
        body: next.body,
        channel: next.channel,
        use: next.use,
        market: next.market,
        scheduled_for: next.scheduledFor,
        status: next.status,
        owner_user_id: next.ownerUserId,
        updated_at: new Date(),
        ...(next.status === 'published' && existing.status !== 'published' ? { published_at: new Date() } : {}),
      })
      .where('id', '=', id)
      .where('org_id', '=', by.orgId)
      .execute();
    if (storiesChanged) {
      await trx.deleteFrom('content_post_stories').where('post_id', '=', id).execute();
      if (next.storyIds.length)
        await trx
          .insertInto('content_post_stories')
          .values(next.storyIds.map((story_id) => ({ post_id: id, story_id })))
          .execute();
    }
    if (live && relevantChanged) await recordUses(trx, by.orgId, id, next);
    else if (!live && next.status !== 'taken_down') await releaseStoryUses(trx, { orgId: by.orgId, kind: 'post', refId: id });
    const changed = Object.fromEntries(
      Object.entries(patch)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
    );
    await recordAudit(trx, { ...by, action: 'content_post.update', targetType: 'post', targetId: id, details: { ...changed, status: next.status } });
  });
}

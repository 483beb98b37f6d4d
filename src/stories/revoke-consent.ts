import type { PgBoss } from 'pg-boss';
import { sql } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { enqueueNotification } from '../notifications/index.ts';
import { storiesMessages as m } from './stories.messages.ts';
import type { ConsentUse, ConsentVia, UseFlagReason } from './stories.vocab.ts';

/** Who revokes: the patient on their own page (no user) or staff on the patient's behalf. */
export interface RevokedBy {
  via: ConsentVia;
  userId: string | null;
  actor: string;
  ip: string | null;
}

/**
 * Flags every use of the story (of the given uses, or all) for takedown, takes down each content
 * post among them that was scheduled or published, and tells the owner of each use — all inside
 * the caller's transaction. Returns how many uses were flagged.
 */
async function flagUses(trx: Db, boss: PgBoss | null, input: { orgId: string; storyId: string; uses: ConsentUse[] | null; reason: UseFlagReason }): Promise<number> {
  let query = trx
    .updateTable('story_uses')
    .set({ flagged_at: sql`now()`, flag_reason: input.reason })
    .where('org_id', '=', input.orgId)
    .where('story_id', '=', input.storyId)
    .where('flagged_at', 'is', null)
    .where('taken_down_at', 'is', null);
  if (input.uses) query = query.where('use', 'in', input.uses);
  const flagged = await query.returning(['id', 'kind', 'ref_id', 'use', 'channel', 'label', 'owner_user_id']).execute();
  const postIds = flagged.filter((u) => u.kind === 'post' && u.ref_id).map((u) => u.ref_id!);
  if (postIds.length)
    await trx
      .updateTable('content_posts')
      .set({ status: 'taken_down', updated_at: sql`now()` })
      .where('org_id', '=', input.orgId)
      .where('id', 'in', postIds)
      .where('status', 'in', ['scheduled', 'published'])
      .execute();
  if (!flagged.length) return 0;
  const story = await trx.selectFrom('stories').select('title').where('id', '=', input.storyId).executeTakeFirstOrThrow();
  for (const use of flagged) {
    if (!use.owner_user_id) continue;
    await enqueueNotification(boss, trx, {
      orgId: input.orgId,
      title: m.text('notify.flaggedTitle', { title: story.title }),
      text: m.text(`notify.flagged.${input.reason}`, { title: story.title, kind: m.text(`kind.${use.kind}`), label: use.label || m.text(`channel.${use.channel}` as 'channel.website') }),
      url: `/stories/${input.storyId}`,
      userIds: [use.owner_user_id],
      urgent: true,
    });
  }
  return flagged.length;
}

/** Revokes one consent of a story (by its id; 404 for another organisation's) and flags every use it covered. */
export async function revokeConsent(db: Db, boss: PgBoss | null, input: { orgId: string; consentId: string; storyId?: string; by: RevokedBy }): Promise<{ flagged: number }> {
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('story_consents').select(['id', 'story_id', 'use', 'revoked_at']).where('org_id', '=', input.orgId).where('id', '=', input.consentId);
    if (input.storyId) q = q.where('story_id', '=', input.storyId);
    const consent = await q.forUpdate().executeTakeFirst();
    if (!consent) throw notFound('story consent');
    if (consent.revoked_at) throw new AppError('conflict', m.text('refused.alreadyRevoked'));
    await trx
      .updateTable('story_consents')
      .set({ revoked_at: sql`now()`, revoked_via: input.by.via, revoked_by: input.by.userId })
      .where('id', '=', consent.id)
      .execute();
    const flagged = await flagUses(trx, boss, { orgId: input.orgId, storyId: consent.story_id, uses: [consent.use], reason: 'consent_revoked' });
    await recordAudit(trx, {
      orgId: input.orgId,
      userId: input.by.userId,
      actor: input.by.actor,
      ip: input.by.ip,
      action: 'story_consent.revoke',
      targetType: 'story',
      targetId: consent.story_id,
      details: { consentId: consent.id, use: consent.use, via: input.by.via, flagged },
    });
    return { flagged };
  });
}

/** Withdraws a whole story: every consent revoked, the story withdrawn, every use flagged. */
export async function withdrawStory(db: Db, boss: PgBoss | null, input: { orgId: string; storyId: string; by: RevokedBy }): Promise<{ flagged: number }> {
  return db.transaction().execute(async (trx) => {
    const story = await trx.selectFrom('stories').select(['id', 'status']).where('org_id', '=', input.orgId).where('id', '=', input.storyId).forUpdate().executeTakeFirst();
    if (!story) throw notFound('story');
    if (story.status === 'withdrawn') throw new AppError('conflict', m.text('refused.alreadyWithdrawn'));
    await trx
      .updateTable('stories')
      .set({ status: 'withdrawn', updated_at: sql`now()` })
      .where('id', '=', story.id)
      .execute();
    await trx
      .updateTable('story_consents')
      .set({ revoked_at: sql`now()`, revoked_via: input.by.via, revoked_by: input.by.userId })
      .where('story_id', '=', story.id)
      .where('revoked_at', 'is', null)
      .execute();
    const flagged = await flagUses(trx, boss, { orgId: input.orgId, storyId: story.id, uses: null, reason: 'story_withdrawn' });
    await recordAudit(trx, {
      orgId: input.orgId,
      userId: input.by.userId,
      actor: input.by.actor,
      ip: input.by.ip,
      action: 'story_consent.revoke',
      targetType: 'story',
      targetId: story.id,
      details: { withdrawn: true, via: input.by.via, flagged },
    });
    return { flagged };
  });
}

/** The daily job's work: flags every use of each consent whose period ended before `today` (YYYY-MM-DD) and whose uses are not flagged yet. */
export async function expireConsents(db: Db, boss: PgBoss | null, today: string): Promise<{ consents: number; flagged: number }> {
  const ended = await db
    .selectFrom('story_consents as c')
    .select(['c.org_id', 'c.story_id', 'c.use'])
    .where('c.revoked_at', 'is', null)
    .where('c.valid_until', '<', today)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_uses as u')
          .select('u.id')
          .whereRef('u.story_id', '=', 'c.story_id')
          .whereRef('u.use', '=', 'c.use')
          .where('u.flagged_at', 'is', null)
          .where('u.taken_down_at', 'is', null),
      ),
    )
    .execute();
  let flagged = 0;
  for (const c of ended) {
    // Another consent for the same use that is still valid keeps the uses.
    const still = await db
      .selectFrom('story_consents')
      .select('id')
      .where('story_id', '=', c.story_id)
      .where('use', '=', c.use)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
      .where('valid_from', '<=', today)
      .executeTakeFirst();
    if (still) continue;
    flagged += await db.transaction().execute((trx) => flagUses(trx, boss, { orgId: c.org_id, storyId: c.story_id, uses: [c.use], reason: 'consent_expired' }));
  }
  return { consents: ended.length, flagged };
}

import { sql } from 'kysely';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { storiesMessages as m } from './stories.messages.ts';

/** Approves or rejects a submitted (or previously reviewed) story, with its audit entry; a withdrawn story stays withdrawn. */
export async function reviewStory(db: Db, by: AuditBy, input: { storyId: string; decision: 'approve' | 'reject'; note: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const story = await trx.selectFrom('stories').select(['id', 'status']).where('org_id', '=', by.orgId).where('id', '=', input.storyId).forUpdate().executeTakeFirst();
    if (!story) throw notFound('story');
    if (story.status === 'withdrawn') throw new AppError('conflict', m.text('refused.withdrawn'));
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await trx
      .updateTable('stories')
      .set({ status, reviewed_by: by.userId, reviewed_at: sql`now()`, review_note: input.note.trim().slice(0, 2000), updated_at: sql`now()` })
      .where('id', '=', story.id)
      .execute();
    await recordAudit(trx, {
      ...by,
      action: input.decision === 'approve' ? 'story.approve' : 'story.reject',
      targetType: 'story',
      targetId: story.id,
      details: { from: story.status, note: input.note.trim() },
    });
  });
}

/** Marks a flagged use as taken down (who, when), with its audit entry. */
export async function markUseTakenDown(db: Db, by: AuditBy, useId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const use = await trx.selectFrom('story_uses').select(['id', 'story_id', 'kind', 'ref_id', 'taken_down_at']).where('org_id', '=', by.orgId).where('id', '=', useId).forUpdate().executeTakeFirst();
    if (!use) throw notFound('story use');
    if (use.taken_down_at) throw new AppError('conflict', m.text('refused.alreadyTakenDown'));
    await trx
      .updateTable('story_uses')
      .set({ taken_down_at: sql`now()`, taken_down_by: by.userId })
      .where('id', '=', use.id)
      .execute();
    await recordAudit(trx, { ...by, action: 'story_use.taken_down', targetType: 'story', targetId: use.story_id, details: { useId: use.id, kind: use.kind, refId: use.ref_id } });
  });
}

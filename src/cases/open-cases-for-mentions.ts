import { sql } from 'kysely';
import type { AppContext } from '../core/context.ts';
import type { EventPayload } from '../core/events.ts';
import { wholeOrganisation } from '../core/viewer.ts';
import { reopenLocked } from './case-workflow.ts';
import { recordCaseEvent, SYSTEM_ACTOR } from './cases.queries.ts';
import { MAJOR_CASE_RISKS } from './cases.vocab.ts';
import { createCase } from './create-case.ts';

export { MAJOR_CASE_RISKS };

const isMajorRisk = (risk: string) => (MAJOR_CASE_RISKS as readonly string[]).includes(risk);

/**
 * Reacts to newly analysed mentions: a mention with a major risk flag that is in no open case
 * opens a major case (once per mention, even when analysed again); otherwise a mention from an
 * author who already has a case (same source and author handle) joins that case, reopening it
 * when closed. Idempotent: each mention is locked while it is looked at, and one that is already
 * in a case is left alone. Returns the ids of the cases it opened or touched.
 */
export async function openCasesForMentions(ctx: Pick<AppContext, 'db' | 'boss'>, event: EventPayload<'mentions.analysed'>): Promise<string[]> {
  const touched: string[] = [];
  for (const mentionId of event.mentionIds) {
    const caseId = await ctx.db.transaction().execute(async (trx) => {
      const m = await trx
        .selectFrom('mentions')
        .select(['id', 'org_id', 'source_id', 'author_handle', 'risks'])
        .where('id', '=', mentionId)
        .where('org_id', '=', event.orgId)
        .forUpdate()
        .executeTakeFirst();
      if (!m) return null;
      const linked = await trx.selectFrom('case_mentions as cm').innerJoin('cases as c', 'c.id', 'cm.case_id').select(['c.id', 'c.status']).where('cm.mention_id', '=', m.id).execute();
      const risks = (m.risks ?? []).filter(isMajorRisk);
      const viewer = wholeOrganisation(m.org_id);
      if (risks.length && !linked.some((c) => c.status !== 'closed')) {
        const auto = await trx.selectFrom('cases').select('id').where('origin_mention_id', '=', m.id).where('auto_opened', '=', true).executeTakeFirst();
        if (auto) return null;
        return createCase(trx, ctx.boss, { viewer, actor: SYSTEM_ACTOR, mentionIds: [m.id], tier: 'major', autoForMentionId: m.id, reason: { risks } });
      }
      if (!m.author_handle || linked.length) return null;
      const previous = await trx
        .selectFrom('cases as c')
        .selectAll('c')
        .where('c.org_id', '=', m.org_id)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('case_mentions as cm')
              .innerJoin('mentions as pm', 'pm.id', 'cm.mention_id')
              .select('cm.mention_id')
              .whereRef('cm.case_id', '=', 'c.id')
              .where('pm.source_id', '=', m.source_id)
              .where('pm.author_handle', '=', m.author_handle!)
              .where('pm.id', '<>', m.id),
          ),
        )
        .orderBy(sql`(c.status <> 'closed')`, 'desc')
        .orderBy('c.opened_at', 'desc')
        .limit(1)
        .forUpdate()
        .executeTakeFirst();
      if (!previous) return null;
      await trx.insertInto('case_mentions').values({ case_id: previous.id, mention_id: m.id }).execute();
      await trx.updateTable('mentions').set({ status: 'in_case' }).where('id', '=', m.id).execute();
      await recordCaseEvent(trx, previous.id, SYSTEM_ACTOR, 'mention_added', { mentionId: m.id, reason: 'new mention from the same author' });
      if (previous.status === 'closed') await reopenLocked(trx, ctx.boss, m.org_id, previous, SYSTEM_ACTOR, { reason: 'new mention from the same author', mentionId: m.id });
      return previous.id;
    });
    if (caseId) touched.push(caseId);
  }
  return touched;
}

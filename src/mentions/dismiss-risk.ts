import { recordAudit, type AuditBy } from '../audit/index.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { viewerSees, type Viewer } from '../core/viewer.ts';
import type { Db } from '../db/database.ts';
import { mentionsMessages } from './mentions.messages.ts';

interface StoredRisk {
  risk: string;
  span: [number, number];
  cue?: string;
  confidence?: number;
  dismissed?: boolean;
}

/**
 * "Not a risk", one click: clears the mention's "to review" flag for one risk of its evidence (or
 * every flagged risk when none is named), records who dismissed which risk and cue when
 * (mention_risk_dismissals), marks the risk dismissed in the stored analysis, and audits
 * `mention.not_a_risk`, all in one transaction. The correction feeds the analysis: analysePending
 * reads the organisation's dismissals, so this mention's risk stays dismissed when it is analysed
 * again and the same risk and cue elsewhere counts as weaker evidence (risk-confidence.ts).
 * Throws not_found for a mention the viewer may not see, bad_request when there is nothing to dismiss.
 */
export async function dismissRisk(db: Db, viewer: Viewer, by: AuditBy, mentionId: string, risk?: string): Promise<{ dismissed: string[] }> {
  return db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('mentions')
      .select(['id', 'department_id', 'analysis', 'review', 'to_review', 'risks'])
      .where('id', '=', mentionId)
      .where('org_id', '=', viewer.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!m || !viewerSees(viewer, m.department_id)) throw notFound('mention');
    const analysis = m.analysis as { risks?: StoredRisk[] } | null;
    const evidence = ((m.review as StoredRisk[] | null) ?? []).length ? (m.review as StoredRisk[]) : (analysis?.risks ?? []).filter((r) => !r.dismissed);
    const chosen = evidence.filter((r) => (risk ? r.risk === risk : true));
    if (chosen.length === 0) throw badRequest(mentionsMessages.text('noRiskToDismiss'));
    for (const r of chosen) {
      await trx
        .insertInto('mention_risk_dismissals')
        .values({ org_id: viewer.orgId, mention_id: m.id, risk: r.risk, cue: r.cue ?? '', confidence: r.confidence ?? null, dismissed_by: by.userId })
        .onConflict((oc) => oc.columns(['mention_id', 'risk']).doNothing())
        .execute();
    }
    const names = new Set(chosen.map((r) => r.risk));
    const remaining = ((m.review as StoredRisk[] | null) ?? []).filter((r) => !names.has(r.risk));
    const updatedAnalysis = analysis?.risks ? { ...analysis, risks: analysis.risks.map((r) => (names.has(r.risk) ? { ...r, dismissed: true } : r)) } : analysis;
    await trx
      .updateTable('mentions')
      .set({
        to_review: remaining.length > 0,
        review: remaining.length ? JSON.stringify(remaining) : null,
        analysis: updatedAnalysis ? JSON.stringify(updatedAnalysis) : null,
        risks: (m.risks ?? []).filter((r) => !names.has(r)),
      })
      .where('id', '=', m.id)
      .execute();
    for (const r of chosen) {
      await recordAudit(trx, {
        ...by,
        action: 'mention.not_a_risk',
        targetType: 'mention',
        targetId: m.id,
        details: { risk: r.risk, cue: r.cue ?? null, confidence: r.confidence ?? null, before: { toReview: m.to_review }, after: { toReview: remaining.length > 0 } },
      });
    }
    return { dismissed: [...names] };
  });
}

/** The organisation's corrections for the analysis: dismissals per risk and cue, and the dismissed risks of the given mentions. */
export async function findRiskCorrections(db: Db, orgId: string, mentionIds: readonly string[]): Promise<{ cues: Map<string, number>; mentions: Set<string> }> {
  const counts = await db
    .selectFrom('mention_risk_dismissals')
    .select(['risk', 'cue', (eb) => eb.fn.countAll<string>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy(['risk', 'cue'])
    .execute();
  const own = mentionIds.length ? await db.selectFrom('mention_risk_dismissals').select(['mention_id', 'risk']).where('org_id', '=', orgId).where('mention_id', 'in', mentionIds).execute() : [];
  return { cues: new Map(counts.map((c) => [`${c.risk}:${c.cue}`, Number(c.n)])), mentions: new Set(own.map((d) => `${d.mention_id}:${d.risk}`)) };
}

import { sql } from 'kysely';
import type { AppContext } from '../core/context.ts';
import { alertTitle, mentionSummary } from './alert-texts.ts';
import { ruleColumns, toRuleView } from './alerts.queries.ts';
import { isInScope, matchesConditions, type AnalysedMention } from './match-mention.ts';
import { recordAlert } from './record-alert.ts';

/**
 * Evaluates the organisation's enabled mention rules on freshly analysed mentions and opens or
 * grows their alerts. Each rule is evaluated in its own transaction holding the rule's row lock,
 * and a mention already counted for a rule (alert_mentions) is skipped, so a job run twice counts
 * nothing twice. Returns how many alerts it opened; throws on a database error.
 */
export async function evaluateMentionRules(ctx: AppContext, orgId: string, mentionIds: string[], now = new Date()): Promise<number> {
  if (!mentionIds.length) return 0;
  const rules = (await ctx.db.selectFrom('alert_rules').select(ruleColumns).where('org_id', '=', orgId).where('kind', '=', 'mention').where('enabled', '=', true).execute()).map(toRuleView);
  if (!rules.length) return 0;
  const rows = await sql<{
    id: string;
    location_id: string | null;
    department_id: string | null;
    source_id: string;
    sentiment: string | null;
    risks: string[] | null;
    staff_ids: string[] | null;
    rating: number | null;
    title: string | null;
    text: string;
  }>`
    SELECT id, location_id, department_id, source_id, sentiment, risks, staff_ids, rating::float8 AS rating, title, text
    FROM mentions WHERE org_id = ${orgId} AND id = ANY(${mentionIds}::uuid[]) AND analysed_at IS NOT NULL
      -- A competitor's mentions (the benchmark's) raise no alerts.
      AND source_id NOT IN (SELECT s.id FROM sources s WHERE s.org_id = ${orgId} AND s.competitor IS NOT NULL)
    ORDER BY coalesce(published_at, received_at), id
  `.execute(ctx.db);
  const mentions: AnalysedMention[] = rows.rows.map((r) => ({
    id: r.id,
    locationId: r.location_id,
    departmentId: r.department_id,
    sourceId: r.source_id,
    sentiment: r.sentiment,
    risks: r.risks ?? [],
    staffIds: r.staff_ids ?? [],
    rating: r.rating === null ? null : Number(r.rating),
    title: r.title,
    text: r.text,
  }));

  let opened = 0;
  for (const rule of rules) {
    const conditions = rule.mention;
    if (!conditions) continue;
    const matched = mentions.filter((m) => isInScope(rule.scope, m) && matchesConditions(conditions, m));
    if (!matched.length) continue;
    const isNew = await ctx.db.transaction().execute(async (trx) => {
      // The rule's row lock serialises evaluations of one rule, so two jobs cannot open two alerts for it.
      const locked = await trx.selectFrom('alert_rules').select('id').where('id', '=', rule.id).where('enabled', '=', true).forUpdate().executeTakeFirst();
      if (!locked) return false;
      const seen = await trx
        .selectFrom('alert_mentions')
        .select('mention_id')
        .where('rule_id', '=', rule.id)
        .where(
          'mention_id',
          'in',
          matched.map((m) => m.id),
        )
        .execute();
      const seenIds = new Set(seen.map((s) => s.mention_id));
      const fresh = matched.filter((m) => !seenIds.has(m.id));
      if (!fresh.length) return false;
      const first = fresh[0]!;
      const isUrgent = fresh.some((m) => m.risks.length > 0);
      const result = await recordAlert(
        ctx,
        trx,
        orgId,
        rule,
        {
          mentionIds: fresh.map((m) => m.id),
          count: fresh.length,
          countMode: 'add',
          title: alertTitle(rule.name, isUrgent),
          summary: mentionSummary(first, fresh.length - 1),
          isUrgent,
        },
        now,
      );
      await trx
        .insertInto('alert_mentions')
        .values(fresh.map((m) => ({ rule_id: rule.id, mention_id: m.id, alert_id: result.alertId })))
        .onConflict((oc) => oc.doNothing())
        .execute();
      return result.isNew;
    });
    if (isNew) opened++;
  }
  return opened;
}

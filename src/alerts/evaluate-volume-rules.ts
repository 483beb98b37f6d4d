import { sql, type SqlBool } from 'kysely';
import type { AppContext } from '../core/context.ts';
import type { Db } from '../db/database.ts';
import type { Words } from '../core/i18n.ts';
import { alertTitle, volumeSummary } from './alert-texts.ts';
import type { RuleView, Scope, VolumeConditions } from './alerts.schemas.ts';
import { ruleColumns, toRuleView } from './alerts.queries.ts';
import { recordAlert } from './record-alert.ts';
import { testSpike } from './spike-test.ts';
import { isComplaint } from '../mentions/index.ts';

/** Weeks of the seasonal baseline: the same weekday and hour of each earlier week. */
export const BASELINE_WEEKS = 6;
const WEEK_MS = 7 * 24 * 60 * 60_000;

const mentionTime = sql<Date>`coalesce(published_at, received_at)`;

function scoped(db: Db, orgId: string, scope: Scope) {
  // A competitor's mentions (the benchmark's) raise no alerts.
  let query = db
    .selectFrom('mentions')
    .where('org_id', '=', orgId)
    .where('analysed_at', 'is not', null)
    .where(sql<SqlBool>`source_id NOT IN (SELECT s.id FROM sources s WHERE s.org_id = ${orgId} AND s.competitor IS NOT NULL)`);
  if (scope.locationIds.length) query = query.where('location_id', 'in', scope.locationIds);
  if (scope.departmentIds.length) query = query.where('department_id', 'in', scope.departmentIds);
  if (scope.sourceIds.length) query = query.where('source_id', 'in', scope.sourceIds);
  return query;
}

/** Negatives and all analysed mentions of the scope in [from, to). */
async function countWindow(db: Db, orgId: string, scope: Scope, from: Date, to: Date): Promise<{ negatives: number; total: number }> {
  const row = await scoped(db, orgId, scope)
    .select([sql<number>`count(*) FILTER (WHERE ${isComplaint('sentiment')})`.as('negatives'), sql<number>`count(*)`.as('total')])
    .where(mentionTime, '>=', from)
    .where(mentionTime, '<', to)
    .executeTakeFirstOrThrow();
  return { negatives: Number(row.negatives), total: Number(row.total) };
}

export interface VolumeMeasure {
  fires: boolean;
  count: number;
  summary: Words;
}

/** Measures a volume rule's window ending at `now` and says whether it fires. Throws on a database error. */
export async function measureVolume(db: Db, orgId: string, scope: Scope, v: VolumeConditions, now: Date): Promise<VolumeMeasure> {
  const windowMs = v.windowMinutes * 60_000;
  const current = await countWindow(db, orgId, scope, new Date(now.getTime() - windowMs), now);
  if (v.metric === 'negative_count') {
    const fires = current.negatives >= Math.max(v.threshold, v.minCount);
    return { fires, count: current.negatives, summary: volumeSummary(v, current) };
  }
  if (v.metric === 'negative_share') {
    const share = current.total ? current.negatives / current.total : 0;
    const fires = current.total >= v.minCount && share >= v.threshold;
    return { fires, count: current.negatives, summary: volumeSummary(v, current) };
  }
  // Spike: the same window one, two, … weeks back, counting only weeks the scope already had mentions in.
  const earliest = await scoped(db, orgId, scope)
    .select(sql<Date | null>`min(${mentionTime})`.as('at'))
    .executeTakeFirst();
  const since = earliest?.at ? new Date(earliest.at).getTime() : Infinity;
  const baseline: number[] = [];
  for (let week = 1; week <= BASELINE_WEEKS; week++) {
    const to = new Date(now.getTime() - week * WEEK_MS);
    const from = new Date(to.getTime() - windowMs);
    if (from.getTime() < since) break;
    baseline.push((await countWindow(db, orgId, scope, from, to)).negatives);
  }
  const spike = testSpike({ count: current.negatives, baseline, threshold: v.threshold, minCount: v.minCount });
  return {
    fires: spike.isSpike,
    count: current.negatives,
    summary: volumeSummary(v, { ...current, expected: spike.expected, pValue: spike.pValue, weeks: baseline.length }),
  };
}

/**
 * Evaluates every enabled volume rule (of one organisation, or all) at `now`, opening or growing
 * alerts for those that fire. Each rule is evaluated under its row lock. Returns how many alerts
 * it opened; throws on a database error.
 */
export async function evaluateVolumeRules(ctx: AppContext, now = new Date(), orgId?: string): Promise<number> {
  let query = ctx.db
    .selectFrom('alert_rules')
    .select([...ruleColumns, 'org_id'])
    .where('kind', '=', 'volume')
    .where('enabled', '=', true);
  if (orgId) query = query.where('org_id', '=', orgId);
  const rules = await query.execute();
  let opened = 0;
  for (const row of rules) {
    const rule: RuleView = toRuleView(row);
    if (!rule.volume) continue;
    const measure = await measureVolume(ctx.db, row.org_id, rule.scope, rule.volume, now);
    if (!measure.fires) continue;
    const isNew = await ctx.db.transaction().execute(async (trx) => {
      const locked = await trx.selectFrom('alert_rules').select('id').where('id', '=', rule.id).where('enabled', '=', true).forUpdate().executeTakeFirst();
      if (!locked) return false;
      const result = await recordAlert(
        ctx,
        trx,
        row.org_id,
        rule,
        { mentionIds: [], count: measure.count, countMode: 'peak', title: alertTitle(rule.name, false), summary: measure.summary, isUrgent: false },
        now,
      );
      return result.isNew;
    });
    if (isNew) opened++;
  }
  return opened;
}

import { AppError } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { alertsMessages } from './alerts.messages.ts';
import type { RuleBody } from './alerts.schemas.ts';
import { ruleColumns, toRuleView } from './alerts.queries.ts';

/*
 * Two rules are duplicates when they watch the same thing: the same kind, the same scope and the
 * same conditions (lists compared as sets, absent and empty alike). Their names, channels,
 * cooldowns and quiet hours may differ: each alert would still open twice.
 */

const sorted = (values: readonly string[] | undefined) => [...new Set(values ?? [])].sort();

/** A canonical form of what a rule watches; equal strings mean duplicate rules. */
export function ruleFingerprint(rule: Pick<RuleBody, 'kind' | 'scope' | 'mention' | 'volume'>): string {
  const scope = [sorted(rule.scope.locationIds), sorted(rule.scope.departmentIds), sorted(rule.scope.sourceIds)];
  if (rule.kind === 'volume') {
    const v = rule.volume;
    return JSON.stringify(['volume', scope, v ? [v.metric, v.windowMinutes, v.threshold, v.minCount] : null]);
  }
  const m = rule.mention ?? {};
  return JSON.stringify([
    'mention',
    scope,
    m.ratingAtMost ?? null,
    m.sentimentNegative === true,
    m.anyRisk === true,
    sorted(m.risks),
    sorted(m.staffIds),
    sorted((m.keywords ?? []).map((k) => k.trim().toLocaleLowerCase())),
  ]);
}

/** The organisation's other rules that watch what `rule` watches (`exceptId`: the rule being edited). */
export async function findDuplicateRules(db: Db, orgId: string, rule: RuleBody, exceptId?: string): Promise<{ id: string; name: string }[]> {
  let query = db.selectFrom('alert_rules').select(ruleColumns).where('org_id', '=', orgId).where('kind', '=', rule.kind);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const fingerprint = ruleFingerprint(rule);
  return (await query.orderBy('created_at').execute())
    .map(toRuleView)
    .filter((other) => ruleFingerprint(other) === fingerprint)
    .map((other) => ({ id: other.id, name: other.name }));
}

/**
 * Refuses (409 duplicateRule, naming the rules, their ids in details.duplicates) a rule that
 * watches what another rule of the organisation watches, unless the body says allowDuplicate.
 */
export async function assertNoDuplicateRule(db: Db, orgId: string, rule: RuleBody, exceptId?: string): Promise<void> {
  if (rule.allowDuplicate) return;
  const duplicates = await findDuplicateRules(db, orgId, rule, exceptId);
  if (duplicates.length) throw new AppError('conflict', alertsMessages.text('duplicateRule', { rules: duplicates.map((d) => d.name).join(', ') }), { duplicates });
}

// The taxonomy alone: the engine's index would load its models (~170 MB) wherever routes are loaded.
import { RISKS } from '../analysis/taxonomy.ts';
import type { Db } from '../db/database.ts';
import { badRequest } from '../core/errors.ts';
import type { MentionConditions, QuietHours, RuleBody, VolumeConditions } from './alerts.schemas.ts';

/** The largest window a volume rule may look at: a week (the spike baseline compares weeks). */
export const MAX_WINDOW_MINUTES = 7 * 24 * 60;

/** Whether a mention rule has at least one condition that can hold. */
function hasMentionCondition(m: MentionConditions): boolean {
  return m.ratingAtMost !== undefined || m.sentimentNegative === true || m.anyRisk === true || !!m.risks?.length || !!m.staffIds?.length || !!m.keywords?.length;
}

/**
 * Refuses a rule that cannot fire, naming the reason: no conditions, impossible thresholds,
 * invalid quiet hours, or ids (scope, staff, channels) that are not this organisation's.
 * Throws bad_request; returns nothing.
 */
export async function validateRule(db: Db, orgId: string, rule: RuleBody): Promise<void> {
  if (rule.kind === 'mention') {
    if (rule.volume) throw badRequest('a mention rule takes no volume conditions (volume must be null)');
    if (!rule.mention || !hasMentionCondition(rule.mention)) {
      throw badRequest('a mention rule needs at least one condition (ratingAtMost, sentimentNegative, anyRisk, risks, staffIds or keywords), or it can never fire');
    }
    checkMention(rule.mention);
  } else {
    if (rule.mention) throw badRequest('a volume rule takes no mention conditions (mention must be null)');
    if (!rule.volume) throw badRequest('a volume rule needs its volume conditions (metric, windowMinutes, threshold, minCount)');
    checkVolume(rule.volume);
  }
  if (rule.cooldownMinutes < 0 || rule.cooldownMinutes > 10080) throw badRequest('cooldownMinutes must be between 0 and 10080 (a week)');
  if (rule.quietHours) checkQuietHours(rule.quietHours);

  await assertAllInOrg(db, 'locations', orgId, rule.scope.locationIds, 'scope.locationIds');
  await assertAllInOrg(db, 'departments', orgId, rule.scope.departmentIds, 'scope.departmentIds');
  await assertAllInOrg(db, 'sources', orgId, rule.scope.sourceIds, 'scope.sourceIds');
  await assertAllInOrg(db, 'staff', orgId, rule.mention?.staffIds ?? [], 'mention.staffIds');
  await assertAllInOrg(db, 'alert_channels', orgId, rule.channelIds, 'channelIds');
}

function checkMention(m: MentionConditions): void {
  if (m.ratingAtMost !== undefined && m.ratingAtMost < 1) throw badRequest('mention.ratingAtMost must be at least 1: ratings run from 1 to 5, so nothing is rated at most ' + m.ratingAtMost);
  if (m.ratingAtMost !== undefined && m.ratingAtMost > 5) throw badRequest('mention.ratingAtMost must be at most 5: ratings run from 1 to 5');
  const unknown = (m.risks ?? []).filter((r) => !(RISKS as readonly string[]).includes(r));
  if (unknown.length) throw badRequest(`mention.risks names risks the analysis never flags: ${unknown.join(', ')} (known: ${RISKS.join(', ')})`);
}

function checkVolume(v: VolumeConditions): void {
  if (v.windowMinutes < 1) throw badRequest('volume.windowMinutes must be at least 1: an empty window never holds a mention');
  if (v.windowMinutes > MAX_WINDOW_MINUTES) throw badRequest(`volume.windowMinutes must be at most ${MAX_WINDOW_MINUTES} (a week)`);
  if (v.minCount < 1) throw badRequest('volume.minCount must be at least 1');
  if (v.metric === 'negative_count' && v.threshold < 1) throw badRequest('volume.threshold of negative_count must be at least 1');
  if (v.metric === 'negative_share' && (v.threshold <= 0 || v.threshold > 1)) {
    throw badRequest(`volume.threshold of negative_share is a share: it must be above 0 and at most 1, got ${v.threshold}`);
  }
  if (v.metric === 'spike' && v.threshold <= 1) throw badRequest('volume.threshold of spike is a multiple of the seasonal baseline and must be above 1');
}

function checkQuietHours(q: QuietHours): void {
  if (q.start === q.end) throw badRequest('quietHours.start and quietHours.end are the same time');
  try {
    new Intl.DateTimeFormat('en', { timeZone: q.timezone });
  } catch {
    throw badRequest(`quietHours.timezone is not a time zone: ${q.timezone}`);
  }
}

async function assertAllInOrg(db: Db, table: 'locations' | 'departments' | 'sources' | 'staff' | 'alert_channels', orgId: string, wanted: string[], field: string): Promise<void> {
  const unique = [...new Set(wanted)];
  if (!unique.length) return;
  const found = await db.selectFrom(table).select('id').where('org_id', '=', orgId).where('id', 'in', unique).execute();
  if (found.length !== unique.length) {
    const have = new Set(found.map((r) => r.id));
    throw badRequest(`${field} names ids that do not exist in this organisation: ${unique.filter((id) => !have.has(id)).join(', ')}`);
  }
}

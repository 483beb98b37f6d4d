import { RISKS } from '../analysis/analysis.vocab.ts';
import type { Db } from '../db/database.ts';
import { badRequest } from '../core/errors.ts';
import { alertsMessages } from './alerts.messages.ts';
import type { MentionConditions, QuietHours, RuleBody, VolumeConditions } from './alerts.schemas.ts';
import { MAX_COOLDOWN_MINUTES, MAX_WINDOW_MINUTES, RATING_MAX, RATING_MIN } from './alerts.vocab.ts';

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
    if (rule.volume) throw badRequest(alertsMessages.text('mentionTakesNoVolume'));
    if (!rule.mention || !hasMentionCondition(rule.mention)) throw badRequest(alertsMessages.text('mentionNeedsCondition'));
    checkMention(rule.mention);
  } else {
    if (rule.mention) throw badRequest(alertsMessages.text('volumeTakesNoMention'));
    if (!rule.volume) throw badRequest(alertsMessages.text('volumeNeedsConditions'));
    checkVolume(rule.volume);
  }
  if (rule.cooldownMinutes < 0 || rule.cooldownMinutes > MAX_COOLDOWN_MINUTES) throw badRequest(alertsMessages.text('cooldownRange', { max: String(MAX_COOLDOWN_MINUTES) }));
  if (rule.quietHours) checkQuietHours(rule.quietHours);
  await assertAllInOrg(db, 'locations', orgId, rule.scope.locationIds, 'scope.locationIds');
  await assertAllInOrg(db, 'departments', orgId, rule.scope.departmentIds, 'scope.departmentIds');
  await assertAllInOrg(db, 'sources', orgId, rule.scope.sourceIds, 'scope.sourceIds');
  await assertAllInOrg(db, 'staff', orgId, rule.mention?.staffIds ?? [], 'mention.staffIds');
  await assertAllInOrg(db, 'alert_channels', orgId, rule.channelIds, 'channelIds');
}

function checkMention(m: MentionConditions): void {
  if (m.ratingAtMost !== undefined && m.ratingAtMost < RATING_MIN) throw badRequest(alertsMessages.text('ratingTooLow', { value: String(m.ratingAtMost) }));
  if (m.ratingAtMost !== undefined && m.ratingAtMost > RATING_MAX) throw badRequest(alertsMessages.text('ratingTooHigh'));
  const unknown = (m.risks ?? []).filter((r) => !(RISKS as readonly string[]).includes(r));
  // The ids, not their names, in every language: they are what the API takes.
  if (unknown.length) throw badRequest(alertsMessages.text('unknownRisks', { unknown: unknown.join(', '), known: RISKS.join(', ') }));
}

function checkVolume(v: VolumeConditions): void {
  if (v.windowMinutes < 1) throw badRequest(alertsMessages.text('windowTooShort'));
  if (v.windowMinutes > MAX_WINDOW_MINUTES) throw badRequest(alertsMessages.text('windowTooLong', { max: String(MAX_WINDOW_MINUTES) }));
  if (v.minCount < 1) throw badRequest(alertsMessages.text('minCountTooLow'));
  if (v.metric === 'negative_count' && v.threshold < 1) throw badRequest(alertsMessages.text('countThresholdTooLow'));
  if (v.metric === 'negative_share' && (v.threshold <= 0 || v.threshold > 1)) throw badRequest(alertsMessages.text('shareThresholdRange', { value: String(v.threshold) }));
  if (v.metric === 'spike' && v.threshold <= 1) throw badRequest(alertsMessages.text('spikeThresholdTooLow'));
}

function checkQuietHours(q: QuietHours): void {
  if (q.start === q.end) throw badRequest(alertsMessages.text('quietSameTime'));
  try {
    new Intl.DateTimeFormat('en', { timeZone: q.timezone });
  } catch {
    throw badRequest(alertsMessages.text('quietBadZone', { timezone: q.timezone }));
  }
}

async function assertAllInOrg(db: Db, table: 'locations' | 'departments' | 'sources' | 'staff' | 'alert_channels', orgId: string, wanted: string[], field: string): Promise<void> {
  const unique = [...new Set(wanted)];
  if (!unique.length) return;
  const found = await db.selectFrom(table).select('id').where('org_id', '=', orgId).where('id', 'in', unique).execute();
  if (found.length !== unique.length) {
    const have = new Set(found.map((r) => r.id));
    throw badRequest(alertsMessages.text('idsNotInOrg', { field, ids: unique.filter((id) => !have.has(id)).join(', ') }));
  }
}

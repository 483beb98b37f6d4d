import type { Db } from '../db/database.ts';
import { sql } from 'kysely';
import type { AppContext } from '../core/context.ts';
import { publicBaseUrl } from '../core/config.ts';
import { enqueueNotification } from '../notifications/index.ts';
import { renderWords, type Words } from '../core/i18n.ts';
import { updateTexts } from './alert-texts.ts';
import type { RuleView } from './alerts.schemas.ts';
import { ALERT_MENTION_IDS, type CountMode, type QuietHours } from './alerts.vocab.ts';
import { quietUntil } from './quiet-hours.ts';

export interface AlertOccurrence {
  /** Mentions newly matched (mention rules); empty for volume rules. */
  mentionIds: string[];
  /** The alert's count after this occurrence: added to it (mention rules) or its new peak (volume rules). */
  count: number;
  countMode: CountMode;
  /** Message codes or words people wrote (alert-texts.ts); the alert row keeps them in English and as codes, so each reader gets their language. */
  title: Words;
  summary: Words;
  isUrgent: boolean;
}

/** The key that tells one scope of a rule from another: an alert groups matches of the same rule and scope. */
export function scopeKey(rule: Pick<RuleView, 'scope'>): string {
  const s = rule.scope;
  return JSON.stringify([[...s.locationIds].sort(), [...s.departmentIds].sort(), [...s.sourceIds].sort()]);
}

export function alertUrl(ctx: AppContext, alertId: string): string {
  return `${publicBaseUrl(ctx.config)}/alerts?alert=${alertId}`;
}

/**
 * The departments an alert's notice quotes or counts: its mentions' (a mention rule), else the
 * departments its rule watches ([] for the whole organisation, a volume rule over every department).
 */
async function departmentsOf(trx: Db, orgId: string, mentionIds: string[], ruleDepartmentIds: string[]): Promise<(string | null)[]> {
  if (!mentionIds.length) return ruleDepartmentIds;
  const rows = await trx.selectFrom('mentions').select('department_id').distinct().where('org_id', '=', orgId).where('id', 'in', mentionIds).execute();
  return rows.map((r) => r.department_id);
}

/** A non-urgent notice waits out the rule's quiet hours; an urgent one (a risk flag) goes at once. */
export function holdUntil(quietHours: QuietHours | null, isUrgent: boolean, now: Date): Date | undefined {
  return isUrgent ? undefined : (quietUntil(quietHours, now) ?? undefined);
}

/**
 * Records an occurrence of a rule inside the caller's transaction (which holds the rule's row
 * lock): an open alert of the same rule and scope whose last match is within the cooldown absorbs
 * it and counts it; otherwise a new alert opens and its notification is enqueued. Summaries of
 * absorbed matches go out from sendAlertSummaries, at most once per cooldown. Returns the alert id.
 */
export async function recordAlert(ctx: AppContext, trx: Db, orgId: string, rule: RuleView, occurrence: AlertOccurrence, now: Date): Promise<{ alertId: string; isNew: boolean }> {
  const key = scopeKey(rule);
  const open = await trx
    .selectFrom('alerts')
    .select(['id'])
    .where('rule_id', '=', rule.id)
    .where('scope_key', '=', key)
    .where('status', '=', 'open')
    .where('last_at', '>=', new Date(now.getTime() - rule.cooldownMinutes * 60_000))
    .orderBy('last_at', 'desc')
    .limit(1)
    .executeTakeFirst();

  if (open) {
    await trx
      .updateTable('alerts')
      .set({
        count: occurrence.countMode === 'add' ? sql<number>`count + ${occurrence.count}` : sql<number>`greatest(count, ${occurrence.count})`,
        mention_ids: sql<string[]>`(mention_ids || ${occurrence.mentionIds}::uuid[])[1:${sql.lit(ALERT_MENTION_IDS)}]`,
        is_urgent: sql<boolean>`is_urgent OR ${occurrence.isUrgent}`,
        last_at: now,
      })
      .where('id', '=', open.id)
      .execute();
    return { alertId: open.id, isNew: false };
  }

  const alert = await trx
    .insertInto('alerts')
    .values({
      org_id: orgId,
      rule_id: rule.id,
      scope_key: key,
      title: renderWords('en', occurrence.title),
      summary: renderWords('en', occurrence.summary),
      // The codes, so each reader of the alert list gets it in their language.
      title_message: typeof occurrence.title === 'string' ? null : JSON.stringify(occurrence.title),
      summary_message: typeof occurrence.summary === 'string' ? null : JSON.stringify(occurrence.summary),
      count: occurrence.count,
      notified_count: occurrence.count,
      mention_ids: occurrence.mentionIds.slice(0, ALERT_MENTION_IDS),
      is_urgent: occurrence.isUrgent,
      first_at: now,
      last_at: now,
      last_notified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueNotification(ctx.boss, trx, {
    orgId,
    title: occurrence.title,
    text: occurrence.summary,
    url: alertUrl(ctx, alert.id),
    channelIds: rule.channelIds,
    urgent: occurrence.isUrgent,
    notBefore: holdUntil(rule.quietHours, occurrence.isUrgent, now),
    departmentIds: await departmentsOf(trx, orgId, occurrence.mentionIds, rule.scope.departmentIds),
  });
  return { alertId: alert.id, isNew: true };
}

/**
 * Sends one summary per open alert that counted new matches since its last notice, once its
 * cooldown has passed since that notice. Claims each alert with a conditional update, so two
 * runs never send the same summary. Returns how many it sent; throws on a database error.
 */
export async function sendAlertSummaries(ctx: AppContext, now = new Date()): Promise<number> {
  const due = await ctx.db
    .selectFrom('alerts as a')
    .innerJoin('alert_rules as r', 'r.id', 'a.rule_id')
    .select(['a.id'])
    .where('a.status', '=', 'open')
    .where(sql<boolean>`a.count > a.notified_count`)
    .where(sql<boolean>`a.last_notified_at <= ${now}::timestamptz - make_interval(mins => r.cooldown_minutes)`)
    .limit(500)
    .execute();
  let sent = 0;
  for (const { id } of due) {
    const isSent = await ctx.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('alerts')
        .set({ notified_count: sql<number>`count`, last_notified_at: now })
        .where('id', '=', id)
        .where(sql<boolean>`count > notified_count`)
        .returning(['org_id', 'rule_id', 'title', 'count', 'is_urgent', 'mention_ids'])
        .executeTakeFirst();
      if (!claimed) return false;
      const rule = await trx.selectFrom('alert_rules').select(['name', 'channel_ids', 'quiet_hours', 'scope']).where('id', '=', claimed.rule_id).executeTakeFirstOrThrow();
      const update = updateTexts(claimed.title, rule.name, claimed.count);
      await enqueueNotification(ctx.boss, trx, {
        orgId: claimed.org_id,
        title: update.title,
        text: update.text,
        url: alertUrl(ctx, id),
        channelIds: rule.channel_ids,
        urgent: claimed.is_urgent,
        notBefore: holdUntil(rule.quiet_hours as QuietHours | null, claimed.is_urgent, now),
        departmentIds: await departmentsOf(trx, claimed.org_id, claimed.mention_ids, (rule.scope as RuleView['scope']).departmentIds),
      });
      return true;
    });
    if (isSent) sent++;
  }
  return sent;
}

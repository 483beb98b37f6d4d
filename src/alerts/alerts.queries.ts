import { sql } from 'kysely';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { AppError, badRequest, notFound } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { DEFAULT_LOCALE, renderText, type Locale } from '../core/i18n.ts';
import { scopeToViewer, wholeOrganisation, type Viewer } from '../core/viewer.ts';
import { maskConfig, openChannelConfig, sealChannelConfig, type ChannelKind } from '../notifications/index.ts';
import { alertsMessages } from './alerts.messages.ts';
import type { MentionConditions, QuietHours, RuleBody, RuleView, VolumeConditions } from './alerts.schemas.ts';
import { ALERTS_PAGE_SIZE, type AlertStatus, type RuleKind } from './alerts.vocab.ts';

/*
 * The alerts feature's SQL: channels, rules and alerts of one organisation. Every change and its
 * audit entry are written in one transaction; a row of another organisation reads as not found.
 */

const channelColumns = ['id', 'name', 'kind', 'enabled', 'config'] as const;

type ChannelRow = { id: string; name: string; kind: ChannelKind; enabled: boolean; config: Record<string, unknown> };
// alert_channels.kind is checked against CHANNEL_KINDS by the table's CHECK constraint.
const toChannelView = (c: ChannelRow) => ({ id: c.id, name: c.name, kind: c.kind, enabled: c.enabled, config: maskConfig(c.kind, c.config) });

// Secrets are encrypted at rest (core/secrets.ts): sealed on write, opened here on read, and
// masked in every answer (to every role: an admin replaces a secret, never reads it back).
const opened = (row: ChannelRow): ChannelRow => ({ ...row, config: openChannelConfig(row.kind, row.config) });

export async function findChannels(db: Db, orgId: string) {
  const rows = await db.selectFrom('alert_channels').select(channelColumns).where('org_id', '=', orgId).orderBy('name').orderBy('id').execute();
  return rows.map((row) => toChannelView(opened(row)));
}

/** A channel of the organisation with its secrets decrypted (for PATCH); throws not_found otherwise. */
export async function getChannelRow(db: Db, orgId: string, id: string): Promise<ChannelRow> {
  const row = await db.selectFrom('alert_channels').select(channelColumns).where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound('alert channel');
  return opened(row);
}

export async function getChannel(db: Db, orgId: string, id: string) {
  return toChannelView(await getChannelRow(db, orgId, id));
}

/** Throws bad_request unless every id names a user of the organisation. */
export async function assertUsersInOrg(db: Db, orgId: string, userIds: string[]): Promise<void> {
  if (!userIds.length) return;
  const found = await db.selectFrom('users').select('id').where('org_id', '=', orgId).where('id', 'in', userIds).execute();
  if (found.length !== new Set(userIds).size) throw badRequest(alertsMessages.text('unknownUsers'));
}

/** Creates a channel with an already validated config; returns its id. */
export async function createChannel(db: Db, by: AuditBy, channel: { name: string; kind: ChannelKind; enabled: boolean; config: Record<string, unknown> }): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('alert_channels')
      .values({ org_id: by.orgId, name: channel.name, kind: channel.kind, enabled: channel.enabled, config: JSON.stringify(sealChannelConfig(channel.kind, channel.config)) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { ...by, action: 'alert_channel.create', targetType: 'alert_channel', targetId: row.id, details: { kind: channel.kind, name: channel.name } });
    return row.id;
  });
}

/** Changes a channel of the organisation (a new config already validated); the audit entry says whether the config changed, never what it holds. */
export async function updateChannel(db: Db, by: AuditBy, id: string, changes: { kind: ChannelKind; name?: string; enabled?: boolean; config?: Record<string, unknown> }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('alert_channels')
      .set({ name: changes.name, enabled: changes.enabled, ...(changes.config ? { config: JSON.stringify(sealChannelConfig(changes.kind, changes.config)) } : {}) })
      .where('id', '=', id)
      .where('org_id', '=', by.orgId)
      .execute();
    await recordAudit(trx, {
      ...by,
      action: 'alert_channel.update',
      targetType: 'alert_channel',
      targetId: id,
      details: { name: changes.name, enabled: changes.enabled, config: changes.config ? 'changed' : undefined },
    });
  });
}

/** Deletes a channel and removes it from the rules that used it; throws not_found for a channel of another organisation. */
export async function deleteChannel(db: Db, by: AuditBy, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('alert_channels').where('id', '=', id).where('org_id', '=', by.orgId).returning('id').executeTakeFirst();
    if (!gone) throw notFound('alert channel');
    // Rules keep no dangling channel ids.
    await trx
      .updateTable('alert_rules')
      .set((eb) => ({ channel_ids: eb.fn<string[]>('array_remove', ['channel_ids', eb.val(gone.id)]) }))
      .where('org_id', '=', by.orgId)
      .execute();
    await recordAudit(trx, { ...by, action: 'alert_channel.delete', targetType: 'alert_channel', targetId: gone.id });
  });
}

type RuleRow = {
  id: string;
  name: string;
  enabled: boolean;
  kind: RuleKind;
  scope: { locationIds: string[]; departmentIds: string[]; sourceIds: string[] };
  mention: unknown;
  volume: unknown;
  channel_ids: string[];
  cooldown_minutes: number;
  quiet_hours: unknown;
  created_at: Date;
};

export const ruleColumns = ['id', 'name', 'enabled', 'kind', 'scope', 'mention', 'volume', 'channel_ids', 'cooldown_minutes', 'quiet_hours', 'created_at'] as const;

export function toRuleView(r: RuleRow): RuleView {
  return {
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    // alert_rules.kind is checked against RULE_KINDS by the table's CHECK constraint; the JSON columns were validated on the way in.
    kind: r.kind,
    scope: r.scope,
    mention: (r.mention as MentionConditions | null) ?? null,
    volume: (r.volume as VolumeConditions | null) ?? null,
    channelIds: r.channel_ids,
    cooldownMinutes: r.cooldown_minutes,
    quietHours: (r.quiet_hours as QuietHours | null) ?? null,
    createdAt: r.created_at,
  };
}

function ruleValues(b: RuleBody) {
  return {
    name: b.name,
    enabled: b.enabled,
    kind: b.kind,
    scope: JSON.stringify(b.scope),
    mention: b.mention ? JSON.stringify(b.mention) : null,
    volume: b.volume ? JSON.stringify(b.volume) : null,
    channel_ids: [...new Set(b.channelIds)],
    cooldown_minutes: b.cooldownMinutes,
    quiet_hours: b.quietHours ? JSON.stringify(b.quietHours) : null,
  };
}

export async function findRules(db: Db, orgId: string): Promise<RuleView[]> {
  const rows = await db.selectFrom('alert_rules').select(ruleColumns).where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toRuleView);
}

/** A rule of the organisation; throws not_found otherwise. */
export async function getRule(db: Db, orgId: string, id: string): Promise<RuleView> {
  const row = await db.selectFrom('alert_rules').select(ruleColumns).where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound('alert rule');
  return toRuleView(row);
}

/** Creates a rule validated by validateRule. */
export async function createRule(db: Db, by: AuditBy, rule: RuleBody): Promise<RuleView> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('alert_rules')
      .values({ org_id: by.orgId, ...ruleValues(rule) })
      .returning(ruleColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { ...by, action: 'alert_rule.create', targetType: 'alert_rule', targetId: row.id, details: { name: rule.name, kind: rule.kind } });
    return toRuleView(row);
  });
}

/** Replaces a rule with its merged, validated form; `fields` names what the request changed. Throws not_found for a rule of another organisation. */
export async function updateRule(db: Db, by: AuditBy, id: string, rule: RuleBody, fields: string[]): Promise<RuleView> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('alert_rules').set(ruleValues(rule)).where('id', '=', id).where('org_id', '=', by.orgId).returning(ruleColumns).executeTakeFirst();
    if (!row) throw notFound('alert rule');
    await recordAudit(trx, { ...by, action: 'alert_rule.update', targetType: 'alert_rule', targetId: row.id, details: { fields } });
    return toRuleView(row);
  });
}

/** Throws not_found for a rule of another organisation. */
export async function deleteRule(db: Db, by: AuditBy, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('alert_rules').where('id', '=', id).where('org_id', '=', by.orgId).returning('id').executeTakeFirst();
    if (!gone) throw notFound('alert rule');
    await recordAudit(trx, { ...by, action: 'alert_rule.delete', targetType: 'alert_rule', targetId: gone.id });
  });
}

const alertCursorAt = sql<string>`to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * An alert quotes and counts the texts of its mentions, so a department-scoped viewer sees it only
 * when every one of its mentions is in a department they may see; an alert of no mention (a volume
 * rule) only when its rule watches departments and each is theirs (never one over the whole
 * organisation: its counts are every department's).
 */
function visibleToViewer(viewer: Viewer) {
  if (!viewer.departmentIds) return sql<boolean>`true`;
  return sql<boolean>`CASE WHEN cardinality(a.mention_ids) > 0
    THEN NOT EXISTS (SELECT 1 FROM mentions m WHERE m.org_id = ${viewer.orgId} AND m.id = ANY(a.mention_ids) AND NOT coalesce(${scopeToViewer('m.department_id', viewer)}, false))
    ELSE jsonb_array_length(r.scope->'departmentIds') > 0
      AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(r.scope->'departmentIds') AS d(id) WHERE NOT coalesce(${scopeToViewer('d.id', viewer)}, false)) END`;
}

function alertsQuery(db: Db, viewer: Viewer) {
  const { orgId } = viewer;
  return (
    db
      .selectFrom('alerts as a')
      .innerJoin('alert_rules as r', 'r.id', 'a.rule_id')
      // The case the alert caused: the first opened case holding one of its mentions.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('case_mentions as cm')
            .innerJoin('cases as c', 'c.id', 'cm.case_id')
            .select(['c.id as caseId', 'c.number as caseNumber'])
            .where('c.org_id', '=', orgId)
            .where(sql<boolean>`cm.mention_id = ANY(a.mention_ids)`)
            .orderBy('c.opened_at')
            .orderBy('c.id')
            .limit(1)
            .as('k'),
        (join) => join.onTrue(),
      )
      .select([
        'a.id',
        'a.rule_id as ruleId',
        'r.name as ruleName',
        'a.title',
        'a.summary',
        'a.title_message as titleMessage',
        'a.summary_message as summaryMessage',
        'k.caseId',
        'k.caseNumber',
        'a.count',
        sql<string[]>`a.mention_ids[1:50]`.as('mentionIds'),
        'a.first_at as firstAt',
        'a.last_at as lastAt',
        'a.status',
        'a.created_at as createdAt',
        alertCursorAt.as('cursorAt'),
      ])
      .where('a.org_id', '=', orgId)
      .where(visibleToViewer(viewer))
  );
}

type AlertRow = Awaited<ReturnType<ReturnType<typeof alertsQuery>['executeTakeFirstOrThrow']>>;
/** An alert in the reader's language: its codes rendered, else the English text it was stored with. */
const toAlertView = ({ cursorAt: _cursorAt, titleMessage, summaryMessage, ...a }: AlertRow, locale: Locale) => ({
  ...a,
  title: titleMessage ? renderText(locale, titleMessage) : a.title,
  summary: summaryMessage ? renderText(locale, summaryMessage) : a.summary,
  caseId: a.caseId ?? null,
  caseNumber: a.caseNumber ?? null,
  mentionIds: a.mentionIds ?? [],
  // alerts.status is checked against ALERT_STATUSES by the table's CHECK constraint.
  status: a.status,
});

/** A page of the alerts `viewer` may see in `locale`, newest first. Throws bad_request on a malformed cursor. */
export async function findAlerts(db: Db, viewer: Viewer, filters: { status?: AlertStatus; cursor?: string }, locale: Locale = DEFAULT_LOCALE) {
  let query = alertsQuery(db, viewer);
  if (filters.status) query = query.where('a.status', '=', filters.status);
  if (filters.cursor) {
    const [at, id] = decodeCursor(filters.cursor);
    query = query.where(sql<boolean>`(a.created_at, a.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(ALERTS_PAGE_SIZE + 1)
    .execute();
  const page = rows.slice(0, ALERTS_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map((row) => toAlertView(row, locale)),
    nextCursor: rows.length > ALERTS_PAGE_SIZE && last ? Buffer.from(JSON.stringify([last.cursorAt, last.id])).toString('base64url') : null,
  };
}

/** One alert `viewer` may see in `locale`; throws not_found otherwise. */
export async function getAlert(db: Db, viewer: Viewer, id: string, locale: Locale = DEFAULT_LOCALE) {
  const row = await alertsQuery(db, viewer).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('alert');
  return toAlertView(row, locale);
}

/** Acknowledges an open alert `viewer` may see; throws not_found for another's, conflict when it is already acknowledged. */
export async function acknowledgeAlert(db: Db, by: AuditBy, id: string, viewer: Viewer = wholeOrganisation(by.orgId)): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const alert = await getAlert(trx, viewer, id);
    if (alert.status === 'acknowledged') throw new AppError('conflict', alertsMessages.text('alreadyAcknowledged'));
    await trx.updateTable('alerts').set({ status: 'acknowledged', acknowledged_at: new Date(), acknowledged_by: by.userId }).where('id', '=', alert.id).where('org_id', '=', by.orgId).execute();
    await recordAudit(trx, { ...by, action: 'alert.acknowledge', targetType: 'alert', targetId: alert.id });
  });
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && /^[0-9a-f-]{36}$/.test(String(value[1])) && !Number.isNaN(Date.parse(value[0]))) {
      return [value[0], String(value[1])];
    }
  } catch {
    // falls through to the error below
  }
  throw badRequest(alertsMessages.text('badCursor'));
}

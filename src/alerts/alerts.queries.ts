import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { maskConfig, type ChannelKind } from '../notifications/channel-config.ts';
import type { MentionConditions, QuietHours, RuleView, VolumeConditions } from './alerts.schemas.ts';

export const ALERTS_PAGE_SIZE = 50;

const channelColumns = ['id', 'name', 'kind', 'enabled', 'config'] as const;

type ChannelRow = { id: string; name: string; kind: string; enabled: boolean; config: Record<string, unknown> };
const toChannelView = (c: ChannelRow) => ({ id: c.id, name: c.name, kind: c.kind as ChannelKind, enabled: c.enabled, config: maskConfig(c.kind, c.config) });

export async function findChannels(db: Db, orgId: string) {
  const rows = await db.selectFrom('alert_channels').select(channelColumns).where('org_id', '=', orgId).orderBy('name').orderBy('id').execute();
  return rows.map(toChannelView);
}

/** A channel of the organisation with its secrets (for PATCH); throws not_found otherwise. */
export async function getChannelRow(db: Db, orgId: string, id: string): Promise<ChannelRow> {
  const row = await db.selectFrom('alert_channels').select(channelColumns).where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound('alert channel');
  return row;
}

export async function getChannel(db: Db, orgId: string, id: string) {
  return toChannelView(await getChannelRow(db, orgId, id));
}

type RuleRow = {
  id: string;
  name: string;
  enabled: boolean;
  kind: string;
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
    kind: r.kind as 'mention' | 'volume',
    scope: r.scope,
    mention: (r.mention as MentionConditions | null) ?? null,
    volume: (r.volume as VolumeConditions | null) ?? null,
    channelIds: r.channel_ids,
    cooldownMinutes: r.cooldown_minutes,
    quietHours: (r.quiet_hours as QuietHours | null) ?? null,
    createdAt: r.created_at,
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

const alertCursorAt = sql<string>`to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function alertsQuery(db: Db, orgId: string) {
  return db
    .selectFrom('alerts as a')
    .innerJoin('alert_rules as r', 'r.id', 'a.rule_id')
    .select([
      'a.id',
      'a.rule_id as ruleId',
      'r.name as ruleName',
      'a.title',
      'a.summary',
      'a.count',
      sql<string[]>`a.mention_ids[1:50]`.as('mentionIds'),
      'a.first_at as firstAt',
      'a.last_at as lastAt',
      'a.status',
      'a.created_at as createdAt',
      alertCursorAt.as('cursorAt'),
    ])
    .where('a.org_id', '=', orgId);
}

type AlertRow = Awaited<ReturnType<ReturnType<typeof alertsQuery>['executeTakeFirstOrThrow']>>;
const toAlertView = ({ cursorAt: _cursorAt, ...a }: AlertRow) => ({ ...a, mentionIds: a.mentionIds ?? [], status: a.status as 'open' | 'acknowledged' });

/** A page of the organisation's alerts, newest first. Throws bad_request on a malformed cursor. */
export async function findAlerts(db: Db, orgId: string, filters: { status?: string; cursor?: string }) {
  let query = alertsQuery(db, orgId);
  if (filters.status) query = query.where('a.status', '=', filters.status);
  if (filters.cursor) {
    const [at, id] = decodeCursor(filters.cursor);
    query = query.where(sql<boolean>`(a.created_at, a.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(ALERTS_PAGE_SIZE + 1).execute();
  const page = rows.slice(0, ALERTS_PAGE_SIZE);
  const last = page.at(-1);
  return { items: page.map(toAlertView), nextCursor: rows.length > ALERTS_PAGE_SIZE && last ? Buffer.from(JSON.stringify([last.cursorAt, last.id])).toString('base64url') : null };
}

/** One alert of the organisation; throws not_found otherwise. */
export async function getAlert(db: Db, orgId: string, id: string) {
  const row = await alertsQuery(db, orgId).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('alert');
  return toAlertView(row);
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
  throw badRequest('cursor is not one this API returned');
}

import type { Db } from '../db/database.ts';
import { sealChannelConfig } from '../notifications/index.ts';

/*
 * The demo organisation's alert channels and rules, as a clinic would set them up: the in-app bell
 * for everyone who reads alerts, an e-mail to the director and PR for risks (no SMTP server in the
 * demo, so it lands in the local outbox the admin can open), and rules for risk flags, very low
 * ratings and a spike of negatives. Names in the organisation's two working languages, like its roster.
 */

const CHANNELS = [
  { key: 'bell', name: '应用内提醒 / In-app bell', kind: 'in_app', config: {} },
  { key: 'leaders', name: '院领导与公关邮件 / Director and PR e-mail', kind: 'email', config: { to: ['director@demo.verity.local', 'pr@demo.verity.local'] } },
] as const;

const RULES = [
  { name: '重大风险 / Major risks', kind: 'mention', mention: { anyRisk: true }, volume: null, channels: ['bell', 'leaders'], cooldownMinutes: 60 },
  { name: '一星差评 / One-star reviews', kind: 'mention', mention: { ratingAtMost: 1 }, volume: null, channels: ['bell'], cooldownMinutes: 240 },
  {
    name: '差评激增 / Spike of negatives',
    kind: 'volume',
    mention: null,
    volume: { metric: 'spike', windowMinutes: 24 * 60, threshold: 3, minCount: 8 },
    channels: ['bell', 'leaders'],
    cooldownMinutes: 24 * 60,
  },
] as const;

/** Creates the demo's channels and rules once: an organisation that has any channel or rule keeps what it has. */
export async function seedDemoAlerts(db: Db, orgId: string): Promise<void> {
  const existing = await db
    .selectFrom('alert_channels')
    .select('id')
    .where('org_id', '=', orgId)
    .union(db.selectFrom('alert_rules').select('id').where('org_id', '=', orgId))
    .limit(1)
    .execute();
  if (existing.length) return;
  const ids = new Map<string, string>();
  for (const c of CHANNELS) {
    const row = await db
      .insertInto('alert_channels')
      .values({ org_id: orgId, name: c.name, kind: c.kind, config: JSON.stringify(sealChannelConfig(c.kind, c.config)) })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(c.key, row.id);
  }
  await db
    .insertInto('alert_rules')
    .values(
      RULES.map((r) => ({
        org_id: orgId,
        name: r.name,
        kind: r.kind,
        scope: JSON.stringify({ locationIds: [], departmentIds: [], sourceIds: [] }),
        mention: r.mention ? JSON.stringify(r.mention) : null,
        volume: r.volume ? JSON.stringify(r.volume) : null,
        channel_ids: r.channels.map((k) => ids.get(k)!),
        cooldown_minutes: r.cooldownMinutes,
      })),
    )
    .execute();
}

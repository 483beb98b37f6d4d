import type { Db } from '../db/database.ts';
import { recordAudit, type AuditBy } from '../audit/index.ts';

/** The replies feature's settings of an organisation. */
export interface ReplySettings {
  /** Four-eyes approval: the author (or last editor) of a public reply may not approve it. On by default. */
  fourEyes: boolean;
}

export const DEFAULT_REPLY_SETTINGS: ReplySettings = { fourEyes: true };

/** The organisation's reply settings, the defaults until it saves its own. */
export async function getReplySettings(db: Db, orgId: string): Promise<ReplySettings> {
  const row = await db.selectFrom('reply_settings').select('four_eyes').where('org_id', '=', orgId).executeTakeFirst();
  return row ? { fourEyes: row.four_eyes } : DEFAULT_REPLY_SETTINGS;
}

/** Saves the organisation's reply settings, with an audit entry naming what changed. */
export async function updateReplySettings(db: Db, by: AuditBy, settings: ReplySettings): Promise<ReplySettings> {
  return db.transaction().execute(async (trx) => {
    const before = await getReplySettings(trx, by.orgId);
    await trx
      .insertInto('reply_settings')
      .values({ org_id: by.orgId, four_eyes: settings.fourEyes })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ four_eyes: settings.fourEyes, updated_at: new Date() }))
      .execute();
    if (before.fourEyes !== settings.fourEyes) {
      await recordAudit(trx, {
        ...by,
        action: 'reply.settings',
        targetType: 'organisation',
        targetId: by.orgId,
        details: { before: { fourEyes: before.fourEyes }, after: { fourEyes: settings.fourEyes } },
      });
    }
    return settings;
  });
}

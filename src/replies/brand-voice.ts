import type { Db } from '../db/database.ts';
import { DEFAULT_BRAND_VOICE, type BrandVoiceRules } from './brand-voice-check.ts';

/** The organisation's brand-voice rules, or none (everything passes) when it has saved none. */
export async function getBrandVoice(db: Db, orgId: string): Promise<BrandVoiceRules> {
  const row = await db.selectFrom('brand_voice').select('rules').where('org_id', '=', orgId).executeTakeFirst();
  return row ? (row.rules as BrandVoiceRules) : DEFAULT_BRAND_VOICE;
}

export async function updateBrandVoice(db: Db, orgId: string, rules: BrandVoiceRules): Promise<BrandVoiceRules> {
  const value = JSON.stringify(rules);
  await db
    .insertInto('brand_voice')
    .values({ org_id: orgId, rules: value })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ rules: value, updated_at: new Date() }))
    .execute();
  return rules;
}

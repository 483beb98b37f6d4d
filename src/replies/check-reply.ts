import type { Db } from '../db/database.ts';
import { checkBrandVoice } from './brand-voice-check.ts';
import { getBrandVoice } from './brand-voice.ts';
import { checkPrivacy, type CheckResult } from './privacy-check.ts';

/** Runs the privacy check (with the organisation's staff roster) and its brand-voice rules on a draft. */
export async function checkReply(db: Db, orgId: string, text: string, lang: string): Promise<{ privacy: CheckResult; brandVoice: CheckResult }> {
  const roster = await db.selectFrom('staff').select(['name', 'aliases']).where('org_id', '=', orgId).execute();
  return { privacy: checkPrivacy(text, roster), brandVoice: checkBrandVoice(text, lang, await getBrandVoice(db, orgId)) };
}

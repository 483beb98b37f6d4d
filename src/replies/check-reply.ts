import type { Db } from '../db/database.ts';
import { checkBrandVoice, type BrandVoiceRules } from './brand-voice-check.ts';
import { getBrandVoice } from './brand-voice.ts';
import { checkPrivacy, type CheckResult, type Finding, type RosterName } from './privacy-check.ts';
import type { ReplyCheck } from './replies.vocab.ts';

/** What a draft is checked against: the organisation's staff roster and its brand voice. */
export interface CheckRules {
  roster: RosterName[];
  brandVoice: BrandVoiceRules;
}

export interface ReplyChecks {
  privacy: CheckResult;
  brandVoice: CheckResult;
}

/** A finding with the check that found it, as refusals list them. */
export type CheckedFinding = Finding & { check: ReplyCheck };

export async function loadCheckRules(db: Db, orgId: string): Promise<CheckRules> {
  const roster = await db.selectFrom('staff').select(['name', 'aliases']).where('org_id', '=', orgId).execute();
  return { roster, brandVoice: await getBrandVoice(db, orgId) };
}

/** Runs both checks with rules already loaded; never throws. */
export function checkReplyWith(rules: CheckRules, text: string, lang: string): ReplyChecks {
  return { privacy: checkPrivacy(text, rules.roster), brandVoice: checkBrandVoice(text, lang, rules.brandVoice) };
}

/** Runs the privacy check (with the organisation's staff roster) and its brand-voice rules on a draft. */
export async function checkReply(db: Db, orgId: string, text: string, lang: string): Promise<ReplyChecks> {
  return checkReplyWith(await loadCheckRules(db, orgId), text, lang);
}

/** Every finding of both checks, each marked with its check: what keeps an outward reply from ready, approval and posting. */
export function blockingFindings(checks: ReplyChecks): CheckedFinding[] {
  return [...checks.privacy.findings.map((f) => ({ check: 'privacy' as const, ...f })), ...checks.brandVoice.findings.map((f) => ({ check: 'brandVoice' as const, ...f }))];
}

import { renderText, type Locale } from '../core/i18n.ts';
import type { Finding } from './privacy-check.ts';
import { repliesMessages } from './replies.messages.ts';
import { FINDING_CODES, type FindingCode } from './replies.vocab.ts';

/** A finding as stored with a draft: those stored before findings had codes have only their English reason. */
export type StoredFinding = Omit<Finding, 'code'> & { code?: FindingCode };
export interface StoredCheck {
  ok: boolean;
  findings: StoredFinding[];
}

/** The code of a finding stored without one, from its English reason; undefined when it is not one we know. */
function codeOfReason(reason: string): { code: FindingCode; params?: Finding['params'] } | undefined {
  const tooLong = /^longer than (\d+) characters$/.exec(reason);
  if (tooLong) return { code: 'too_long', params: { max: tooLong[1]! } };
  const code = FINDING_CODES.find((c) => c !== 'too_long' && repliesMessages.render('en', `finding.${c}`) === reason);
  return code ? { code } : undefined;
}

/** A finding as a reader sees it: its reason in `locale`. */
export function localizeFinding(locale: Locale, stored: StoredFinding): StoredFinding {
  const coded = stored.code ? { code: stored.code, params: stored.params } : codeOfReason(stored.reason);
  if (!coded) return stored;
  return { ...stored, code: coded.code, ...(coded.params ? { params: coded.params } : {}), reason: renderText(locale, repliesMessages.text(`finding.${coded.code}`, coded.params)) };
}

/** A check's result with every reason in `locale`. */
export function localizeCheck(locale: Locale, result: StoredCheck): StoredCheck {
  return { ok: result.ok, findings: result.findings.map((f) => localizeFinding(locale, f)) };
}

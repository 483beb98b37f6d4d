import type { MentionConditions, Scope } from './alerts.schemas.ts';
import { COMPLAINT_SENTIMENTS } from '../analysis/analysis.vocab.ts';

/** The analysed columns of a mention that rules look at. */
export interface AnalysedMention {
  id: string;
  locationId: string | null;
  departmentId: string | null;
  sourceId: string;
  sentiment: string | null;
  risks: string[];
  staffIds: string[];
  rating: number | null;
  title: string | null;
  text: string;
}

/** Whether the mention lies in the scope; an empty list leaves that dimension open. */
export function isInScope(scope: Scope, m: AnalysedMention): boolean {
  if (scope.locationIds.length && (!m.locationId || !scope.locationIds.includes(m.locationId))) return false;
  if (scope.departmentIds.length && (!m.departmentId || !scope.departmentIds.includes(m.departmentId))) return false;
  if (scope.sourceIds.length && !scope.sourceIds.includes(m.sourceId)) return false;
  return true;
}

/**
 * Whether the mention meets every condition the rule sets (a list condition holds when any of its
 * items does). A rating condition never holds for an unrated mention.
 */
export function matchesConditions(c: MentionConditions, m: AnalysedMention): boolean {
  if (c.ratingAtMost !== undefined && (m.rating === null || m.rating > c.ratingAtMost)) return false;
  // "Negative sentiment" means a complaint: negative or mixed.
  if (c.sentimentNegative && !(COMPLAINT_SENTIMENTS as readonly (string | null)[]).includes(m.sentiment)) return false;
  if (c.anyRisk && m.risks.length === 0) return false;
  if (c.risks?.length && !c.risks.some((r) => m.risks.includes(r))) return false;
  if (c.staffIds?.length && !c.staffIds.some((s) => m.staffIds.includes(s))) return false;
  if (c.keywords?.length) {
    const haystack = `${m.title ?? ''}\n${m.text}`.toLocaleLowerCase();
    if (!c.keywords.some((k) => haystack.includes(k.toLocaleLowerCase()))) return false;
  }
  return true;
}

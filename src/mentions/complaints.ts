import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { COMPLAINT_SENTIMENTS } from '../analysis/analysis.vocab.ts';

/**
 * A complaint, wherever Verity counts them (negative shares and rollups' negative count, term
 * rollups, emerging topics, volume alerts, the alert rule "negative sentiment", scorecards'
 * complaints, the demo's work): a mention whose sentiment is negative OR mixed
 * (COMPLAINT_SENTIMENTS): "good care, but the bill was steep" is a complaint to follow up, even
 * though it also praises. The fragment is a where-condition on `column` (a sentiment column).
 */
export function isComplaint(column = 'm.sentiment'): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} IN (${sql.join(COMPLAINT_SENTIMENTS.map((s) => sql.lit(s)))})`;
}

/** Whether a sentiment label counts as a complaint (negative or mixed). */
export function isComplaintLabel(label: string | null | undefined): boolean {
  return label != null && (COMPLAINT_SENTIMENTS as readonly string[]).includes(label);
}

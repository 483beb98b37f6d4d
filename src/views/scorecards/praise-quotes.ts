import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { personalSpans, quoteSpan, quoteText, type QuoteSpan } from '../dashboards/quotes-text.ts';
import type { Period } from '../survey-reports/index.ts';
import { inPeriodExpr } from './score-data.ts';
import type { ScorecardSubject } from './scorecards.vocab.ts';

const MAX_QUOTE = 200;

export interface Quote {
  mentionId: string;
  text: string;
  at: Date;
}

type Span = [number, number];
const isSpan = (v: unknown): v is Span => Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';

/**
 * A praise quote with patient names masked, by the dashboards' quote rules (quotes-text.ts): every
 * name the replies' privacy check or the name patterns find unless it is the roster's or a staff
 * link of the analysis, phones, e-mails, ID numbers and the author's handle. The whole text when
 * short, else the clearest span around the staff member's name (at most MAX_QUOTE characters).
 */
export function maskQuote(text: string, author: string | null, roster: readonly string[], staffSpans: readonly Span[] = []): string {
  const masks = personalSpans(text, { staffSpans, rosterNames: roster, author });
  const quote: QuoteSpan = text.length <= MAX_QUOTE ? { start: 0, end: text.length, cutStart: false, cutEnd: false } : quoteSpan(text, staffSpans[0] ?? [0, 1], MAX_QUOTE);
  return quoteText(text, quote, masks).text;
}

/**
 * Up to `per` of the shortest clear praise quotes (positive mentions of the period, at least ten
 * characters) of each subject in `ids`, patient names masked; one statement for all.
 */
export async function praiseQuotes(db: Db, orgId: string, kind: ScorecardSubject, ids: string[], period: Period, per = 3): Promise<Map<string, Quote[]>> {
  const out = new Map<string, Quote[]>();
  if (ids.length === 0) return out;
  const subject = kind === 'staff' ? sql`CROSS JOIN LATERAL unnest(coalesce(m.staff_ids, '{}'::uuid[])) AS g(id)` : sql`CROSS JOIN LATERAL (SELECT m.department_id AS id) AS g`;
  const at = sql`coalesce(m.published_at, m.received_at)`;
  const rows = await sql<{ id: string; mention_id: string; text: string; author: string | null; staff: unknown; at: Date }>`
    SELECT id, mention_id, text, author, staff, at FROM (
      SELECT d.*, row_number() OVER (PARTITION BY d.id ORDER BY char_length(d.text), d.mention_id) AS n
      FROM (
        -- The same words twice (a template, a copied review) are one quote.
        SELECT DISTINCT ON (g.id, m.text) g.id, m.id AS mention_id, m.text, m.author_handle AS author, m.analysis->'staff' AS staff, ${at} AS at
        FROM mentions m ${subject}
        WHERE m.org_id = ${orgId} AND m.sentiment = 'positive' AND m.status <> 'dismissed' AND char_length(m.text) >= 10
          AND g.id = ANY(${sql.val(ids)}::uuid[]) AND ${inPeriodExpr(at, period)}
          AND NOT EXISTS (SELECT 1 FROM sources so WHERE so.id = m.source_id AND so.competitor IS NOT NULL)
        ORDER BY g.id, m.text, m.id
      ) d
    ) q WHERE n <= ${per} ORDER BY id, n`.execute(db);
  if (rows.rows.length === 0) return out;
  const staff = await db.selectFrom('staff').select(['name', 'aliases']).where('org_id', '=', orgId).execute();
  const roster = staff.flatMap((s) => [s.name, ...(s.aliases ?? [])]);
  for (const r of rows.rows) {
    const list = out.get(r.id) ?? [];
    list.push({ mentionId: r.mention_id, text: maskQuote(r.text, r.author, roster, Array.isArray(r.staff) ? r.staff.map((x: { span?: unknown }) => x?.span).filter(isSpan) : []), at: new Date(r.at) });
    out.set(r.id, list);
  }
  return out;
}

import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { checkPrivacy } from '../../replies/index.ts';
import type { Period } from '../survey-reports/index.ts';
import { inPeriodExpr } from './score-data.ts';
import type { ScorecardSubject } from './scorecards.vocab.ts';

const MASK = '•••';
const MAX_QUOTE = 240;

export interface Quote {
  mentionId: string;
  text: string;
  at: Date;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A praise quote with patient names masked: the author's own handle wherever it appears, and every
 * name the replies' privacy check finds (a title before a name: "Dr. Li", "王医生") unless it is a
 * name of the roster (the praised staff are meant to be named). Long texts are cut at MAX_QUOTE.
 */
export function maskQuote(text: string, author: string | null, roster: string[]): string {
  let out = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
  if (author && author.trim().length >= 2) out = out.replace(new RegExp(escape(author.trim()), 'giu'), MASK);
  const names = checkPrivacy(out)
    .findings.filter((f) => f.code === 'staff_name' && !roster.some((r) => r.length >= 2 && f.term.toLowerCase().includes(r.toLowerCase())))
    .sort((a, b) => b.span[0] - a.span[0]);
  for (const f of names) out = out.slice(0, f.span[0]) + MASK + out.slice(f.span[1]);
  return out;
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
  const rows = await sql<{ id: string; mention_id: string; text: string; author: string | null; at: Date }>`
    SELECT id, mention_id, text, author, at FROM (
      SELECT g.id, m.id AS mention_id, m.text, m.author_handle AS author, ${at} AS at,
             row_number() OVER (PARTITION BY g.id ORDER BY char_length(m.text), m.id) AS n
      FROM mentions m ${subject}
      WHERE m.org_id = ${orgId} AND m.sentiment = 'positive' AND m.status <> 'dismissed' AND char_length(m.text) >= 10
        AND g.id = ANY(${sql.val(ids)}::uuid[]) AND ${inPeriodExpr(at, period)}
        AND NOT EXISTS (SELECT 1 FROM sources so WHERE so.id = m.source_id AND so.competitor IS NOT NULL)
    ) q WHERE n <= ${per} ORDER BY id, n`.execute(db);
  if (rows.rows.length === 0) return out;
  const staff = await db.selectFrom('staff').select(['name', 'aliases']).where('org_id', '=', orgId).execute();
  const roster = staff.flatMap((s) => [s.name, ...(s.aliases ?? [])]);
  for (const r of rows.rows) {
    const list = out.get(r.id) ?? [];
    list.push({ mentionId: r.mention_id, text: maskQuote(r.text, r.author, roster), at: new Date(r.at) });
    out.set(r.id, list);
  }
  return out;
}

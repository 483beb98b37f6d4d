import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DashboardScope } from './dashboard-scope.ts';
import type { PainPoints } from './dashboards.schemas.ts';
import { mentionsInScope, mentionTime } from './pain-scope.ts';
import { addDays } from './pain-terms.ts';
import { personalSpans, QUOTE_MAX, quoteSpan, quoteText } from './quotes-text.ts';

type Quote = PainPoints['aspects'][number]['quotes'][number];

/** Candidates read per aspect (the latest), and quotes kept. */
const CANDIDATES = 12;
const QUOTES = 3;
/** The latest days read first. */
const RECENT_DAYS = 31;

interface Candidate {
  aspect: string;
  id: string;
  text: string;
  spans: unknown;
  staff: unknown;
  author_handle: string | null;
  published_at: Date | null;
  source_name: string;
  department_name: string | null;
}

type Span = [number, number];
const isSpan = (v: unknown): v is Span => Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';

/** The spans of the analysis' negative findings about `aspect`. */
function negativeSpans(spans: unknown, aspect: string): Span[] {
  if (!Array.isArray(spans)) return [];
  return spans.filter((a): a is { span: Span } => a?.aspect === aspect && a?.polarity === 'negative' && isSpan(a?.span)).map((a) => a.span);
}

const staffSpans = (staff: unknown): Span[] => (Array.isArray(staff) ? staff.map((s: { span?: unknown }) => s?.span).filter(isSpan) : []);

/**
 * Representative quotes for each aspect: of its latest negative mentions in scope (indexed,
 * limited reads per aspect: `aspects @> '{aspect:negative}'`, newest first), the shortest clear spans
 * about it, preferring a sentence of 20–100 characters, one not cut, one that needed no mask, and
 * a recent one; each mention and each text once, newest first.
 */
export async function loadQuotes(db: Db, scope: DashboardScope, aspects: readonly string[], rosterNames: readonly string[]): Promise<Map<string, Quote[]>> {
  const out = new Map<string, Quote[]>(aspects.map((a) => [a, []]));
  if (aspects.length === 0) return out;
  // First the period's last RECENT_DAYS, walking the (org_id, time) index back from its end (the aspect test is
  // written so that no index serves it: a top aspect is common, and the walk finds a dozen soon); then, for an
  // aspect with too few there, the whole period through the GIN index on aspects (a rare aspect).
  const recent = { from: addDays(scope.period.to, -(RECENT_DAYS - 1)) > scope.period.from ? addDays(scope.period.to, -(RECENT_DAYS - 1)) : scope.period.from, to: scope.period.to };
  const read = (list: readonly string[], days: { from: string; to: string }, walk: boolean) =>
    sql<Candidate>`
    SELECT a.aspect, q.*
    FROM unnest(${list}::text[]) AS a(aspect)
    CROSS JOIN LATERAL (
      SELECT m.id, m.text, m.analysis->'aspects' AS spans, m.analysis->'staff' AS staff, m.author_handle, m.published_at, s.name AS source_name, d.name AS department_name
      FROM mentions m
      JOIN sources s ON s.id = m.source_id
      LEFT JOIN departments d ON d.id = m.department_id
      WHERE ${mentionsInScope(scope, days)} AND ${walk ? sql`coalesce(m.aspects, '{}')` : sql`m.aspects`} @> ARRAY[a.aspect || ':negative']
      ORDER BY ${mentionTime} DESC, m.id DESC
      LIMIT ${CANDIDATES}
    ) q`.execute(db);
  const rows = (await read(aspects, recent, true)).rows;
  const thin = aspects.filter((a) => rows.filter((r) => r.aspect === a).length < QUOTES);
  if (thin.length && recent.from > scope.period.from) {
    const seen = new Set(rows.map((r) => r.id));
    rows.push(...(await read(thin, scope.period, false)).rows.filter((r) => !seen.has(r.id)));
  }
  const byAspect = new Map<string, Candidate[]>();
  for (const row of rows) byAspect.set(row.aspect, [...(byAspect.get(row.aspect) ?? []), row]);
  for (const [aspect, candidates] of byAspect) {
    const scored = candidates.flatMap((c, rank) => {
      const span = negativeSpans(c.spans, aspect)[0];
      if (!span) return [];
      const at = quoteSpan(c.text, span, QUOTE_MAX);
      const masks = personalSpans(c.text, { staffSpans: staffSpans(c.staff), rosterNames, author: c.author_handle });
      const { text, masked } = quoteText(c.text, at, masks);
      const length = [...text].length;
      if (length < 4) return [];
      const score = Math.max(0, 20 - length) / 10 + Math.max(0, length - 100) / 40 + (at.cutStart || at.cutEnd ? 0.5 : 0) + (masked ? 0.3 : 0) + rank / CANDIDATES;
      return [{ c, text, score, rank }];
    });
    const chosen: typeof scored = [];
    for (const s of scored.sort((a, b) => a.score - b.score)) {
      if (chosen.length >= QUOTES) break;
      if (!chosen.some((k) => k.text === s.text)) chosen.push(s);
    }
    out.set(
      aspect,
      chosen
        .sort((a, b) => a.rank - b.rank)
        .map(({ c, text }) => ({ mentionId: c.id, text, sourceName: c.source_name, publishedAt: c.published_at ? new Date(c.published_at) : null, departmentName: c.department_name })),
    );
  }
  return out;
}

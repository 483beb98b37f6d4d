import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { scopeToViewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { rollupInScope, type DashboardScope } from './dashboard-scope.ts';
import type { PainPoints } from './dashboards.schemas.ts';
import { mentionsInScope, mentionTime } from './pain-scope.ts';
import { emergingTerms, MIN_CURRENT, type TermCounts } from './pain-stats.ts';
import { addDays, contentWords } from './pain-terms.ts';
import { comparedWeeks } from './term-rollups.ts';
import { isComplaint } from '../../mentions/index.ts';

type Emerging = PainPoints['emerging'];

/** The most emerging terms shown. */
const SHOWN = 20;
/** A term is "concentrated" in the department that holds at least this share of its current mentions. */
const CONCENTRATED = 0.5;

/** Which rows of `mention_term_rollups` answer a scope (term-rollups.ts: one level per unit), or null when the mentions must be read (two units together). */
function rollupLevel(scope: DashboardScope): RawBuilder<SqlBool> | null {
  const { filters, viewer } = scope;
  const units = [filters.source, filters.location, filters.department ?? (viewer.departmentIds ? 'scoped' : undefined)].filter(Boolean).length;
  if (units > 1) return null;
  if (filters.source) return sql<SqlBool>`r.source_id = ${filters.source} AND r.location_id IS NULL AND r.department_id IS NULL`;
  if (filters.location) return sql<SqlBool>`r.location_id = ${filters.location} AND r.department_id IS NULL AND r.source_id IS NULL`;
  if (filters.department) return sql<SqlBool>`r.department_id = ${filters.department} AND ${scopeToViewer('r.department_id', viewer)} AND r.location_id IS NULL AND r.source_id IS NULL`;
  if (viewer.departmentIds) return sql<SqlBool>`r.department_id IS NOT NULL AND ${scopeToViewer('r.department_id', viewer)} AND r.location_id IS NULL AND r.source_id IS NULL`;
  return sql<SqlBool>`r.location_id IS NULL AND r.department_id IS NULL AND r.source_id IS NULL`;
}

interface Counted {
  terms: TermCounts[];
  /** Current mentions per term and department, where known. */
  byDepartment: Map<string, Map<string, number>> | null;
  /** The written form of a term met in the mentions read. */
  forms: Map<string, string>;
}

/** Term counts from the mentions themselves: the negative mentions in scope of both ranges, tokenised now. */
async function countFromMentions(db: Db, scope: DashboardScope, previous: { from: string; to: string }, current: { from: string; to: string }): Promise<Counted> {
  const rows = await sql<{ text: string; lang: string | null; department_id: string | null; current: boolean }>`
    SELECT m.text, m.lang, m.department_id, ${mentionTime} >= (${current.from}::date::timestamp AT TIME ZONE ${scope.period.timezone}) AS current
    FROM mentions m JOIN sources s ON s.id = m.source_id
    WHERE ${mentionsInScope(scope, { from: previous.from, to: current.to })} AND ${isComplaint()}`.execute(db);
  const counts = new Map<string, TermCounts>();
  const byDepartment = new Map<string, Map<string, number>>();
  const forms = new Map<string, string>();
  for (const row of rows.rows) {
    for (const [term, form] of contentWords(row.text, row.lang)) {
      let c = counts.get(term);
      if (!c) counts.set(term, (c = { term, current: 0, previous: 0 }));
      if (!forms.has(term)) forms.set(term, form);
      if (!row.current) {
        c.previous++;
        continue;
      }
      c.current++;
      if (row.department_id) {
        const d = byDepartment.get(term) ?? new Map<string, number>();
        d.set(row.department_id, (d.get(row.department_id) ?? 0) + 1);
        byDepartment.set(term, d);
      }
    }
  }
  return { terms: [...counts.values()], byDepartment, forms };
}

/** Term counts from the weekly rollups (only terms seen at least MIN_CURRENT times in both ranges together can be tested). */
async function countFromRollups(db: Db, scope: DashboardScope, level: RawBuilder<SqlBool>, weeks: { current: string[]; previous: string[] }): Promise<Counted> {
  const rows = await sql<{ term: string; current: number; previous: number }>`
    SELECT r.term, coalesce(sum(r.negative) FILTER (WHERE r.day >= ${weeks.current[0]}::date), 0)::int AS current, coalesce(sum(r.negative) FILTER (WHERE r.day < ${weeks.current[0]}::date), 0)::int AS previous
    FROM mention_term_rollups r
    WHERE r.org_id = ${scope.viewer.orgId} AND r.day BETWEEN ${weeks.previous[0]}::date AND ${weeks.current[weeks.current.length - 1]}::date AND ${level}
    GROUP BY r.term
    HAVING sum(r.negative) >= ${MIN_CURRENT}`.execute(db);
  return { terms: rows.rows, byDepartment: null, forms: new Map() };
}

/** Current mentions of each term per department, from the department rows of the rollups. */
async function departmentsOfTerms(db: Db, scope: DashboardScope, terms: string[], weeks: string[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (terms.length === 0) return out;
  const rows = await sql<{ term: string; department_id: string; n: number }>`
    SELECT r.term, r.department_id, sum(r.negative)::int AS n
    FROM mention_term_rollups r
    WHERE r.org_id = ${scope.viewer.orgId} AND r.day BETWEEN ${weeks[0]}::date AND ${weeks[weeks.length - 1]}::date
      AND r.location_id IS NULL AND r.source_id IS NULL AND r.department_id IS NOT NULL AND ${scopeToViewer('r.department_id', scope.viewer)} AND r.term = ANY(${terms}::text[])
    GROUP BY r.term, r.department_id`.execute(db);
  for (const row of rows.rows) {
    const d = out.get(row.term) ?? new Map<string, number>();
    d.set(row.department_id, row.n);
    out.set(row.term, d);
  }
  return out;
}

/** Negative mentions read for the written forms of stems: the latest of the period in scope (an emerging term is frequent in them by definition). */
const FORM_SAMPLE = 200;

/** The written form of Russian and English stems (a Chinese term is its word): the commonest form among the latest negative mentions in scope; a stem not met there stays as it is. */
async function writtenForms(db: Db, scope: DashboardScope, terms: string[], current: { from: string; to: string }): Promise<Map<string, string>> {
  const stems = new Set(terms.filter((t) => /^[\p{Script=Latin}\p{Script=Cyrillic}]+$/u.test(t)));
  const out = new Map<string, string>();
  if (stems.size === 0) return out;
  const rows = await sql<{ text: string; lang: string | null }>`
    SELECT m.text, m.lang FROM mentions m JOIN sources s ON s.id = m.source_id
    WHERE ${mentionsInScope(scope, current)} AND ${isComplaint()} AND (m.lang IS NULL OR m.lang <> 'zh')
    ORDER BY ${mentionTime} DESC LIMIT ${FORM_SAMPLE}`.execute(db);
  const tally = new Map<string, Map<string, number>>();
  for (const row of rows.rows) {
    for (const [term, form] of contentWords(row.text, row.lang)) {
      if (!stems.has(term)) continue;
      const t = tally.get(term) ?? new Map<string, number>();
      t.set(form, (t.get(form) ?? 0) + 1);
      tally.set(term, t);
    }
  }
  for (const [term, t] of tally) out.set(term, [...t].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]![0]);
  return out;
}

/**
 * Terms of negative mentions that rose significantly against the previous period (pain-stats.ts),
 * compared over whole org-local weeks (comparedWeeks) with the negative mentions of the same weeks
 * as the denominators. With a department filter, within it; else over the scope, each with the
 * department holding at least half of its current mentions, if one does.
 */
export async function loadEmerging(db: Db, scope: DashboardScope): Promise<Emerging> {
  const weeks = comparedWeeks(scope.period);
  const current = { from: weeks.current[0]!, to: addDays(weeks.current[weeks.current.length - 1]!, 6) };
  const previous = { from: weeks.previous[0]!, to: addDays(weeks.current[0]!, -1) };
  const negatives = await sql<{ current: number; previous: number }>`
    SELECT coalesce(sum(r.negative) FILTER (WHERE r.day >= ${current.from}::date), 0)::int AS current, coalesce(sum(r.negative) FILTER (WHERE r.day < ${current.from}::date), 0)::int AS previous
    FROM mention_rollups r WHERE ${rollupInScope('r', { ...scope, period: { ...scope.period, from: previous.from, to: current.to } })}`.execute(db);
  const { current: n1, previous: n0 } = negatives.rows[0] ?? { current: 0, previous: 0 };
  if (n1 === 0 || n0 === 0) return [];

  const level = rollupLevel(scope);
  const counted = level ? await countFromRollups(db, scope, level, weeks) : await countFromMentions(db, scope, previous, current);
  const found = emergingTerms(counted.terms, n1, n0).slice(0, SHOWN);
  if (found.length === 0) return [];

  const terms = found.map((t) => t.term);
  // The department rows count every location and source: they answer only a scope of the whole organisation or of the viewer's departments.
  const wide = !scope.filters.location && !scope.filters.source;
  const byDepartment = scope.filters.department ? null : (counted.byDepartment ?? (wide ? await departmentsOfTerms(db, scope, terms, weeks.current) : null));
  const departmentOf = (term: string, currentCount: number): string | null => {
    if (scope.filters.department) return scope.filters.department;
    const top = [...(byDepartment?.get(term) ?? [])].sort((a, b) => b[1] - a[1])[0];
    return top && top[1] >= CONCENTRATED * currentCount ? top[0] : null;
  };
  const forms = level ? await writtenForms(db, scope, terms, current) : counted.forms;
  const departmentIds = [...new Set(found.map((t) => departmentOf(t.term, t.current)).filter((d): d is string => d !== null))];
  const names = departmentIds.length
    ? new Map((await db.selectFrom('departments').select(['id', 'name']).where('org_id', '=', scope.viewer.orgId).where('id', 'in', departmentIds).execute()).map((d) => [d.id, d.name]))
    : new Map<string, string>();
  return found.map((t) => {
    const departmentId = departmentOf(t.term, t.current);
    return {
      term: forms.get(t.term) ?? t.term,
      current: t.current,
      previous: t.previous,
      ratio: Math.round(t.ratio * 100) / 100,
      q: t.q,
      departmentId,
      departmentName: departmentId ? (names.get(departmentId) ?? null) : null,
    };
  });
}

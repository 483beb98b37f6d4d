import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { wholeOrganisation } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { COMMUNICATION_DIMENSIONS } from '../../surveys/surveys.vocab.ts';
import { communicationReport, type Period } from '../survey-reports/index.ts';
import { QUALITY_INDICATORS, type QualityIndicator, type ScorecardSubject } from './scorecards.vocab.ts';
import { isComplaint } from '../../mentions/index.ts';

/** What the score is made of, counted for one staff member or department in a period. */
export interface SubjectCounts {
  praise: number;
  complaints: number;
  mentions: number;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** The four communication dimensions' means (1–4, null under the survey reports' minimum) and the responses behind them. */
  communication: { n: number; means: Record<string, number | null> } | null;
  visits: number;
  cases: { total: number; open: number; resolved: number; duplicates: number; inTime: number; overdue: number; openNotDue: number };
  indicators: Partial<Record<QualityIndicator, { events: number; exposures: number }>>;
}

export interface Subject {
  id: string;
  name: string;
  /** The staff member's title, or the department's code. */
  detail: string;
  departmentId: string | null;
  departmentName: string | null;
  aliases: string[];
}

/** A timestamp expression inside the period's days in the organisation's time zone (period.ts' inPeriod, for an expression). */
export function inPeriodExpr(expr: RawBuilder<unknown>, p: Period): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${expr} >= (${p.from}::date::timestamp AT TIME ZONE ${p.timezone}) AND ${expr} < ((${p.to}::date + 1)::timestamp AT TIME ZONE ${p.timezone}))`;
}

const emptyCounts = (): SubjectCounts => ({
  praise: 0,
  complaints: 0,
  mentions: 0,
  responses: 0,
  promoters: 0,
  passives: 0,
  detractors: 0,
  communication: null,
  visits: 0,
  cases: { total: 0, open: 0, resolved: 0, duplicates: 0, inTime: 0, overdue: 0, openNotDue: 0 },
  indicators: {},
});

/** The organisation's staff members or departments (every one: scope is applied by the caller). */
export async function findSubjects(db: Db, orgId: string, kind: ScorecardSubject): Promise<Subject[]> {
  if (kind === 'staff') {
    const rows = await db
      .selectFrom('staff as s')
      .leftJoin('departments as d', (j) => j.onRef('d.id', '=', 's.department_id').on('d.org_id', '=', orgId))
      .select(['s.id', 's.name', 's.title', 's.department_id', 'd.name as department_name', 's.aliases'])
      .where('s.org_id', '=', orgId)
      .orderBy('s.name')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, detail: r.title, departmentId: r.department_id, departmentName: r.department_name, aliases: r.aliases ?? [] }));
  }
  const rows = await db.selectFrom('departments').select(['id', 'name', 'code']).where('org_id', '=', orgId).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, detail: r.code, departmentId: r.id, departmentName: r.name, aliases: [] }));
}

/**
 * Counts every staff member's (or department's) praise, complaints, survey answers, visits, cases
 * and imported indicators in the period, for the whole organisation: the reference rates of the
 * score are the organisation's, whoever looks. A mention counts for a staff member when the
 * analysis linked them (`staff_ids`), for a department by its `department_id`; competitors'
 * sources never count. A staff member's cases are those with a mention naming them, a
 * department's those filed under it; both by when they were opened.
 */
export async function countSubjects(db: Db, orgId: string, kind: ScorecardSubject, period: Period): Promise<Map<string, SubjectCounts>> {
  const byStaff = kind === 'staff';
  const out = new Map<string, SubjectCounts>();
  const at = (id: string) => {
    let c = out.get(id);
    if (!c) out.set(id, (c = emptyCounts()));
    return c;
  };
  const mentionAt = sql`coalesce(m.published_at, m.received_at)`;
  const ownSource = sql<SqlBool>`NOT EXISTS (SELECT 1 FROM sources so WHERE so.id = m.source_id AND so.competitor IS NOT NULL)`;
  const mentionSubject = byStaff ? sql`CROSS JOIN LATERAL unnest(coalesce(m.staff_ids, '{}'::uuid[])) AS g(id)` : sql`CROSS JOIN LATERAL (SELECT m.department_id AS id) AS g`;

  const mentions = await sql<{ id: string; praise: number; complaints: number; total: number }>`
    SELECT g.id, count(*) FILTER (WHERE m.sentiment = 'positive')::int AS praise, count(*) FILTER (WHERE ${isComplaint()})::int AS complaints, count(*)::int AS total
    FROM mentions m ${mentionSubject}
    WHERE m.org_id = ${orgId} AND g.id IS NOT NULL AND m.status <> 'dismissed' AND ${ownSource} AND ${inPeriodExpr(mentionAt, period)}
    GROUP BY g.id`.execute(db);
  for (const r of mentions.rows) Object.assign(at(r.id), { praise: r.praise, complaints: r.complaints, mentions: r.total });

  const responseColumn = sql.ref(byStaff ? 'r.staff_id' : 'r.department_id');
  const responses = await sql<{ id: string; n: number; promoters: number; passives: number; detractors: number }>`
    SELECT ${responseColumn} AS id, count(*)::int AS n, count(*) FILTER (WHERE r.nps >= 9)::int AS promoters,
           count(*) FILTER (WHERE r.nps BETWEEN 7 AND 8)::int AS passives, count(*) FILTER (WHERE r.nps <= 6)::int AS detractors
    FROM survey_responses r
    WHERE r.org_id = ${orgId} AND r.status = 'submitted' AND ${responseColumn} IS NOT NULL AND ${inPeriodExpr(sql.ref('r.submitted_at'), period)}
    GROUP BY 1`.execute(db);
  for (const r of responses.rows) Object.assign(at(r.id), { responses: r.n, promoters: r.promoters, passives: r.passives, detractors: r.detractors });

  const communication = await communicationReport(db, wholeOrganisation(orgId), period, {});
  for (const row of byStaff ? communication.byStaff : communication.byDepartment) {
    if (!row.id) continue;
    at(row.id).communication = { n: row.n, means: Object.fromEntries(COMMUNICATION_DIMENSIONS.map((d) => [d, row.dimensions[d].mean])) };
  }

  const visitColumn = sql.ref(byStaff ? 'v.staff_id' : 'v.department_id');
  const visits = await sql<{ id: string; n: number }>`
    SELECT ${visitColumn} AS id, count(*)::int AS n FROM visits v
    WHERE v.org_id = ${orgId} AND ${visitColumn} IS NOT NULL AND ${inPeriodExpr(sql`coalesce(v.ended_at, v.started_at, v.created_at)`, period)}
    GROUP BY 1`.execute(db);
  for (const r of visits.rows) at(r.id).visits = r.n;

  const caseSubjects = byStaff
    ? sql`SELECT DISTINCT g.id, c.id AS case_id FROM cases c JOIN case_mentions cm ON cm.case_id = c.id JOIN mentions m ON m.id = cm.mention_id AND m.org_id = ${orgId}
          CROSS JOIN LATERAL unnest(coalesce(m.staff_ids, '{}'::uuid[])) AS g(id) WHERE c.org_id = ${orgId} AND ${inPeriodExpr(sql.ref('c.opened_at'), period)}`
    : sql`SELECT c.department_id AS id, c.id AS case_id FROM cases c WHERE c.org_id = ${orgId} AND c.department_id IS NOT NULL AND ${inPeriodExpr(sql.ref('c.opened_at'), period)}`;
  const cases = await sql<{ id: string; total: number; open: number; resolved: number; duplicates: number; in_time: number; overdue: number; open_not_due: number }>`
    WITH s AS (${caseSubjects})
    SELECT s.id, count(*)::int AS total,
           count(*) FILTER (WHERE c.status <> 'closed')::int AS open,
           count(*) FILTER (WHERE c.status = 'closed' AND c.outcome IS DISTINCT FROM 'duplicate')::int AS resolved,
           count(*) FILTER (WHERE c.outcome = 'duplicate')::int AS duplicates,
           count(*) FILTER (WHERE c.status = 'closed' AND c.outcome IS DISTINCT FROM 'duplicate' AND c.closed_at <= c.resolution_due_at)::int AS in_time,
           count(*) FILTER (WHERE c.status <> 'closed' AND c.resolution_due_at < now())::int AS overdue,
           count(*) FILTER (WHERE c.status <> 'closed' AND c.resolution_due_at >= now())::int AS open_not_due
    FROM s JOIN cases c ON c.id = s.case_id
    GROUP BY s.id`.execute(db);
  for (const r of cases.rows) at(r.id).cases = { total: r.total, open: r.open, resolved: r.resolved, duplicates: r.duplicates, inTime: r.in_time, overdue: r.overdue, openNotDue: r.open_not_due };

  // Indicator rows whose period overlaps the report's. A department takes its own rows (no staff
  // member) where it has them for an indicator, else the sum of its staff members' rows.
  const overlaps = sql<SqlBool>`q.period_end >= ${period.from}::date AND q.period_start <= ${period.to}::date`;
  const indicators = byStaff
    ? await sql<{ id: string; indicator: QualityIndicator; events: number; exposures: number }>`
        SELECT q.staff_id AS id, q.indicator, sum(q.events)::int AS events, sum(q.exposures)::int AS exposures
        FROM quality_indicators q WHERE q.org_id = ${orgId} AND q.staff_id IS NOT NULL AND ${overlaps} GROUP BY 1, 2`.execute(db)
    : await sql<{ id: string; indicator: QualityIndicator; events: number; exposures: number }>`
        SELECT coalesce(q.department_id, st.department_id) AS id, q.indicator,
               (CASE WHEN bool_or(q.staff_id IS NULL) THEN sum(q.events) FILTER (WHERE q.staff_id IS NULL) ELSE sum(q.events) END)::int AS events,
               (CASE WHEN bool_or(q.staff_id IS NULL) THEN sum(q.exposures) FILTER (WHERE q.staff_id IS NULL) ELSE sum(q.exposures) END)::int AS exposures
        FROM quality_indicators q LEFT JOIN staff st ON st.id = q.staff_id AND st.org_id = ${orgId}
        WHERE q.org_id = ${orgId} AND coalesce(q.department_id, st.department_id) IS NOT NULL AND ${overlaps} GROUP BY 1, 2`.execute(db);
  for (const r of indicators.rows) if (QUALITY_INDICATORS.includes(r.indicator)) at(r.id).indicators[r.indicator] = { events: r.events, exposures: r.exposures };
  return out;
}

/** Counts for a subject with nothing in the period. */
export function noCounts(): SubjectCounts {
  return emptyCounts();
}

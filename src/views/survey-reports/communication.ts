import { sql } from 'kysely';
import type { Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { COMMUNICATION_DIMENSIONS, type CommunicationDimension } from '../../surveys/surveys.vocab.ts';
import type { Period } from './period.ts';
import { responseFilter, type ReportFilters } from './response-filter.ts';
import { meanFigure } from './survey-stats.ts';
import type { SurveyReport } from './survey-reports.schemas.ts';

type Row = SurveyReport['communication']['byStaff'][number];

interface Definition {
  pages?: { questions?: { id?: unknown; type?: unknown }[] }[];
}

/** The ids of the communication questions of a version's definition. */
function communicationQuestions(definition: unknown): string[] {
  const d = (definition ?? {}) as Definition;
  return (d.pages ?? []).flatMap((p) => (p.questions ?? []).filter((q) => q.type === 'communication' && typeof q.id === 'string').map((q) => q.id as string));
}

/**
 * The four communication dimensions (answers 1–4) averaged per doctor and per department, each
 * with its sample size. Which answers are communication answers is read from the definition of
 * the version each response answered, so a question id reused for something else elsewhere never
 * counts. An answer outside 1–4 or not a number is left out; a mean under MIN_ANSWERS is null.
 */
export async function communicationReport(db: Db, viewer: Viewer, period: Period, filters: ReportFilters): Promise<SurveyReport['communication']> {
  const where = responseFilter(viewer, period, filters);
  const versions = await sql<{ survey_id: string; version: number; definition: unknown }>`
    SELECT sv.survey_id, sv.version, sv.definition FROM survey_versions sv
    WHERE EXISTS (SELECT 1 FROM survey_responses r WHERE ${where} AND r.survey_id = sv.survey_id AND r.version = sv.version)`.execute(db);
  const keys = versions.rows.flatMap((v) => communicationQuestions(v.definition).map((q) => `${v.survey_id}:${v.version}:${q}`));
  if (keys.length === 0) return { byStaff: [], byDepartment: [] };

  const group = async (by: 'staff' | 'department'): Promise<Row[]> => {
    const column = sql.ref(by === 'staff' ? 'r.staff_id' : 'r.department_id');
    const names = by === 'staff' ? sql`LEFT JOIN staff g ON g.id = a.group_id AND g.org_id = ${viewer.orgId}` : sql`LEFT JOIN departments g ON g.id = a.group_id AND g.org_id = ${viewer.orgId}`;
    const result = await sql<{ group_id: string | null; name: string | null; dim: string | null; n: number; total: number | null; responses: number }>`
      WITH answers AS (
        SELECT ${column} AS group_id, r.id AS response_id, dim,
               CASE WHEN jsonb_typeof(q.value -> dim) = 'number' THEN (q.value ->> dim)::numeric END AS val
        FROM survey_responses r
        CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(r.answers) = 'object' THEN r.answers ELSE '{}'::jsonb END) AS q(key, value)
        CROSS JOIN unnest(${sql.val([...COMMUNICATION_DIMENSIONS])}::text[]) AS dim
        WHERE ${where} AND jsonb_typeof(q.value) = 'object'
          AND (r.survey_id::text || ':' || r.version::text || ':' || q.key) = ANY(${sql.val(keys)}::text[])
      ), valid AS (SELECT * FROM answers WHERE val BETWEEN 1 AND 4)
      SELECT a.group_id, g.name, a.dim, count(*)::int AS n, sum(a.val)::float8 AS total, r.responses
      FROM valid a
      JOIN (SELECT group_id, count(DISTINCT response_id)::int AS responses FROM valid GROUP BY group_id) r ON r.group_id IS NOT DISTINCT FROM a.group_id
      ${names}
      GROUP BY a.group_id, g.name, a.dim, r.responses
      ORDER BY g.name NULLS LAST, a.group_id`.execute(db);
    const rows = new Map<string, Row>();
    for (const r of result.rows) {
      const key = r.group_id ?? '';
      let row = rows.get(key);
      if (!row) {
        row = {
          id: r.group_id,
          name: r.name,
          n: r.responses,
          dimensions: Object.fromEntries(COMMUNICATION_DIMENSIONS.map((d) => [d, { n: 0, mean: null }])) as Row['dimensions'],
        };
        rows.set(key, row);
      }
      row.dimensions[r.dim as CommunicationDimension] = { n: r.n, mean: meanFigure(r.total ?? 0, r.n) };
    }
    return [...rows.values()];
  };
  return { byStaff: await group('staff'), byDepartment: await group('department') };
}

import { sql } from 'kysely';
import { recordAudit, type AuditBy } from '../../audit/index.ts';
import { badRequest } from '../../core/errors.ts';
import { renderText, type Locale, type Text } from '../../core/i18n.ts';
import type { Db } from '../../db/database.ts';
import { indicatorOf, normalise, readIndicatorCsv, type IndicatorCells, type IndicatorColumn } from './read-indicator-csv.ts';
import { scorecardsMessages } from './scorecards.messages.ts';
import type { QualityIndicator } from './scorecards.vocab.ts';

export interface IndicatorRejection {
  row: number;
  column: IndicatorColumn | null;
  reason: Text;
}

export interface IndicatorImport {
  accepted: number;
  rejected: IndicatorRejection[];
}

interface GoodRow {
  periodStart: string;
  periodEnd: string;
  departmentId: string | null;
  staffId: string | null;
  indicator: QualityIndicator;
  events: number;
  exposures: number;
}

const COLUMN_LABEL: Record<IndicatorColumn, 'column.periodStart' | 'column.periodEnd' | 'column.department' | 'column.staff' | 'column.indicator' | 'column.events' | 'column.exposures'> = {
  periodStart: 'column.periodStart',
  periodEnd: 'column.periodEnd',
  department: 'column.department',
  staff: 'column.staff',
  indicator: 'column.indicator',
  events: 'column.events',
  exposures: 'column.exposures',
};

/** A column's name as a message parameter (English in the code's text; the reader's language when rendered). */
const columnName = (c: IndicatorColumn) => scorecardsMessages.render('en', COLUMN_LABEL[c]);

function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

interface Roster {
  departments: { id: string; code: string; name: string }[];
  staff: { id: string; name: string; department_id: string | null }[];
}

/** One row checked: the row to store, or why not (naming its row and column). */
function checkRow(r: IndicatorCells, roster: Roster): GoodRow | IndicatorRejection {
  const reject = (column: IndicatorColumn, code: Parameters<typeof scorecardsMessages.text>[0], params: Record<string, string | number> = {}): IndicatorRejection => ({
    row: r.row,
    column,
    reason: scorecardsMessages.text(code, { row: r.row, column: columnName(column), ...params }),
  });
  const c = r.cells;
  for (const col of ['periodStart', 'periodEnd', 'indicator', 'events', 'exposures'] as const) if (!c[col]) return reject(col, 'row.required');
  if (!c.department && !c.staff) return reject('department', 'row.required');
  if (!isDay(c.periodStart!)) return reject('periodStart', 'row.badDate', { value: c.periodStart! });
  if (!isDay(c.periodEnd!)) return reject('periodEnd', 'row.badDate', { value: c.periodEnd! });
  if (c.periodEnd! < c.periodStart!) return reject('periodEnd', 'row.endBeforeStart', { from: c.periodStart!, to: c.periodEnd! });
  let departmentId: string | null = null;
  if (c.department) {
    const key = normalise(c.department);
    const d = roster.departments.find((x) => normalise(x.code) === key) ?? roster.departments.find((x) => normalise(x.name) === key);
    if (!d) return reject('department', 'row.unknownDepartment', { value: c.department });
    departmentId = d.id;
  }
  let staffId: string | null = null;
  if (c.staff) {
    const key = normalise(c.staff);
    const named = roster.staff.filter((s) => normalise(s.name) === key);
    const matches = departmentId && named.length > 1 ? named.filter((s) => s.department_id === departmentId) : named;
    if (matches.length === 0) return reject('staff', 'row.unknownStaff', { value: c.staff });
    if (matches.length > 1) return reject('staff', 'row.ambiguousStaff', { value: c.staff });
    staffId = matches[0]!.id;
    departmentId ??= matches[0]!.department_id;
  }
  const indicator = indicatorOf(c.indicator!);
  if (!indicator) return reject('indicator', 'row.unknownIndicator', { value: c.indicator! });
  const count = (col: 'events' | 'exposures') => (/^\d{1,9}$/.test(c[col]!) ? Number(c[col]) : null);
  const events = count('events');
  if (events === null) return reject('events', 'row.badCount', { value: c.events! });
  const exposures = count('exposures');
  if (exposures === null) return reject('exposures', 'row.badCount', { value: c.exposures! });
  if (exposures === 0) return reject('exposures', 'row.noExposures');
  if (events > exposures) return reject('events', 'row.eventsOverExposures', { events, exposures });
  return { periodStart: c.periodStart!, periodEnd: c.periodEnd!, departmentId, staffId, indicator, events, exposures };
}

/**
 * Imports quality and safety indicators from a CSV: every good row is stored (a row for the same
 * indicator, period, department and staff member replaces the stored one: upsert on
 * quality_indicators_once_idx), every bad one is rejected with a reason naming its row and column.
 * One statement for the good rows and the `scorecards.indicators_import` audit entry in one
 * transaction. Throws bad_request for a file without rows or without a required column.
 */
export async function importIndicators(db: Db, by: AuditBy, text: string, locale: Locale = 'en'): Promise<IndicatorImport> {
  const read = readIndicatorCsv(text);
  if (!read.ok)
    throw badRequest(
      read.missing ? scorecardsMessages.text('import.missingColumn', { column: scorecardsMessages.render(locale, COLUMN_LABEL[read.missing]) }) : scorecardsMessages.text('import.empty'),
    );
  const [departments, staff] = await Promise.all([
    db.selectFrom('departments').select(['id', 'code', 'name']).where('org_id', '=', by.orgId).execute(),
    db.selectFrom('staff').select(['id', 'name', 'department_id']).where('org_id', '=', by.orgId).execute(),
  ]);
  const rejected: IndicatorRejection[] = [];
  const good: GoodRow[] = [];
  const seen = new Map<string, number>();
  for (const r of read.rows) {
    const checked = checkRow(r, { departments, staff });
    if ('reason' in checked) {
      rejected.push(checked);
      continue;
    }
    const key = [checked.periodStart, checked.periodEnd, checked.indicator, checked.departmentId, checked.staffId].join('|');
    const first = seen.get(key);
    if (first !== undefined) {
      rejected.push({ row: r.row, column: null, reason: scorecardsMessages.text('row.duplicate', { row: r.row, first }) });
      continue;
    }
    seen.set(key, r.row);
    good.push(checked);
  }
  await db.transaction().execute(async (trx) => {
    if (good.length) {
      const col = <K extends keyof GoodRow>(k: K) => good.map((g) => g[k]);
      await sql`
        INSERT INTO quality_indicators (org_id, period_start, period_end, department_id, staff_id, indicator, events, exposures, imported_by)
        SELECT ${by.orgId}, t.ps, t.pe, t.dep, t.st, t.ind, t.ev, t.ex, ${by.userId}
        FROM unnest(${sql.val(col('periodStart'))}::date[], ${sql.val(col('periodEnd'))}::date[], ${sql.val(col('departmentId'))}::uuid[], ${sql.val(col('staffId'))}::uuid[],
                    ${sql.val(col('indicator'))}::text[], ${sql.val(col('events'))}::int[], ${sql.val(col('exposures'))}::int[]) AS t(ps, pe, dep, st, ind, ev, ex)
        ON CONFLICT (org_id, period_start, period_end, indicator, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(staff_id, '00000000-0000-0000-0000-000000000000'::uuid))
        DO UPDATE SET events = excluded.events, exposures = excluded.exposures, imported_by = excluded.imported_by, imported_at = now()`.execute(trx);
    }
    await recordAudit(trx, { ...by, action: 'scorecards.indicators_import', targetType: 'organisation', targetId: by.orgId, details: { accepted: good.length, rejected: rejected.length } });
  });
  return { accepted: good.length, rejected };
}

/** A rejection's reason in the reader's language, its column named in that language too. */
export function renderRejection(locale: Locale, r: IndicatorRejection): string {
  return renderText(locale, { ...r.reason, params: { ...r.reason.params, ...(r.column ? { column: scorecardsMessages.render(locale, COLUMN_LABEL[r.column]) } : {}) } });
}

/** The organisation's stored indicators, newest period first (at most `limit`). */
export async function findIndicators(db: Db, orgId: string, limit = 500) {
  const rows = await db
    .selectFrom('quality_indicators as q')
    .leftJoin('departments as d', (j) => j.onRef('d.id', '=', 'q.department_id').on('d.org_id', '=', orgId))
    .leftJoin('staff as s', (j) => j.onRef('s.id', '=', 'q.staff_id').on('s.org_id', '=', orgId))
    .select([
      'q.id',
      sql<string>`q.period_start::text`.as('periodStart'),
      sql<string>`q.period_end::text`.as('periodEnd'),
      'q.department_id as departmentId',
      'd.name as departmentName',
      'q.staff_id as staffId',
      's.name as staffName',
      'q.indicator',
      'q.events',
      'q.exposures',
    ])
    .where('q.org_id', '=', orgId)
    .orderBy('q.period_start', 'desc')
    .orderBy('d.name')
    .orderBy('s.name')
    .limit(limit)
    .execute();
  return rows;
}

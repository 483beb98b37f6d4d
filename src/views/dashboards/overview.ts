import { sql } from 'kysely';
import type { Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { inPeriod, npsFigure } from '../survey-reports/index.ts';
import { bucketStart, bucketStarts, resolveScope, rollupInScope, rollupTable, share, shareInterval, unitsInScope, type DashboardScope } from './dashboard-scope.ts';
import type { DashboardFilters, Overview } from './dashboards.schemas.ts';
import { withoutJit } from './rollups.ts';
import { CASE_STATUSES, TIERS } from '../../cases/cases.vocab.ts';
import { sharingOverview } from '../../sharing/index.ts';

const round2 = (x: number) => Math.round(x * 100) / 100;
const ratingAvg = (sum: number, count: number) => (count ? round2(sum / count) : null);
/** The organisation-local day of a timestamp column. */
const localDay = (column: string, scope: DashboardScope) => sql`(${sql.ref(column)} AT TIME ZONE ${scope.period.timezone})::date`;

async function mentionsTile(db: Db, scope: DashboardScope): Promise<Overview['mentions']> {
  const rows = await sql<{ sourceId: string; start: string; total: number; positive: number; neutral: number; negative: number; risky: number; ratingSum: number; ratingCount: number }>`
    SELECT r.source_id AS "sourceId", ${bucketStart(sql`r.day`, scope.bucket)} AS start,
      sum(r.total)::int AS total, sum(r.positive)::int AS positive, sum(r.neutral)::int AS neutral, sum(r.negative)::int AS negative,
      sum(r.risky)::int AS risky, sum(r.rating_sum)::float8 AS "ratingSum", sum(r.rating_count)::int AS "ratingCount"
    FROM ${rollupTable('mention_rollups', scope, scope.bucket)} r WHERE ${rollupInScope('r', scope)}
    GROUP BY 1, 2`.execute(db);
  if (!rows.rows.length) return null;
  const sources = await db
    .selectFrom('sources')
    .select(['id', 'name', 'platform'])
    .where('org_id', '=', scope.viewer.orgId)
    .where('id', 'in', [...new Set(rows.rows.map((r) => r.sourceId))])
    .execute();
  const bySource = new Map(sources.map((s) => [s.id, { sourceId: s.id, name: s.name, platform: s.platform, total: 0, negative: 0 }]));
  const trend = new Map(bucketStarts(scope.period, scope.bucket).map((start) => [start, { start, total: 0, positive: 0, neutral: 0, negative: 0, ratingSum: 0, ratingCount: 0 }]));
  let total = 0;
  let negative = 0;
  let risky = 0;
  let ratingSum = 0;
  let ratingCount = 0;
  for (const r of rows.rows) {
    total += r.total;
    negative += r.negative;
    risky += r.risky;
    ratingSum += r.ratingSum;
    ratingCount += r.ratingCount;
    const s = bySource.get(r.sourceId);
    if (s) {
      s.total += r.total;
      s.negative += r.negative;
    }
    const point = trend.get(r.start);
    if (point) {
      point.total += r.total;
      point.positive += r.positive;
      point.neutral += r.neutral;
      point.negative += r.negative;
      point.ratingSum += r.ratingSum;
      point.ratingCount += r.ratingCount;
    }
  }
  return {
    total,
    negative,
    negativeShare: share(negative, total),
    negativeInterval: shareInterval(negative, total),
    ratingAvg: ratingAvg(ratingSum, ratingCount),
    ratingCount,
    risky,
    bySource: [...bySource.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
    trend: [...trend.values()].map(({ ratingSum: sum, ...p }) => ({ ...p, ratingAvg: ratingAvg(sum, p.ratingCount) })),
  };
}

async function npsTile(db: Db, scope: DashboardScope): Promise<Overview['nps']> {
  const rows = await sql<{ start: string; promoters: number; passives: number; detractors: number }>`
    SELECT ${bucketStart(localDay('r.submitted_at', scope), scope.bucket)} AS start,
      count(*) FILTER (WHERE r.nps >= 9)::int AS promoters, count(*) FILTER (WHERE r.nps BETWEEN 7 AND 8)::int AS passives, count(*) FILTER (WHERE r.nps <= 6)::int AS detractors
    FROM survey_responses r
    WHERE r.org_id = ${scope.viewer.orgId} AND r.status = 'submitted' AND r.nps IS NOT NULL AND ${inPeriod('r.submitted_at', scope.period)}
      AND ${unitsInScope(scope, { department: 'r.department_id', location: 'r.location_id' })}
    GROUP BY 1`.execute(db);
  if (!rows.rows.length) return null;
  const byStart = new Map(rows.rows.map((r) => [r.start, r]));
  const all = rows.rows.reduce((a, r) => ({ p: a.p + r.promoters, m: a.m + r.passives, d: a.d + r.detractors }), { p: 0, m: 0, d: 0 });
  const figure = npsFigure(all.p, all.m, all.d);
  return {
    n: figure.n,
    nps: figure.nps,
    interval: figure.interval,
    trend: bucketStarts(scope.period, scope.bucket).map((start) => {
      const r = byStart.get(start);
      const f = npsFigure(r?.promoters ?? 0, r?.passives ?? 0, r?.detractors ?? 0);
      return { start, n: f.n, nps: f.nps, interval: f.interval };
    }),
  };
}

async function casesTiles(db: Db, scope: DashboardScope): Promise<Pick<Overview, 'sla' | 'cases'>> {
  const orgId = scope.viewer.orgId;
  const units = unitsInScope(scope, { department: 'c.department_id', location: 'c.location_id' });
  const [sla, tiers, statuses] = await Promise.all([
    sql<{ due: number; met: number; overdue: number }>`
      SELECT count(*) FILTER (WHERE ${inPeriod('c.first_response_due_at', scope.period)})::int AS due,
        count(*) FILTER (WHERE ${inPeriod('c.first_response_due_at', scope.period)} AND c.responded_at <= c.first_response_due_at)::int AS met,
        count(*) FILTER (WHERE c.status <> 'closed' AND c.due_at < now())::int AS overdue
      FROM cases c WHERE c.org_id = ${orgId} AND ${units}`.execute(db),
    sql<{ tier: (typeof TIERS)[number]; open: number; opened: number }>`
      SELECT c.tier, count(*) FILTER (WHERE c.status <> 'closed')::int AS open, count(*) FILTER (WHERE ${inPeriod('c.opened_at', scope.period)})::int AS opened
      FROM cases c WHERE c.org_id = ${orgId} AND ${units} GROUP BY 1`.execute(db),
    sql<{ status: (typeof CASE_STATUSES)[number]; count: number }>`
      SELECT c.status, count(*)::int AS count FROM cases c
      WHERE c.org_id = ${orgId} AND ${units} AND (c.status <> 'closed' OR ${inPeriod('c.closed_at', scope.period)}) GROUP BY 1`.execute(db),
  ]);
  const s = sla.rows[0] ?? { due: 0, met: 0, overdue: 0 };
  const byTier = new Map(tiers.rows.map((t) => [t.tier, t]));
  const byStatus = new Map(statuses.rows.map((t) => [t.status, t.count]));
  const open = tiers.rows.reduce((n, t) => n + t.open, 0);
  const opened = tiers.rows.reduce((n, t) => n + t.opened, 0);
  return {
    sla: s.due || s.overdue ? { due: s.due, met: s.met, share: share(s.met, s.due), interval: shareInterval(s.met, s.due), overdueNow: s.overdue } : null,
    cases:
      open || opened || byStatus.size
        ? {
            open,
            byTier: TIERS.map((tier) => ({ tier, open: byTier.get(tier)?.open ?? 0, opened: byTier.get(tier)?.opened ?? 0 })),
            byStatus: CASE_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
          }
        : null,
  };
}

async function alertsTile(db: Db, scope: DashboardScope): Promise<Overview['alerts']> {
  const { location, department } = scope.filters;
  // Alerts carry no department: a department-scoped viewer, or a location or department filter, sees those with a mention in scope.
  const scoped = scope.viewer.departmentIds !== null || location || department;
  const inScope = scoped
    ? sql`AND EXISTS (SELECT 1 FROM mentions m WHERE m.org_id = a.org_id AND m.id = ANY(a.mention_ids) AND ${unitsInScope(scope, { department: 'm.department_id', location: 'm.location_id' })})`
    : sql``;
  const row = await sql<{ raised: number; open: number; urgent: number }>`
    SELECT count(*) FILTER (WHERE ${inPeriod('a.first_at', scope.period)})::int AS raised, count(*) FILTER (WHERE a.status = 'open')::int AS open,
      count(*) FILTER (WHERE a.status = 'open' AND a.is_urgent)::int AS urgent
    FROM alerts a WHERE a.org_id = ${scope.viewer.orgId} ${inScope}`.execute(db);
  const r = row.rows[0] ?? { raised: 0, open: 0, urgent: 0 };
  return r.raised || r.open ? r : null;
}

async function followupsTile(db: Db, scope: DashboardScope): Promise<Overview['followups']> {
  const orgId = scope.viewer.orgId;
  const units = unitsInScope(scope, { department: 'e.department_id' });
  const [checkins, tasks] = await Promise.all([
    sql<{ due: number; done: number; missed: number }>`
      SELECT count(*)::int AS due, count(*) FILTER (WHERE k.status = 'done')::int AS done, count(*) FILTER (WHERE k.status = 'missed')::int AS missed
      FROM followup_checkins k JOIN followup_enrolments e ON e.id = k.enrolment_id AND e.org_id = k.org_id
      WHERE k.org_id = ${orgId} AND k.status <> 'cancelled' AND ${inPeriod('k.due_at', scope.period)} AND ${units}`.execute(db),
    sql<{ open: number; overdue: number }>`
      SELECT count(*)::int AS open, count(*) FILTER (WHERE t.due_at < now())::int AS overdue
      FROM followup_tasks t JOIN followup_enrolments e ON e.id = t.enrolment_id AND e.org_id = t.org_id
      WHERE t.org_id = ${orgId} AND t.status = 'open' AND ${units}`.execute(db),
  ]);
  const k = checkins.rows[0] ?? { due: 0, done: 0, missed: 0 };
  const t = tasks.rows[0] ?? { open: 0, overdue: 0 };
  if (!k.due && !t.open) return null;
  // Adherence: done of the check-ins that came to an end (done or missed); those still scheduled are not yet either.
  const ended = k.done + k.missed;
  return { due: k.due, done: k.done, missed: k.missed, adherence: share(k.done, ended), interval: shareInterval(k.done, ended), openTasks: t.open, overdueTasks: t.overdue };
}

/**
 * The overview of one period for a viewer: mentions (from the rollups, our own sources), NPS,
 * first-response SLA, cases, alerts and follow-ups, each null where its capability has no rows in
 * scope for the period. The source filter narrows the mention figures only.
 */
export async function loadOverview(db: Db, viewer: Viewer, query: DashboardFilters): Promise<Overview> {
  return withoutJit(db, async (trx) => {
    const scope = await resolveScope(trx, viewer, query);
    const [mentions, nps, casesAndSla, alerts, followups, referrals] = await Promise.all([
      mentionsTile(trx, scope),
      npsTile(trx, scope),
      casesTiles(trx, scope),
      alertsTile(trx, scope),
      followupsTile(trx, scope),
      // Share links carry no department or location: the tile is the whole organisation's, for viewers who see all of it.
      viewer.departmentIds === null && !scope.filters.location && !scope.filters.department ? sharingOverview(trx, viewer.orgId, scope.period) : null,
    ]);
    return { period: { ...scope.period, bucket: scope.bucket }, mentions, nps, ...casesAndSla, alerts, followups, referrals };
  });
}

import { AppError, notFound } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n.ts';
import { viewerSees, type Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { resolvePeriod, type Period } from '../survey-reports/index.ts';
import { praiseQuotes } from './praise-quotes.ts';
import { scoreBoard } from './score-board.ts';
import { getScorecardSettings } from './scorecard-settings.ts';
import { scorecardsMessages } from './scorecards.messages.ts';
import type { LeaderboardViewType, ScorecardViewType } from './scorecards.schemas.ts';
import type { ScorecardSubject } from './scorecards.vocab.ts';

const TREND_MONTHS = 6;

/** The leaderboard of the viewer's staff (or departments) for a period (default the last 90 days), each ranked entry with its praise quotes. */
export async function leaderboard(db: Db, viewer: Viewer, query: { subject: ScorecardSubject; from?: string | undefined; to?: string | undefined }, locale: Locale): Promise<LeaderboardViewType> {
  const period = await resolvePeriod(db, viewer.orgId, query);
  const settings = await getScorecardSettings(db, viewer.orgId);
  const board = await scoreBoard(db, viewer, query.subject, period, settings, locale);
  const quotes = await praiseQuotes(
    db,
    viewer.orgId,
    query.subject,
    board.entries.map((e) => e.id),
    period,
    2,
  );
  for (const e of board.entries) e.quotes = quotes.get(e.id) ?? [];
  return { period, subject: query.subject, minSample: settings.minSample, weights: settings.weights, reference: board.reference, groups: board.groups, entries: board.entries };
}

/** The calendar months (organisation days) ending with the period's last month, oldest first. */
export function trendMonths(period: Period, months = TREND_MONTHS): Period[] {
  const [y, m] = period.to.split('-').map(Number) as [number, number];
  const out: Period[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const first = new Date(Date.UTC(y, m - 1 - i, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const to = i === 0 && period.to < last.toISOString().slice(0, 10) ? period.to : last.toISOString().slice(0, 10);
    out.push({ from: first.toISOString().slice(0, 10), to, timezone: period.timezone });
  }
  return out;
}

/**
 * Whether the signed-in user may read `subject`'s scorecard: their own roster entry always; anyone
 * else's only with scorecards.read and inside their departments. Throws not_found for an id that
 * is not the organisation's (whoever asks) and forbidden otherwise.
 */
export async function assertMayRead(db: Db, user: { viewer: Viewer; staffId: string | null; canRead: boolean }, kind: ScorecardSubject, id: string): Promise<{ departmentId: string | null }> {
  const row =
    kind === 'staff'
      ? await db.selectFrom('staff').select(['id', 'department_id']).where('org_id', '=', user.viewer.orgId).where('id', '=', id).executeTakeFirst()
      : await db.selectFrom('departments').select(['id', 'id as department_id']).where('org_id', '=', user.viewer.orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(kind === 'staff' ? 'staff member' : 'department');
  const own = kind === 'staff' && user.staffId === id;
  if (!own && !(user.canRead && viewerSees(user.viewer, row.department_id))) throw new AppError('forbidden', scorecardsMessages.text('notYours'));
  return { departmentId: row.department_id };
}

/**
 * One staff member's (or department's) scorecard: the entry with its place among everyone the
 * reader may compare it with (the whole organisation for their own card, else the reader's
 * scope), up to five praise quotes and the composite per month for the last six months. Access is
 * the caller's (assertMayRead).
 */
export async function scorecard(db: Db, viewer: Viewer, kind: ScorecardSubject, id: string, query: { from?: string | undefined; to?: string | undefined }, locale: Locale): Promise<ScorecardViewType> {
  const period = await resolvePeriod(db, viewer.orgId, query);
  const settings = await getScorecardSettings(db, viewer.orgId);
  const board = await scoreBoard(db, viewer, kind, period, settings, locale);
  const entry = board.entries.find((e) => e.id === id);
  if (!entry) throw notFound(kind === 'staff' ? 'staff member' : 'department');
  entry.quotes = (await praiseQuotes(db, viewer.orgId, kind, [id], period, 5)).get(id) ?? [];
  const trend: ScorecardViewType['trend'] = [];
  for (const month of trendMonths(period)) {
    const monthly = (await scoreBoard(db, viewer, kind, month, settings, locale)).entries.find((e) => e.id === id);
    trend.push({ month: month.from.slice(0, 7), from: month.from, to: month.to, responses: monthly?.responses ?? 0, score: monthly?.score ?? null, place: monthly?.place ?? null });
  }
  return { period, subject: kind, minSample: settings.minSample, weights: settings.weights, entry, trend };
}

import { sql } from 'kysely';
import type { Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { INVITATION_CHANNELS } from '../../outreach/outreach.vocab.ts';
import { communicationReport } from './communication.ts';
import { resolvePeriod } from './period.ts';
import { invitationFilter, responseFilter } from './response-filter.ts';
import { MIN_ANSWERS, meanFigure, npsFigure, shareFigure } from './survey-stats.ts';
import type { SurveyReport, SurveyReportFilters } from './survey-reports.schemas.ts';

const rate = (k: number, n: number) => (n === 0 ? null : Math.round((1000 * k) / n) / 10);

/**
 * The survey report of a period: NPS with its interval, CSAT (mean and share satisfied), FFT
 * (share positive), the communication dimensions per doctor and department, response rates per
 * channel and the NPS trend per week or month. Only submitted responses count; department heads
 * and staff see their departments' responses only.
 */
export async function surveyReport(db: Db, viewer: Viewer, query: SurveyReportFilters): Promise<SurveyReport> {
  const period = await resolvePeriod(db, viewer.orgId, query);
  const where = responseFilter(viewer, period, query);

  const head = await sql<{
    responses: number;
    promoters: number;
    passives: number;
    detractors: number;
    csat_n: number;
    csat_sum: number | null;
    csat_pos: number;
    fft_n: number;
    fft_pos: number;
    direct: number;
  }>`
    SELECT count(*)::int AS responses,
      count(*) FILTER (WHERE r.nps >= 9)::int AS promoters,
      count(*) FILTER (WHERE r.nps BETWEEN 7 AND 8)::int AS passives,
      count(*) FILTER (WHERE r.nps <= 6)::int AS detractors,
      count(r.csat)::int AS csat_n, sum(r.csat)::int AS csat_sum, count(*) FILTER (WHERE r.csat >= 4)::int AS csat_pos,
      count(r.fft)::int AS fft_n, count(*) FILTER (WHERE r.fft >= 4)::int AS fft_pos,
      count(*) FILTER (WHERE r.invitation_id IS NULL)::int AS direct
    FROM survey_responses r WHERE ${where}`.execute(db);
  const h = head.rows[0]!;

  const trendRows = await sql<{ start: string; responses: number; promoters: number; passives: number; detractors: number }>`
    SELECT to_char(date_trunc(${query.interval}, r.submitted_at AT TIME ZONE ${period.timezone}), 'YYYY-MM-DD') AS start,
      count(*)::int AS responses,
      count(*) FILTER (WHERE r.nps >= 9)::int AS promoters,
      count(*) FILTER (WHERE r.nps BETWEEN 7 AND 8)::int AS passives,
      count(*) FILTER (WHERE r.nps <= 6)::int AS detractors
    FROM survey_responses r WHERE ${where}
    GROUP BY 1 ORDER BY 1`.execute(db);

  const rateRows = await sql<{ channel: (typeof INVITATION_CHANNELS)[number]; sent: number; responded: number }>`
    SELECT i.channel, count(*)::int AS sent,
      count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM survey_responses r
        WHERE r.org_id = i.org_id AND r.status = 'submitted' AND (r.id = i.response_id OR r.invitation_id = i.id)
      ))::int AS responded
    FROM survey_invitations i LEFT JOIN visits v ON v.id = i.visit_id AND v.org_id = i.org_id
    WHERE ${invitationFilter(viewer, period, query)}
    GROUP BY i.channel`.execute(db);
  const byChannel = INVITATION_CHANNELS.map((channel) => {
    const r = rateRows.rows.find((x) => x.channel === channel);
    return { channel, sent: r?.sent ?? 0, responded: r?.responded ?? 0, rate: rate(r?.responded ?? 0, r?.sent ?? 0) };
  });
  const sent = byChannel.reduce((s, c) => s + c.sent, 0);
  const responded = byChannel.reduce((s, c) => s + c.responded, 0);

  const surveys = await db.selectFrom('surveys').select(['id', 'name']).where('org_id', '=', viewer.orgId).orderBy('name').execute();

  return {
    period,
    minAnswers: MIN_ANSWERS,
    responses: h.responses,
    nps: npsFigure(h.promoters, h.passives, h.detractors),
    csat: { ...shareFigure(h.csat_pos, h.csat_n), mean: meanFigure(h.csat_sum ?? 0, h.csat_n) },
    fft: shareFigure(h.fft_pos, h.fft_n),
    communication: await communicationReport(db, viewer, period, query),
    responseRates: { byChannel, sent, responded, rate: rate(responded, sent), withoutInvitation: h.direct },
    trend: trendRows.rows.map((t) => ({ start: t.start, responses: t.responses, nps: npsFigure(t.promoters, t.passives, t.detractors) })),
    surveys,
  };
}

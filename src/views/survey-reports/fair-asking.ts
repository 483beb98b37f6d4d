import { sql } from 'kysely';
import type { Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { INVITATION_CHANNELS } from '../../outreach/outreach.vocab.ts';
import { SCORE_BANDS, type ScoreBand } from '../../surveys/surveys.vocab.ts';
import { resolvePeriod } from './period.ts';
import { invitationFilter, responseFilter } from './response-filter.ts';
import type { FairAsking } from './survey-reports.schemas.ts';

/**
 * The fair-asking report: for a period, the survey invitations sent (by channel), the submitted
 * responses by score band and how many of each band were shown the organisation's review links.
 * Every respondent must be offered the same links whatever the score (no review gating), so the
 * shown share and the number of links shown must be the same in every band; `equal` says whether
 * they are. It reads what the thank-you page recorded (`review_links_shown`), not what it should do.
 */
export async function fairAsking(db: Db, viewer: Viewer, query: { from?: string | undefined; to?: string | undefined }): Promise<FairAsking> {
  const period = await resolvePeriod(db, viewer.orgId, query);
  const invitations = await sql<{ channel: (typeof INVITATION_CHANNELS)[number]; sent: number }>`
    SELECT i.channel, count(*)::int AS sent
    FROM survey_invitations i LEFT JOIN visits v ON v.id = i.visit_id AND v.org_id = i.org_id
    WHERE ${invitationFilter(viewer, period, {})}
    GROUP BY i.channel`.execute(db);
  const bandRows = await sql<{ band: ScoreBand; responses: number; shown: number; links: number }>`
    SELECT r.score_band AS band, count(*)::int AS responses,
      count(*) FILTER (WHERE r.review_links_shown > 0)::int AS shown,
      coalesce(sum(r.review_links_shown), 0)::int AS links
    FROM survey_responses r WHERE ${responseFilter(viewer, period, {})}
    GROUP BY r.score_band`.execute(db);
  const settings = await db.selectFrom('survey_settings').select('review_links').where('org_id', '=', viewer.orgId).executeTakeFirst();
  const configured = Array.isArray(settings?.review_links) ? settings.review_links.length : 0;

  const bands = SCORE_BANDS.map((band) => {
    const r = bandRows.rows.find((x) => x.band === band);
    const responses = r?.responses ?? 0;
    return {
      band,
      responses,
      shownLinks: r?.shown ?? 0,
      shownShare: responses === 0 ? null : Math.round((1000 * (r?.shown ?? 0)) / responses) / 10,
      linksPerResponse: responses === 0 ? null : Math.round((100 * (r?.links ?? 0)) / responses) / 100,
    };
  });
  const answered = bands.filter((b) => b.responses > 0);
  // Equal means exactly equal, compared on the counts (not the rounded shares).
  const equal = answered.every((b) => {
    const first = bandRows.rows.find((x) => x.band === answered[0]!.band)!;
    const mine = bandRows.rows.find((x) => x.band === b.band)!;
    return mine.shown * first.responses === first.shown * mine.responses && mine.links * first.responses === first.links * mine.responses;
  });
  const byChannel = INVITATION_CHANNELS.map((channel) => ({ channel, sent: invitations.rows.find((x) => x.channel === channel)?.sent ?? 0 }));
  return { period, reviewLinksConfigured: configured, invitations: { sent: byChannel.reduce((s, c) => s + c.sent, 0), byChannel }, bands, equal };
}

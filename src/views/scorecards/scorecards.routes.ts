import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../../audit/index.ts';
import { IdParams } from '../../auth/index.ts';
import { AppError, badRequest } from '../../core/errors.ts';
import { requireAuth } from '../../core/request.ts';
import { viewerOf, wholeOrganisation } from '../../core/viewer.ts';
import { findIndicators, importIndicators, renderRejection } from './import-indicators.ts';
import { getScorecardSettings, updateScorecardSettings } from './scorecard-settings.ts';
import { assertMayRead, leaderboard, scorecard } from './scorecards.ts';
import { scorecardsMessages } from './scorecards.messages.ts';
import { IndicatorImportView, IndicatorListView, LeaderboardQuery, LeaderboardView, PeriodQuery, ScorecardView, SettingsBody, SettingsView } from './scorecards.schemas.ts';

const MAX_INDICATOR_FILE_BYTES = 5 * 1024 * 1024;

/** The leaderboard, scorecards (one's own with no permission), the weights and the indicator import. */
export async function scorecardsRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db, access } = server.ctx;
  const tags = ['scorecards'];

  /** The signed-in user's roster entry (users.staff_id) and whether they may read others' cards. */
  const reader = async (request: FastifyRequest) => {
    const auth = requireAuth(request);
    const user = await db.selectFrom('users').select('staff_id').where('id', '=', auth.userId).where('org_id', '=', auth.orgId).executeTakeFirst();
    return { auth, viewer: viewerOf(auth), staffId: user?.staff_id ?? null, canRead: access.can(auth.role, 'scorecards.read') };
  };

  app.get('/api/scorecards/leaderboard', { config: { access: 'scorecards.read' }, schema: { tags, querystring: LeaderboardQuery, response: { 200: LeaderboardView } } }, async (request) =>
    leaderboard(db, viewerOf(requireAuth(request)), request.query, request.locale),
  );

  // One's own scorecard: every user linked to a roster entry, whatever their role; placed among the whole organisation.
  app.get('/api/scorecards/me', { config: { access: 'authenticated' }, schema: { tags, querystring: PeriodQuery, response: { 200: ScorecardView } } }, async (request) => {
    const r = await reader(request);
    if (!r.staffId) throw new AppError('not_found', scorecardsMessages.text('noRosterEntry'));
    return scorecard(db, wholeOrganisation(r.auth.orgId), 'staff', r.staffId, request.query, request.locale);
  });

  app.get('/api/scorecards/staff/:id', { config: { access: 'authenticated' }, schema: { tags, params: IdParams, querystring: PeriodQuery, response: { 200: ScorecardView } } }, async (request) => {
    const r = await reader(request);
    await assertMayRead(db, r, 'staff', request.params.id);
    const own = r.staffId === request.params.id;
    return scorecard(db, own ? wholeOrganisation(r.auth.orgId) : r.viewer, 'staff', request.params.id, request.query, request.locale);
  });

  app.get(
    '/api/scorecards/departments/:id',
    { config: { access: 'scorecards.read' }, schema: { tags, params: IdParams, querystring: PeriodQuery, response: { 200: ScorecardView } } },
    async (request) => {
      const r = await reader(request);
      await assertMayRead(db, r, 'department', request.params.id);
      return scorecard(db, r.viewer, 'department', request.params.id, request.query, request.locale);
    },
  );

  app.get('/api/scorecards/settings', { config: { access: 'scorecards.read' }, schema: { tags, response: { 200: z.object({ settings: SettingsView }) } } }, async (request) => ({
    settings: await getScorecardSettings(db, requireAuth(request).orgId),
  }));

  app.put('/api/scorecards/settings', { config: { access: 'scorecards.manage' }, schema: { tags, body: SettingsBody, response: { 200: z.object({ settings: SettingsView }) } } }, async (request) => {
    const auth = requireAuth(request);
    await updateScorecardSettings(db, auditBy(auth, request.ip), request.body);
    return { settings: await getScorecardSettings(db, auth.orgId) };
  });

  app.get('/api/scorecards/indicators', { config: { access: 'scorecards.manage' }, schema: { tags, response: { 200: IndicatorListView } } }, async (request) => ({
    items: await findIndicators(db, requireAuth(request).orgId),
  }));

  app.post(
    '/api/scorecards/indicators/import',
    { config: { access: 'scorecards.manage' }, schema: { tags, consumes: ['multipart/form-data'], response: { 200: IndicatorImportView } } },
    async (request) => {
      const auth = requireAuth(request);
      const file = await request.file({ limits: { fileSize: MAX_INDICATOR_FILE_BYTES } });
      if (!file) throw badRequest(scorecardsMessages.text('import.empty'));
      const buffer = await file.toBuffer().catch(() => null);
      if (!buffer || file.file.truncated) throw badRequest(scorecardsMessages.text('import.tooLarge', { mb: MAX_INDICATOR_FILE_BYTES / 1024 / 1024 }));
      const report = await importIndicators(db, auditBy(auth, request.ip), buffer.toString('utf8'), request.locale);
      return {
        accepted: report.accepted,
        rejected: report.rejected.map((r) => ({
          row: r.row,
          column: r.column ? scorecardsMessages.render(request.locale, `column.${r.column}`) : null,
          reason: renderRejection(request.locale, r),
          code: r.reason.code,
        })),
      };
    },
  );
}

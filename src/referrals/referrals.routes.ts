import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { publicBaseUrl } from '../core/config.ts';
import { requireAuth } from '../core/request.ts';
import { transitionReward } from './ledger.ts';
import { linkForPatient, patientLinks, qrCode, referralLinkOf } from './patient-links.ts';
import { createProgramme, listProgrammes, programmeView, updateProgramme } from './programmes.ts';
import { listLedger, listReferrals, listRewards, ledgerBalances } from './referrals.queries.ts';
import {
  AttributeBody,
  BalanceView,
  LedgerEntryView,
  LinkBody,
  LinkView,
  NoteBody,
  ProgrammeBody,
  ProgrammePatch,
  ProgrammeView,
  ReferralFilters,
  ReferralView,
  RewardActionBody,
  RewardFilters,
  RewardView,
} from './referrals.schemas.ts';
import { MARKET_RULE_DEFAULTS, type RewardAction } from './referrals.vocab.ts';
import { attributeByStaff, cancelReferral, markVisitedByStaff } from './staff-actions.ts';

const ProgrammeResponse = z.object({ programme: ProgrammeView });

/**
 * The referrals API. Programmes: `referrals.manage`. Lists, the ledger, balances, a patient's
 * links and rewards: `referrals.read` (names only, never contact details). Making a patient's link,
 * attributing by hand, marking visited, cancelling and every reward action: `referrals.review` (the
 * front desk hands out codes; a code is a personal identifier of the referrer).
 */
export async function referralsRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db, config } = server.ctx;
  const tags = ['referrals'];
  const orgOf = (request: FastifyRequest) => requireAuth(request).orgId;
  const byOf = (request: FastifyRequest) => auditBy(requireAuth(request), request.ip);
  const base = (request: FastifyRequest) => (config.publicUrl ? publicBaseUrl(config) : `${request.protocol}://${request.host}`);

  app.get(
    '/api/referral-programmes',
    { config: { access: 'referrals.read' }, schema: { tags, response: { 200: z.object({ items: z.array(ProgrammeView), marketDefaults: z.record(z.string(), z.unknown()) }) } } },
    async (request) => ({ items: await listProgrammes(db, orgOf(request)), marketDefaults: MARKET_RULE_DEFAULTS }),
  );
  app.post('/api/referral-programmes', { config: { access: 'referrals.manage' }, schema: { tags, body: ProgrammeBody, response: { 201: ProgrammeResponse } } }, async (request, reply) => {
    const id = await createProgramme(db, byOf(request), request.body);
    return reply.status(201).send({ programme: await programmeView(db, orgOf(request), id) });
  });
  app.get('/api/referral-programmes/:id', { config: { access: 'referrals.read' }, schema: { tags, params: IdParams, response: { 200: ProgrammeResponse } } }, async (request) => ({
    programme: await programmeView(db, orgOf(request), request.params.id),
  }));
  app.patch(
    '/api/referral-programmes/:id',
    { config: { access: 'referrals.manage' }, schema: { tags, params: IdParams, body: ProgrammePatch, response: { 200: ProgrammeResponse } } },
    async (request) => {
      await updateProgramme(db, byOf(request), request.params.id, request.body);
      return { programme: await programmeView(db, orgOf(request), request.params.id) };
    },
  );

  app.get(
    '/api/referrals',
    { config: { access: 'referrals.read' }, schema: { tags, querystring: ReferralFilters, response: { 200: z.object({ items: z.array(ReferralView) }) } } },
    async (request) => ({
      items: await listReferrals(db, orgOf(request), { ...request.query, held: request.query.held === 'true' }),
    }),
  );
  app.post('/api/referrals/attribute', { config: { access: 'referrals.review' }, schema: { tags, body: AttributeBody, response: { 201: z.object({ id: z.string() }) } } }, async (request, reply) =>
    reply.status(201).send({ id: await attributeByStaff(db, byOf(request), request.body) }),
  );
  app.post(
    '/api/referrals/:id/visited',
    { config: { access: 'referrals.review' }, schema: { tags, params: IdParams, body: NoteBody.optional(), response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await markVisitedByStaff(db, byOf(request), request.params.id, request.body?.note);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/referrals/:id/cancel',
    { config: { access: 'referrals.review' }, schema: { tags, params: IdParams, body: NoteBody.optional(), response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await cancelReferral(db, byOf(request), request.params.id, request.body?.note);
      return { ok: true as const };
    },
  );

  app.get('/api/rewards', { config: { access: 'referrals.read' }, schema: { tags, querystring: RewardFilters, response: { 200: z.object({ items: z.array(RewardView) }) } } }, async (request) => ({
    items: await listRewards(db, orgOf(request), request.query),
  }));
  app.post(
    '/api/rewards/:id/transition',
    { config: { access: 'referrals.review' }, schema: { tags, params: IdParams, body: RewardActionBody, response: { 200: z.object({ status: z.string() }) } } },
    async (request) => ({
      status: await transitionReward(db, byOf(request), orgOf(request), request.params.id, request.body.action as RewardAction, { note: request.body.note }),
    }),
  );
  app.get(
    '/api/reward-ledger',
    {
      config: { access: 'referrals.read' },
      schema: { tags, querystring: z.object({ rewardId: z.uuid().optional() }), response: { 200: z.object({ entries: z.array(LedgerEntryView), balances: z.array(BalanceView) }) } },
    },
    async (request) => ({ entries: await listLedger(db, orgOf(request), request.query), balances: await ledgerBalances(db, orgOf(request)) }),
  );

  app.get(
    '/api/patients/:id/referrals',
    {
      config: { access: 'referrals.read' },
      schema: { tags, params: IdParams, response: { 200: z.object({ links: z.array(LinkView), rewards: z.array(RewardView), referredBy: z.array(ReferralView), referred: z.array(ReferralView) }) } },
    },
    async (request) => {
      const orgId = orgOf(request);
      const id = request.params.id;
      const links = await patientLinks(db, base(request), orgId, id);
      const [rewards, referredBy, referred] = await Promise.all([
        listRewards(db, orgId, { patientId: id, limit: 50 }),
        listReferrals(db, orgId, { refereeId: id, limit: 10 }),
        listReferrals(db, orgId, { referrerId: id, limit: 50 }),
      ]);
      return { links, rewards, referredBy, referred };
    },
  );
  app.post(
    '/api/patients/:id/referral-link',
    { config: { access: 'referrals.review' }, schema: { tags, params: IdParams, body: LinkBody.optional(), response: { 200: z.object({ link: LinkView }) } } },
    async (request) => ({
      link: await linkForPatient(db, base(request), { orgId: orgOf(request), patientId: request.params.id, programmeId: request.body?.programmeId, userId: requireAuth(request).userId }),
    }),
  );
  for (const format of ['png', 'svg'] as const) {
    app.get(`/api/referral-links/:id/qr.${format}`, { config: { access: 'referrals.read' }, schema: { tags, params: IdParams } }, async (request, reply) => {
      const link = await referralLinkOf(db, base(request), orgOf(request), request.params.id);
      return reply
        .type(format === 'png' ? 'image/png' : 'image/svg+xml')
        .header('content-disposition', `inline; filename="referral-${link.code}.${format}"`)
        .send(await qrCode(link.url, format));
    });
  }
}

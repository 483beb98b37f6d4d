import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createReferralLink } from '../referrals/index.ts';
import { createShareLink } from '../sharing/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { insertMentions, insertSource } from '../views/dashboards/dashboard-fixtures.ts';
import { advocatesMessages } from './advocates.messages.ts';
import { KOC_SIGNALS, kocScore, type KocCounts } from './advocates.vocab.ts';

/*
 * A clinic with known signals: Alice referred one new patient who visited (a booked-only one and a
 * self-referral held for review do not count), shared her referral link (two people and a bot
 * clicked it, one person twice; her referee shared it on and one more person clicked), and is a
 * promoter; Carol, Erin (opted out) and Frank are promoters only; Dave answered 5 and has nothing
 * else; on the clinic's own review source "happy_mom" wrote two positive reviews (engagement 100
 * and 5), "grumpy" a negative one, "ghost" a dismissed positive one, and on a competitor's source
 * "rival_fan" a positive one.
 */

let app: TestApp;
let admin: TestClient;
let marketing: TestClient;
let leadership: TestClient;
let orgId: string;
const p = {} as Record<'alice' | 'bob' | 'carol' | 'dave' | 'erin' | 'frank' | 'ref1' | 'ref2' | 'ref3', string>;
let aliceLinkCode: string;
let aliceLinkId: string;
const today = new Date().toISOString().slice(0, 10);

type Row = { kind: string; id: string; name: string; score: number; counts: KocCounts; parts: KocCounts; promoter: boolean; invitation: { status: string } | null };
const list = async (client: TestClient = admin, query = '') => {
  const res = await client.get(`/api/advocates${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Row[]; total: number };
};
const rowOf = async (id: string) => (await list()).items.find((r) => r.id === id);
const form = (body: Record<string, string>, cookie?: string) => ({
  payload: new URLSearchParams(body).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
});
const tokenOf = async (id: string) => (await app.ctx.db.selectFrom('advocate_invitations').select('token').where('id', '=', id).executeTakeFirstOrThrow()).token;
const invite = (body: object, client: TestClient = marketing) => client.post('/api/advocates/invitations', body);

beforeAll(async () => {
  app = await createTestApp();
  const db = app.ctx.db;
  orgId = await app.createOrg('koc');
  admin = await app.userClient(orgId, 'admin');
  marketing = await app.userClient(orgId, 'marketing');
  leadership = await app.userClient(orgId, 'leadership');
  const patient = async (name: string, extra: { email?: string; phone?: string; opted?: boolean } = {}) =>
    (
      await db
        .insertInto('patients')
        .values({ org_id: orgId, name, email: extra.email ?? null, phone: extra.phone ?? null, locale: 'en', opted_out_at: extra.opted ? new Date() : null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  p.alice = await patient('Alice', { email: 'alice@example.test' });
  p.bob = await patient('Bob');
  p.carol = await patient('Carol', { email: 'carol@example.test' });
  p.dave = await patient('Dave', { email: 'dave@example.test' });
  p.erin = await patient('Erin', { email: 'erin@example.test', opted: true });
  p.frank = await patient('Frank', { phone: '+7 900 000 00 00' });
  p.ref1 = await patient('Referee One');
  p.ref2 = await patient('Referee Two');
  p.ref3 = await patient('Referee Three');

  const reward = JSON.stringify({ kind: 'points', amount: 100 });
  const programme = (
    await db
      .insertInto('referral_programmes')
      .values({
        org_id: orgId,
        name: 'Friends bring friends',
        status: 'active',
        referrer_reward: reward,
        referee_reward: JSON.stringify({ kind: 'free_checkup', amount: 1 }),
        trigger: 'visited',
        eligibility: '{}',
        market_rules: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const link = await createReferralLink(db, { orgId, programmeId: programme, patientId: p.alice });
  aliceLinkCode = link.code;
  aliceLinkId = link.id;
  const referral = (referee: string, status: 'booked' | 'visited', hold: 'same_contact'[] = []) =>
    db
      .insertInto('referrals')
      .values({ org_id: orgId, programme_id: programme, link_id: link.id, referrer_patient_id: p.alice, referee_patient_id: referee, status, via: 'staff', hold_reasons: hold })
      .returning('id')
      .executeTakeFirstOrThrow();
  await referral(p.ref1, 'visited');
  await referral(p.ref2, 'booked');
  const held = await referral(p.ref3, 'visited', ['same_contact']);
  await db
    .insertInto('rewards')
    .values({ org_id: orgId, programme_id: programme, referral_id: held.id, patient_id: p.alice, role: 'referrer', kind: 'points', amount: '100', status: 'held' })
    .execute();
  // Referee One shares Alice's link on; Bob owns a link nobody clicked.
  const child = await createShareLink(db, { orgId, targetKind: 'referral', targetId: programme, ownerPatientId: p.ref1, parentId: link.id });
  await createShareLink(db, { orgId, targetKind: 'article', targetUrl: 'https://example.test/a', ownerPatientId: p.bob });
  const click = (linkId: string, visitor: string, bot = false) => db.insertInto('share_clicks').values({ org_id: orgId, link_id: linkId, day: today, visitor_hash: visitor, bot }).execute();
  await click(link.id, 'v1');
  await click(link.id, 'v1');
  await click(link.id, 'v2');
  await click(link.id, 'bot', true);
  await click(child.id, 'v3');

  const survey = (await db.insertInto('surveys').values({ org_id: orgId, name: 'NPS' }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('survey_versions').values({ survey_id: survey, version: 1, definition: '{}' }).execute();
  let n = 0;
  const answer = (patientId: string, nps: number, at: string) =>
    db
      .insertInto('survey_responses')
      .values({ org_id: orgId, survey_id: survey, version: 1, patient_id: patientId, token: `t${++n}`, status: 'submitted', locale: 'en', answers: '{}', nps, submitted_at: at })
      .execute();
  await answer(p.alice, 3, '2026-01-01T00:00:00Z');
  await answer(p.alice, 10, new Date().toISOString());
  await answer(p.carol, 9, new Date().toISOString());
  await answer(p.dave, 5, new Date().toISOString());
  await answer(p.erin, 10, new Date().toISOString());
  await answer(p.frank, 10, new Date().toISOString());

  const own = await insertSource(db, orgId, 'Dianping');
  const rival = await insertSource(db, orgId, 'Rival clinic', 'Rival');
  const at = new Date().toISOString();
  const [m1, m2, m3, m4, m5] = await insertMentions(db, orgId, [
    { sourceId: own, at, sentiment: 'positive', text: 'Lovely dentist' },
    { sourceId: own, at, sentiment: 'positive', text: 'Quick and kind' },
    { sourceId: own, at, sentiment: 'negative', text: 'Waited for hours' },
    { sourceId: own, at, sentiment: 'positive', status: 'dismissed', text: 'Spam' },
    { sourceId: rival, at, sentiment: 'positive', text: 'Rival is great' },
  ]);
  const author = (id: string | undefined, handle: string, engagement: number | null) => db.updateTable('mentions').set({ author_handle: handle, engagement }).where('id', '=', id!).execute();
  await author(m1, 'happy_mom', 100);
  await author(m2, 'happy_mom', 5);
  await author(m3, 'grumpy', 50);
  await author(m4, 'ghost', 10);
  await author(m5, 'rival_fan', 1000);
});

afterAll(async () => {
  await app?.close();
});

describe('the score', () => {
  test('each part moves the score, counts are log-scaled', () => {
    const zero = Object.fromEntries(KOC_SIGNALS.map((s) => [s, 0])) as KocCounts;
    expect(kocScore(zero).score).toBe(0);
    for (const s of KOC_SIGNALS) expect(kocScore({ ...zero, [s]: 1 }).score, s).toBeGreaterThan(0);
    // The tenth referral adds less than the first; a huge engagement does not outweigh a referral and a promoter.
    const one = kocScore({ ...zero, referrals_converted: 1 }).score;
    expect(kocScore({ ...zero, referrals_converted: 10 }).score - kocScore({ ...zero, referrals_converted: 9 }).score).toBeLessThan(one);
    expect(kocScore({ ...zero, mention_engagement: 50_000 }).score).toBeLessThan(kocScore({ ...zero, referrals_converted: 1, promoter: 1, shares: 1 }).score + 30);
  });

  test('ranks known patients and own-source authors with the counts behind each part', async () => {
    const { items } = await list();
    const byId = new Map(items.map((r) => [r.id, r]));
    const alice = byId.get(p.alice)!;
    expect(alice.counts).toEqual({ referrals_converted: 1, shares: 1, share_reach: 3, positive_mentions: 0, mention_engagement: 0, promoter: 1 });
    expect(alice.score).toBe(kocScore(alice.counts).score);
    expect(alice.promoter).toBe(true);
    expect(items[0]!.id).toBe(p.alice);
    expect(byId.get(p.ref1)!.counts).toMatchObject({ shares: 1, share_reach: 1 });
    expect(byId.get(p.bob)!.counts).toMatchObject({ shares: 1, share_reach: 0 });
    const mom = byId.get('dianping:happy_mom')!;
    expect(mom).toMatchObject({ kind: 'author', name: 'happy_mom', counts: { positive_mentions: 2, mention_engagement: 105 } });
    for (const absent of [p.dave, p.ref2, p.ref3, 'dianping:grumpy', 'dianping:ghost', 'dianping:rival_fan']) expect(byId.has(absent), absent).toBe(false);
    expect(items.some((r) => r.name === 'rival_fan')).toBe(false);
    expect((await list(admin, '?kind=author')).items.map((r) => r.id)).toEqual(['dianping:happy_mom']);
    expect((await list(admin, '?from=2020-01-01&to=2020-12-31')).total).toBe(0);
  });

  test('one more human visitor, referral or engagement raises the score; a bot does not', async () => {
    const before = (await rowOf(p.alice))!.score;
    await app.ctx.db.insertInto('share_clicks').values({ org_id: orgId, link_id: aliceLinkId, day: today, visitor_hash: 'bot2', bot: true }).execute();
    expect((await rowOf(p.alice))!.score).toBe(before);
    await app.ctx.db.insertInto('share_clicks').values({ org_id: orgId, link_id: aliceLinkId, day: today, visitor_hash: 'v9' }).execute();
    const afterClick = (await rowOf(p.alice))!;
    expect(afterClick.counts.share_reach).toBe(4);
    expect(afterClick.score).toBeGreaterThan(before);
    await app.ctx.db.updateTable('referrals').set({ status: 'visited' }).where('referee_patient_id', '=', p.ref2).execute();
    expect((await rowOf(p.alice))!.score).toBeGreaterThan(afterClick.score);
    const mom = (await rowOf('dianping:happy_mom'))!.score;
    await app.ctx.db.updateTable('mentions').set({ engagement: 500 }).where('author_handle', '=', 'happy_mom').where('engagement', '=', 5).execute();
    expect((await rowOf('dianping:happy_mom'))!.score).toBeGreaterThan(mom);
  });

  test('the evidence behind a patient and an author; nobody without a signal', async () => {
    const res = await admin.get(`/api/advocates/patients/${p.alice}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.referrals).toHaveLength(2);
    expect(d.links).toEqual([expect.objectContaining({ id: aliceLinkId, code: aliceLinkCode, reach: 4 })]);
    expect(d.promoterResponse).toMatchObject({ nps: 10 });
    expect(d.contact).toEqual({ hasEmail: true, hasPhone: false, optedOut: false });
    expect(res.body).not.toContain('alice@example.test');
    expect((await admin.get(`/api/advocates/patients/${p.dave}`)).statusCode).toBe(404);
    const author = await admin.get('/api/advocates/author?key=dianping:happy_mom');
    expect(author.statusCode).toBe(200);
    expect(
      author
        .json()
        .mentions.map((m: { excerpt: string }) => m.excerpt)
        .sort(),
    ).toEqual(['Lovely dentist', 'Quick and kind']);
    expect((await admin.get('/api/advocates/author?key=dianping:rival_fan')).statusCode).toBe(404);
  });

  test('roles without advocates.read get 403; leadership reads but may not invite', async () => {
    for (const role of ['viewer', 'staff', 'department_head', 'service'] as const) {
      const client = await app.userClient(orgId, role);
      expect((await client.get('/api/advocates')).statusCode, role).toBe(403);
      expect((await client.get(`/api/advocates/patients/${p.alice}`)).statusCode, role).toBe(403);
      expect((await invite({ kind: 'patient', patientId: p.carol, channel: 'in_person' }, client)).statusCode, role).toBe(403);
    }
    expect((await list(leadership)).total).toBeGreaterThan(0);
    expect((await invite({ kind: 'patient', patientId: p.carol, channel: 'in_person' }, leadership)).statusCode).toBe(403);
  });
});

describe('invitations', () => {
  test('respect the opt-out and the contact details; authors in person only; one open invitation each', async () => {
    const optedOut = await invite({ kind: 'patient', patientId: p.erin, channel: 'email' });
    expect(optedOut.statusCode).toBe(400);
    expect(optedOut.json().error.message).toBe(advocatesMessages.render('en', 'error.optedOut'));
    expect((await invite({ kind: 'patient', patientId: p.erin, channel: 'sms' })).statusCode).toBe(400);
    expect((await invite({ kind: 'patient', patientId: p.erin, channel: 'in_person' })).statusCode).toBe(201);
    expect((await invite({ kind: 'patient', patientId: p.bob, channel: 'email' })).json().error.details.reason).toBe('advocates.error.noEmail');
    expect((await invite({ kind: 'author', authorKey: 'dianping:happy_mom', channel: 'email' })).json().error.details.reason).toBe('advocates.error.authorInPerson');
    expect((await invite({ kind: 'author', authorKey: 'dianping:grumpy', channel: 'in_person' })).statusCode).toBe(400);
    expect((await invite({ kind: 'author', authorKey: 'dianping:happy_mom', channel: 'in_person', note: 'Met at the desk' })).statusCode).toBe(201);
    expect((await invite({ kind: 'author', authorKey: 'dianping:happy_mom', channel: 'in_person' })).statusCode).toBe(409);
    const mails = await app.ctx.db.selectFrom('mail_outbox').select('id').where('org_id', '=', orgId).execute();
    expect(mails).toHaveLength(0);
  });

  test('an e-mail and an SMS go through the outboxes, with the join link and an opt-out link, asking for no review', async () => {
    const email = await invite({ kind: 'patient', patientId: p.carol, channel: 'email' });
    expect(email.statusCode, email.body).toBe(201);
    const { url } = email.json().invitation;
    const mail = await app.ctx.db.selectFrom('mail_outbox').select(['recipients', 'text_body', 'html_body']).where('org_id', '=', orgId).executeTakeFirstOrThrow();
    expect(mail.recipients).toEqual(['carol@example.test']);
    expect(mail.text_body).toContain(url);
    expect(mail.text_body).toMatch(/\/o\/[\w-]+/);
    expect(mail.text_body).not.toMatch(/review/i);
    expect((await invite({ kind: 'patient', patientId: p.carol, channel: 'sms' })).statusCode).toBe(409);
    expect((await invite({ kind: 'patient', patientId: p.frank, channel: 'sms' })).statusCode).toBe(201);
    const sms = await app.ctx.db.selectFrom('sms_outbox').select(['recipient', 'text_body']).where('org_id', '=', orgId).executeTakeFirstOrThrow();
    expect(sms.recipient).toBe('+7 900 000 00 00');
    expect(sms.text_body).toContain('/join/');
    const audit = await app.ctx.db.selectFrom('audit_log').select('action').where('org_id', '=', orgId).where('action', '=', 'advocate.invite').execute();
    expect(audit).toHaveLength(4);
  });

  test('accepting stores the consent shown, makes the referral link and credits the link the person came by; leaving withdraws', async () => {
    const inv = await app.ctx.db.selectFrom('advocate_invitations').select(['id', 'token']).where('patient_id', '=', p.carol).executeTakeFirstOrThrow();
    const page = await app.server.inject({ method: 'GET', url: `/join/${inv.token}?lang=ru` });
    expect(page.statusCode).toBe(200);
    const consent = advocatesMessages.render('ru', 'consent.v1', { org: 'Clinic koc' });
    expect(page.body).toContain(consent.slice(0, 40));
    expect(page.body).toContain('Friends bring friends');
    const accepted = await app.server.inject({ method: 'POST', url: `/join/${inv.token}`, ...form({ answer: 'accept', lang: 'ru' }, `verity_via=${aliceLinkCode}`) });
    expect(accepted.statusCode).toBe(200);
    const row = await app.ctx.db.selectFrom('advocate_invitations').selectAll().where('id', '=', inv.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'accepted', consent_text: consent, consent_version: 'v1' });
    const link = await app.ctx.db.selectFrom('share_links').select(['code', 'owner_patient_id', 'target_kind']).where('id', '=', row.link_id!).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ owner_patient_id: p.carol, target_kind: 'referral' });
    expect(accepted.body).toContain(`/r/${link.code}`);
    const joined = await app.ctx.db.selectFrom('share_conversions').select(['link_id', 'kind', 'ref_id']).where('patient_id', '=', p.carol).execute();
    expect(joined).toEqual([{ link_id: aliceLinkId, kind: 'joined', ref_id: inv.id }]);
    // A second accept changes nothing; leaving withdraws.
    await app.server.inject({ method: 'POST', url: `/join/${inv.token}`, ...form({ answer: 'accept', lang: 'en' }) });
    expect((await app.ctx.db.selectFrom('advocate_invitations').select('consent_text').where('id', '=', inv.id).executeTakeFirstOrThrow()).consent_text).toBe(consent);
    const left = await app.server.inject({ method: 'POST', url: `/join/${inv.token}`, ...form({ answer: 'leave', lang: 'en' }) });
    expect(left.body).toContain(advocatesMessages.render('en', 'join.withdrawn'));
    expect((await rowOf(p.carol))!.invitation).toMatchObject({ status: 'withdrawn' });
  });

  test('declining stores the consent words too; an expired invitation cannot be accepted; staff withdraw', async () => {
    const frank = await app.ctx.db.selectFrom('advocate_invitations').select(['id', 'token']).where('patient_id', '=', p.frank).executeTakeFirstOrThrow();
    const declined = await app.server.inject({ method: 'POST', url: `/join/${frank.token}`, ...form({ answer: 'decline', lang: 'en' }) });
    expect(declined.body).toContain(advocatesMessages.render('en', 'join.declined'));
    expect(await app.ctx.db.selectFrom('advocate_invitations').select(['status', 'consent_version']).where('id', '=', frank.id).executeTakeFirstOrThrow()).toEqual({
      status: 'declined',
      consent_version: 'v1',
    });

    const erin = await app.ctx.db.selectFrom('advocate_invitations').select(['id', 'token']).where('patient_id', '=', p.erin).executeTakeFirstOrThrow();
    await app.ctx.db
      .updateTable('advocate_invitations')
      .set({ expires_at: new Date(Date.now() - 1000), invited_at: new Date(Date.now() - 31 * 86_400_000) })
      .where('id', '=', erin.id)
      .execute();
    expect((await app.server.inject({ method: 'GET', url: `/join/${erin.token}` })).statusCode).toBe(410);
    await app.server.inject({ method: 'POST', url: `/join/${erin.token}`, ...form({ answer: 'accept', lang: 'en' }) });
    expect((await app.ctx.db.selectFrom('advocate_invitations').select('status').where('id', '=', erin.id).executeTakeFirstOrThrow()).status).toBe('invited');
    const expired = (await marketing.get('/api/advocates/invitations?status=expired')).json();
    expect(expired.items.map((i: { id: string }) => i.id)).toEqual([erin.id]);
    // A new invitation after the old one expired is allowed.
    expect((await invite({ kind: 'patient', patientId: p.erin, channel: 'in_person' })).statusCode).toBe(201);

    const author = (await marketing.get('/api/advocates/invitations')).json().items.find((i: { kind: string }) => i.kind === 'author');
    expect((await marketing.post(`/api/advocates/invitations/${author.id}/withdraw`)).statusCode).toBe(204);
    expect((await marketing.post(`/api/advocates/invitations/${author.id}/withdraw`)).statusCode).toBe(409);
    const page = await app.server.inject({ method: 'GET', url: `/join/${await tokenOf(author.id)}` });
    expect(page.body).toContain(advocatesMessages.render('en', 'join.withdrawn'));
    expect((await app.server.inject({ method: 'GET', url: '/join/not-a-token' })).statusCode).toBe(404);
  });

  test('another organisation sees none of it', async () => {
    const other = await app.createOrg('other');
    const otherAdmin = await app.userClient(other, 'admin');
    expect((await list(otherAdmin)).total).toBe(0);
    expect((await otherAdmin.get(`/api/advocates/patients/${p.alice}`)).statusCode).toBe(404);
    const anyInvitation = (await marketing.get('/api/advocates/invitations')).json().items[0].id;
    expect((await otherAdmin.post(`/api/advocates/invitations/${anyInvitation}/withdraw`)).statusCode).toBe(404);
    expect((await otherAdmin.post('/api/advocates/invitations', { kind: 'patient', patientId: p.dave, channel: 'in_person' })).statusCode).toBe(404);
    expect((await otherAdmin.get('/api/advocates/invitations')).json().total).toBe(0);
  });
});

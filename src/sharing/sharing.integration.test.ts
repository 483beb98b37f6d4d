import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { recordClick, utcDay, visitorHash } from './clicks.ts';
import { createShareLink, recordConversion, type ShareLinkRow } from './share-links.ts';
import { runJob } from '../core/jobs.ts';
import { surveyConversionJob } from './jobs/survey-conversion.job.ts';
import { purgeSalts } from './salts.ts';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

let app: TestApp;
let orgId: string;
let otherOrg: string;
let admin: TestClient;
let leadership: TestClient;
let otherAdmin: TestClient;
let surveyLink: { id: string; token: string };
let programmeId: string;
let storyId: string;

const db = () => app.ctx.db;
type Json = Record<string, unknown> & { link: { id: string; code: string; url: string } & Record<string, unknown> };
const make = (body: Record<string, unknown>, client = admin) => client.post('/api/sharing/links', body);
const visit = (code: string, ua: string | null, ip = '203.0.113.7', extra: Record<string, string> = {}) =>
  app.server.inject({ method: 'GET', url: `/l/${code}`, remoteAddress: ip, headers: { ...(ua ? { 'user-agent': ua } : {}), ...extra } });
const figures = async (id: string) => ((await admin.get(`/api/sharing/links/${id}`)).json() as Json).link;

async function patient(name: string) {
  return (await db().insertInto('patients').values({ org_id: orgId, name }).returning('id').executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('sharing');
  otherOrg = await app.createOrg('sharing-other');
  admin = await app.userClient(orgId, 'admin');
  leadership = await app.userClient(orgId, 'leadership');
  otherAdmin = await app.userClient(otherOrg, 'admin');
  const survey = await db().insertInto('surveys').values({ org_id: orgId, name: 'After the visit', status: 'active', current_version: 1 }).returning('id').executeTakeFirstOrThrow();
  await db()
    .insertInto('survey_versions')
    .values({ survey_id: survey.id, version: 1, definition: JSON.stringify({ pages: [{ questions: [{ id: 'nps', type: 'nps', required: true, text: { en: 'Recommend us?' } }] }] }) })
    .execute();
  const token = randomBytes(16).toString('base64url');
  surveyLink = { id: (await db().insertInto('survey_links').values({ org_id: orgId, survey_id: survey.id, token, scope: 'organisation' }).returning('id').executeTakeFirstOrThrow()).id, token };
  programmeId = (
    await db()
      .insertInto('referral_programmes')
      .values({
        org_id: orgId,
        name: 'Friends bring friends',
        status: 'active',
        referrer_reward: JSON.stringify({ kind: 'points', amount: 100 }),
        referee_reward: JSON.stringify({ kind: 'points', amount: 50 }),
        eligibility: '{}',
        market_rules: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  storyId = (
    await db()
      .insertInto('stories')
      .values({
        org_id: orgId,
        title: 'Back on my feet',
        body: 'The physiotherapy team helped me walk again after the operation.',
        locale: 'en',
        source: 'staff',
        status: 'approved',
        manage_token: randomBytes(16).toString('base64url'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await app?.close();
});

test('a link is validated: an article needs an http(s) address, other kinds a target of the organisation; errors say what was wrong', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ targetKind: 'article', targetUrl: 'javascript:alert(1)' }, 'targetUrl must be an http or https address, not “javascript:alert(1)”'],
    [{ targetKind: 'article', targetUrl: 'ftp://files.example.com/a' }, 'targetUrl must be an http or https address'],
    [{ targetKind: 'article' }, 'a link to an article needs targetUrl'],
    [{ targetKind: 'story' }, 'a link to a story needs targetId'],
    [{ targetKind: 'story', targetId: storyId, targetUrl: 'https://example.com' }, 'targetUrl is for articles only'],
    [{ targetKind: 'survey', targetId: '00000000-0000-4000-8000-000000000000' }, 'no survey link with this targetId in your organisation'],
    [{ targetKind: 'referral', targetId: 'not-an-id' }, 'no referral programme with this targetId in your organisation'],
    [{ targetKind: 'story', targetId: storyId, channel: 'wechat' }, 'the story cannot be shared on this channel: '],
  ];
  for (const [body, message] of cases) {
    const res = await make(body);
    expect(res.statusCode, JSON.stringify(body)).toBe(400);
    expect(res.json().error.message).toContain(message);
  }
  // Russian readers read it in Russian.
  const ru = await admin.request({ method: 'POST', url: '/api/sharing/links', payload: { targetKind: 'article', targetUrl: 'mailto:x@y' }, headers: { 'accept-language': 'ru' } });
  expect(ru.json().error.message).toContain('targetUrl должен быть адресом http или https');
  // Another organisation's survey link is no target here; leadership reads but cannot make links.
  expect((await make({ targetKind: 'survey', targetId: surveyLink.id }, otherAdmin)).statusCode).toBe(400);
  expect((await make({ targetKind: 'article', targetUrl: 'https://example.com' }, leadership)).statusCode).toBe(403);
});

test('/l/<code> counts a human once per day, keeps robots apart, sets the arrival cookie and redirects by kind', async () => {
  const article = (await make({ targetKind: 'article', targetUrl: 'https://health.example.com/knee?x=1', channel: 'wechat', label: 'Knee article' })).json() as Json;
  expect(article.link.url).toMatch(/\/l\/[2-9A-Z]{8}$/);
  const first = await visit(article.link.code, CHROME);
  expect(first.statusCode).toBe(302);
  expect(first.headers.location).toBe('https://health.example.com/knee?x=1');
  const cookie = (first.cookies as { name: string; value: string; httpOnly?: boolean; sameSite?: string; maxAge?: number; path?: string }[]).find((c) => c.name === 'verity_via')!;
  expect(cookie).toMatchObject({ value: article.link.code, httpOnly: true, sameSite: 'Lax', maxAge: 30 * 86400, path: '/' });
  await visit(article.link.code, CHROME);
  await visit(article.link.code, CHROME, '198.51.100.9');
  const bot = await visit(article.link.code, GOOGLEBOT);
  expect(bot.statusCode).toBe(302);
  expect(bot.cookies.find((c) => c.name === 'verity_via')).toBeUndefined();
  await visit(article.link.code, null);
  expect(await figures(article.link.id)).toMatchObject({ clicks: 3, visitors: 2, botClicks: 2, reach: 2 });
  // No address is stored anywhere: only the day-salted hash.
  const stored = await db().selectFrom('share_clicks').selectAll().where('link_id', '=', article.link.id).execute();
  expect(JSON.stringify(stored)).not.toContain('203.0.113.7');

  const survey = (await make({ targetKind: 'survey', targetId: surveyLink.id, channel: 'sms' })).json() as Json;
  expect((await visit(survey.link.code, CHROME)).headers.location).toBe(`/s/${surveyLink.token}`);
  const referral = (await make({ targetKind: 'referral', targetId: programmeId, channel: 'qr' })).json() as Json;
  expect(referral.link.label).toBe('Friends bring friends');
  expect((await visit(referral.link.code.toLowerCase(), CHROME)).headers.location).toBe(`/r/${referral.link.code}`);

  // Disabled: a 404 page in the visitor's language; the figures stay.
  expect((await admin.post(`/api/sharing/links/${article.link.id}/disable`, {})).statusCode).toBe(200);
  expect((await admin.post(`/api/sharing/links/${article.link.id}/disable`, {})).json().error.message).toBe('the share link is disabled already');
  const gone = await visit(article.link.code, CHROME, '203.0.113.7', { 'accept-language': 'ru' });
  expect(gone.statusCode).toBe(404);
  expect(gone.body).toContain('Ссылка не работает');
  expect((await visit('ZZZZZZZZ', CHROME, '203.0.113.7', { 'accept-language': 'zh-CN' })).body).toContain('此链接无法打开');
  expect((await figures(article.link.id)).clicks).toBe(3);

  // A survey answered by a visitor who came by the link is its conversion (the survey publishes, sharing's job records it).
  await app.ctx.boss!.createQueue(surveyConversionJob.name);
  await app.ctx.boss!.subscribe('surveys.response-submitted', surveyConversionJob.name);
  const rt = randomBytes(18).toString('base64url');
  const answered = await app.server.inject({
    method: 'POST',
    url: `/s/${surveyLink.token}?lang=en`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `verity_via=${survey.link.code}` },
    payload: new URLSearchParams({ rt, page: '0', action: 'submit', 'q.nps': '9' }).toString(),
  });
  expect(answered.statusCode, answered.body).toBe(200);
  const [job] = await app.ctx.boss!.fetch(surveyConversionJob.name);
  await runJob(app.ctx, surveyConversionJob, job!.data);
  expect((await figures(survey.link.id)).conversions).toMatchObject({ survey_submitted: 1, booked: 0 });

  const png = await admin.get(`/api/sharing/links/${survey.link.id}/qr.png`);
  expect(png.headers['content-type']).toBe('image/png');
  expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  expect((await admin.get(`/api/sharing/links/${survey.link.id}/qr.svg`)).body).toContain('<svg');
});

test('a story is shared only where its consent reaches; its use is recorded and a revoked consent stops the link', async () => {
  await db()
    .insertInto('story_consents')
    .values({ org_id: orgId, story_id: storyId, use: 'social', channels: ['wechat'], valid_from: '2020-01-01', granted_via: 'paper', consent_text: 'I agree', consent_locale: 'en' })
    .execute();
  const refused = await make({ targetKind: 'story', targetId: storyId, channel: 'weibo' });
  expect(refused.statusCode).toBe(400);
  const made = await make({ targetKind: 'story', targetId: storyId, channel: 'wechat' });
  expect(made.statusCode, made.body).toBe(201);
  const link = (made.json() as Json).link;
  expect(link).toMatchObject({ label: 'Back on my feet', targetName: 'Back on my feet' });
  expect((await visit(link.code, CHROME)).headers.location).toBe(`/story/${storyId}`);
  const use = await db().selectFrom('story_uses').select(['id', 'use', 'channel']).where('ref_id', '=', link.id).executeTakeFirstOrThrow();
  expect(use).toMatchObject({ use: 'social', channel: 'wechat' });
  await db().updateTable('story_uses').set({ flagged_at: new Date(), flag_reason: 'consent_revoked' }).where('id', '=', use.id).execute();
  expect((await visit(link.code, CHROME)).statusCode).toBe(404);
});

test('a visitor who arrived by a link gets their own child link on /l/<code>/share', async () => {
  const parent = ((await make({ targetKind: 'article', targetUrl: 'https://health.example.com/diet', channel: 'wechat' })).json() as Json).link;
  const page = await app.server.inject({ method: 'GET', url: `/l/${parent.code}/share?lang=en` });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Get my link');
  expect(page.body).not.toContain('<script');
  const bad = await app.server.inject({ method: 'POST', url: `/l/${parent.code}/share?lang=en`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'channel=print' });
  expect(bad.statusCode).toBe(400);
  const res = await app.server.inject({ method: 'POST', url: `/l/${parent.code}/share?lang=zh-CN`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'channel=weibo' });
  expect(res.statusCode).toBe(200);
  expect(res.body).toContain('您的链接');
  expect(res.body).toContain('data:image/svg+xml;base64,');
  const code = /\/l\/([2-9A-Z]{8})"/.exec(res.body)![1]!;
  const child = await db().selectFrom('share_links').select(['parent_id', 'origin_id', 'depth', 'channel', 'target_url', 'owner_user_id']).where('code', '=', code).executeTakeFirstOrThrow();
  expect(child).toEqual({ parent_id: parent.id, origin_id: parent.id, depth: 1, channel: 'weibo', target_url: 'https://health.example.com/diet', owner_user_id: null });
  const grandchild = await app.server.inject({ method: 'POST', url: `/l/${code}/share`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'channel=telegram' });
  const code2 = /\/l\/([2-9A-Z]{8})"/.exec(grandchild.body)![1]!;
  expect(await db().selectFrom('share_links').select(['origin_id', 'depth']).where('code', '=', code2).executeTakeFirstOrThrow()).toEqual({ origin_id: parent.id, depth: 2 });
  expect((await figures(parent.id)).children).toBe(1);
});

test('propagation: a known tree gives its depth, reach, direct and via conversions and who referred next', async () => {
  const by = (l: ShareLinkRow, ip: string, ua = CHROME) => recordClick(db(), { orgId, linkId: l.id, ip, userAgent: ua });
  const origin = await createShareLink(db(), { orgId, targetKind: 'referral', targetId: programmeId, channel: 'wechat', label: 'Tree origin' });
  const [anna, boris, chen] = [await patient('Anna'), await patient('Boris'), await patient('Chen')];
  await by(origin, '10.0.0.1');
  await by(origin, '10.0.0.2');
  await by(origin, '10.0.0.2');
  await by(origin, '10.0.0.9', GOOGLEBOT);
  await recordConversion(db(), { orgId, linkId: origin.id, patientId: anna, kind: 'booked' });
  await recordConversion(db(), { orgId, linkId: origin.id, patientId: anna, kind: 'visited' });
  // Anna's own link continues the chain; Boris came by it and shared on too; Chen came by Boris's.
  const annas = await createShareLink(db(), { orgId, targetKind: 'referral', targetId: programmeId, ownerPatientId: anna, parentId: origin.id, channel: 'sms' });
  await by(annas, '10.0.0.2');
  await by(annas, '10.0.0.3');
  await recordConversion(db(), { orgId, linkId: annas.id, patientId: boris, kind: 'booked' });
  const boriss = await createShareLink(db(), { orgId, targetKind: 'referral', targetId: programmeId, ownerPatientId: boris, parentId: annas.id });
  await by(boriss, '10.0.0.4');
  await recordConversion(db(), { orgId, linkId: boriss.id, patientId: chen, kind: 'visited' });
  expect(boriss).toMatchObject({ originId: origin.id, depth: 2 });

  const res = await leadership.get(`/api/sharing/propagation?origin=${boriss.id}`);
  expect(res.statusCode, res.body).toBe(200);
  const { origins, tree } = res.json() as {
    origins: { id: string }[];
    tree: {
      origin: Record<string, unknown>;
      nodes: { id: string; parentId: string | null; kind: string; reach: number; direct: number; via: number; visitors: number; botClicks: number; sharedNext: number }[];
    };
  };
  expect(origins.map((o) => o.id)).toContain(origin.id);
  // Reach: 10.0.0.1, .2, .3, .4 (the robot and .2's repeat left out).
  expect(tree.origin).toMatchObject({ id: origin.id, links: 3, depth: 2, reach: 4, conversions: 4, direct: 2, referredNext: 2 });
  const node = (id: string) => tree.nodes.find((n) => n.id === id)!;
  expect(node(origin.id)).toMatchObject({ parentId: null, visitors: 2, botClicks: 1, reach: 4, direct: 2, via: 2 });
  expect(node(annas.id)).toMatchObject({ visitors: 2, reach: 3, direct: 1, via: 1 });
  expect(node(boriss.id)).toMatchObject({ visitors: 1, reach: 1, direct: 1, via: 0 });
  // Anna is the patient node between the origin and her link; Chen came but shared nothing.
  const annaNode = tree.nodes.find((n) => n.kind === 'patient' && n.parentId === origin.id)!;
  expect(annaNode).toMatchObject({ direct: 2, sharedNext: 1 });
  expect(node(annas.id).parentId).toBe(annaNode.id);
  expect(tree.nodes.find((n) => n.kind === 'patient' && n.parentId === boriss.id)).toMatchObject({ sharedNext: 0 });
  // The list's figures agree: the subtree's reach per link.
  expect(await figures(annas.id)).toMatchObject({ reach: 3, children: 1, conversions: { booked: 1, visited: 0 } });

  // The overview tile: links made, unique visitors, patients who came, those who made their own link.
  const today = utcDay(new Date());
  const overview = (await leadership.get(`/api/dashboards/overview?from=${today}&to=${today}`)).json() as { referrals: Record<string, number> | null };
  expect(overview.referrals).toMatchObject({ came: 3, referredNext: 2 });
  expect(overview.referrals!.shared).toBeGreaterThanOrEqual(3);
  expect(overview.referrals!.clicked).toBeGreaterThanOrEqual(4);
  // An organisation with no share links has no tile, and sees nothing of this one.
  expect(((await otherAdmin.get(`/api/dashboards/overview?from=${today}&to=${today}`)).json() as { referrals: unknown }).referrals).toBeNull();
  expect((await otherAdmin.get(`/api/sharing/propagation?origin=${origin.id}`)).statusCode).toBe(404);
  expect((await otherAdmin.get(`/api/sharing/links/${origin.id}`)).statusCode).toBe(404);
  expect(((await otherAdmin.get('/api/sharing/links')).json() as { total: number }).total).toBe(0);
});

test('after the purge a hash of yesterday cannot be recomputed; today’s visitors still count once', async () => {
  const yesterday = new Date(Date.now() - 86_400_000);
  const before = await visitorHash(db(), '192.0.2.1', CHROME, yesterday);
  expect(await visitorHash(db(), '192.0.2.1', CHROME, yesterday)).toBe(before);
  const today = await visitorHash(db(), '192.0.2.1', CHROME);
  expect(await purgeSalts(db())).toBeGreaterThanOrEqual(1);
  expect(await db().selectFrom('share_salts').select('day').where('day', '<', utcDay(new Date())).execute()).toEqual([]);
  // A new salt is made for the day if asked again, so the old hash is out of reach.
  expect(await visitorHash(db(), '192.0.2.1', CHROME, yesterday)).not.toBe(before);
  expect(await visitorHash(db(), '192.0.2.1', CHROME)).toBe(today);
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/database.ts';
import { ARRIVAL_COOKIE, createShareLink } from '../sharing/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { expireConsents } from './revoke-consent.ts';
import { recordStoryUse } from './story-use.ts';

let app: TestApp;
let db: Db;
let orgId: string;
let admin: TestClient;
let marketing: TestClient;
let marketingId: string;
let adminId: string;
let requestToken: string;
let patientId: string;

/** A multipart form like a browser sends it: repeated names allowed, an optional file. */
function form(fields: [string, string][], file?: { name: string; content: Buffer; type: string }) {
  const boundary = '----veritystory';
  const parts: Buffer[] = fields.map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const GOOD: [string, string][] = [
  ['lang', 'en'],
  ['title', 'A calm knee operation'],
  ['body', 'The nurse explained every step and the wait was short. I felt looked after.'],
  ['author', 'Ms Li'],
  ['use', 'website'],
  ['use', 'social'],
  ['duration', '1y'],
  ['material', 'none'],
];

beforeAll(async () => {
  app = await createTestApp();
  db = app.ctx.db;
  orgId = await app.createOrg('stories');
  admin = await app.userClient(orgId, 'admin', { email: 'admin@stories.test' });
  marketing = await app.userClient(orgId, 'marketing', { email: 'mkt@stories.test' });
  adminId = (await db.selectFrom('users').select('id').where('email', '=', 'admin@stories.test').executeTakeFirstOrThrow()).id;
  marketingId = (await db.selectFrom('users').select('id').where('email', '=', 'mkt@stories.test').executeTakeFirstOrThrow()).id;
  patientId = (await db.insertInto('patients').values({ org_id: orgId, name: 'Li Hua', locale: 'en' }).returning('id').executeTakeFirstOrThrow()).id;
  const res = await admin.request({ method: 'POST', url: '/api/story-requests', payload: { patientId, label: 'Li Hua' } });
  expect(res.statusCode).toBe(201);
  requestToken = res.json().request.token;
});

afterAll(async () => app?.close());

async function submit(fields: [string, string][], file?: { name: string; content: Buffer; type: string }) {
  return app.server.inject({ method: 'POST', url: `/tell/${requestToken}`, ...form(fields, file) });
}

async function approve(id: string) {
  const res = await admin.request({ method: 'POST', url: `/api/stories/${id}/approve`, payload: { note: 'ok' } });
  expect(res.statusCode).toBe(200);
}

const tokenOf = (page: string) => /\/my-story\/([A-Za-z0-9_-]+)/.exec(page)![1]!;

describe('the story form', () => {
  test('names each bad field and keeps what was typed', async () => {
    const res = await submit([
      ['lang', 'en'],
      ['title', ''],
      ['body', 'Too short'],
      ['author', 'Kept Name'],
      ['video', 'javascript:alert(1)'],
      ['use', 'website'],
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Give the story a title.');
    expect(res.body).toContain('Tell the story in at least 20 characters.');
    expect(res.body).toContain('The video link must be a web address starting with http:// or https://.');
    expect(res.body).toContain('Choose how long your consent lasts.');
    expect(res.body).toContain('Answer the question about your connection to the clinic');
    expect(res.body).toContain('value="Kept Name"');
    expect(res.body).toContain('>Too short</textarea>');
    expect(res.body).toMatch(/value="website"\s+checked/);
    expect(await db.selectFrom('stories').select('id').where('org_id', '=', orgId).execute()).toHaveLength(0);
  });

  test('refuses a story with no use ticked, and a file that is not a picture', async () => {
    const res = await submit(
      GOOD.filter(([k]) => k !== 'use'),
      { name: 'x.jpg', content: Buffer.from('not an image at all'), type: 'image/jpeg' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choose at least one use of your story.');
    expect(res.body).toContain('The photo must be a JPEG, PNG or WebP picture.');
  });

  test('stores the story, its consents with the words shown and a photo without metadata', async () => {
    const { default: sharp } = await import('sharp');
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c08040' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Secret Camera', Artist: 'Li Hua' } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const res = await submit(GOOD, { name: 'knee.jpg', content: jpeg, type: 'image/jpeg' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('your story has been received');
    const story = await db.selectFrom('stories').selectAll().where('manage_token', '=', tokenOf(res.body)).executeTakeFirstOrThrow();
    expect(story).toMatchObject({ patient_id: patientId, source: 'portal', status: 'submitted', author_name: 'Ms Li', locale: 'en', photo_mime: 'image/jpeg' });
    expect((await sharp(story.photo!).metadata()).exif).toBeUndefined();
    const consents = await db.selectFrom('story_consents').selectAll().where('story_id', '=', story.id).orderBy('use').execute();
    expect(consents.map((c) => c.use)).toEqual(['social', 'website']);
    expect(consents[1]!.channels).toEqual(['website']);
    expect(consents[1]!.consent_text).toBe('Website: Clinic stories may publish it on its website (Website). — for 1 year');
    expect(consents[1]!).toMatchObject({ granted_via: 'portal', consent_locale: 'en' });
  });
});

describe('staff on the patient’s behalf, review and the compliance check', () => {
  let storyId: string;
  test('records a story on paper consent with who recorded it', async () => {
    const res = await marketing.request({
      method: 'POST',
      url: '/api/stories',
      payload: {
        patientId,
        title: '护士很耐心',
        body: '护士很耐心，医生解释得很清楚，候诊时间也不长。',
        locale: 'zh-CN',
        materialConnection: 'none',
        via: 'paper',
        consents: [{ use: 'advertising', channels: ['online_ads'], duration: 'until_revoked' }],
      },
    });
    expect(res.statusCode).toBe(201);
    storyId = res.json().story.id;
    const c = await db.selectFrom('story_consents').selectAll().where('story_id', '=', storyId).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ granted_via: 'paper', recorded_by: marketingId, valid_until: null });
  });
  test('a bad field is named', async () => {
    const res = await marketing.request({
      method: 'POST',
      url: '/api/stories',
      payload: { title: 'x', body: 'short', locale: 'en', materialConnection: 'none', via: 'paper', consents: [{ use: 'website', channels: ['website'], duration: '1y' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ field: 'body' });
  });
  test('China refuses advertising with the rule and law; the US allows it with disclosures', async () => {
    await approve(storyId);
    const cn = await admin.request({ method: 'POST', url: `/api/stories/${storyId}/check`, payload: { use: 'advertising', channel: 'online_ads', market: 'cn' } });
    expect(cn.json()).toMatchObject({ allowed: false, market: 'cn' });
    expect(cn.json().findings[0]).toMatchObject({ rule: 'cn.ad_testimonial', severity: 'block' });
    const us = await admin.request({ method: 'POST', url: `/api/stories/${storyId}/check`, payload: { use: 'advertising', channel: 'online_ads', market: 'us' } });
    expect(us.json().allowed).toBe(true);
    const detail = await admin.request({ method: 'GET', url: `/api/stories/${storyId}` });
    expect(detail.json().compliance.find((c: { use: string }) => c.use === 'advertising')).toMatchObject({ allowed: false });
    const rules = await admin.request({ method: 'GET', url: '/api/stories/compliance-rules', headers: { 'accept-language': 'ru' } });
    expect(rules.json().items.find((r: { id: string }) => r.id === 'ru.contraindications').text).toContain('противопоказания');
  });
});

describe('revocation', () => {
  test('revoking on /my-story flags the post, the poster and the share link, takes the post down and tells each owner', async () => {
    const res = await submit(GOOD);
    const token = tokenOf(res.body);
    const story = await db.selectFrom('stories').select('id').where('manage_token', '=', token).executeTakeFirstOrThrow();
    await approve(story.id);
    const post = await db
      .insertInto('content_posts')
      .values({
        org_id: orgId,
        title: 'Patient voices',
        channel: 'wechat',
        use: 'social',
        market: 'cn',
        status: 'scheduled',
        owner_user_id: marketingId,
        scheduled_for: new Date(Date.now() + 86400000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const poster = await db
      .insertInto('posters')
      .values({ org_id: orgId, story_id: story.id, quote: 'The nurse explained every step', locale: 'en', use: 'social', channel: 'wechat' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const link = await createShareLink(db, { orgId, targetKind: 'story', targetId: story.id, channel: 'wechat', ownerUserId: adminId });
    await recordStoryUse(db, { orgId, storyId: story.id, kind: 'post', refId: post.id, use: 'social', channel: 'wechat', label: 'Patient voices', ownerUserId: marketingId });
    await recordStoryUse(db, { orgId, storyId: story.id, kind: 'poster', refId: poster.id, use: 'social', channel: 'wechat', label: 'Poster', ownerUserId: adminId });
    await recordStoryUse(db, { orgId, storyId: story.id, kind: 'share_link', refId: link.id, use: 'social', channel: 'wechat', label: link.code, ownerUserId: adminId });
    await recordStoryUse(db, { orgId, storyId: story.id, kind: 'website', refId: null, use: 'website', channel: 'website', label: 'Stories page', ownerUserId: marketingId });

    const before = await app.server.inject({ method: 'GET', url: `/story/${story.id}?via=${link.code}` });
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('A calm knee operation');

    const page = await app.server.inject({ method: 'GET', url: `/my-story/${token}` });
    const social = await db.selectFrom('story_consents').select('id').where('story_id', '=', story.id).where('use', '=', 'social').executeTakeFirstOrThrow();
    expect(page.body).toContain(`/my-story/${token}/consents/${social.id}/revoke`);
    const revoked = await app.server.inject({ method: 'POST', url: `/my-story/${token}/consents/${social.id}/revoke`, payload: {} });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.body).toContain('Your consent is revoked');

    const uses = await db.selectFrom('story_uses').select(['kind', 'flagged_at', 'flag_reason']).where('story_id', '=', story.id).orderBy('kind').execute();
    expect(uses.filter((u) => u.flagged_at).map((u) => u.kind)).toEqual(['post', 'poster', 'share_link']);
    expect(uses.find((u) => u.kind === 'website')!.flagged_at).toBeNull();
    expect(uses.every((u) => u.kind === 'website' || u.flag_reason === 'consent_revoked')).toBe(true);
    expect((await db.selectFrom('content_posts').select('status').where('id', '=', post.id).executeTakeFirstOrThrow()).status).toBe('taken_down');
    const notes = await db
      .selectFrom('notification_recipients as r')
      .innerJoin('notifications as n', 'n.id', 'r.notification_id')
      .select(['r.user_id', 'n.url', 'n.message'])
      .where('n.org_id', '=', orgId)
      .where('n.url', '=', `/stories/${story.id}`)
      .execute();
    expect(notes.filter((n) => n.user_id === marketingId)).toHaveLength(1);
    expect(notes.filter((n) => n.user_id === adminId)).toHaveLength(2);

    // The share link now lands on "no longer available"; the website consent still covers a direct visit.
    expect((await app.server.inject({ method: 'GET', url: `/story/${story.id}?via=${link.code}` })).statusCode).toBe(410);
    expect((await app.server.inject({ method: 'GET', url: `/story/${story.id}` })).statusCode).toBe(200);

    // Staff mark a flagged use taken down (audited); the detail shows it.
    const flagged = await db.selectFrom('story_uses').select('id').where('story_id', '=', story.id).where('kind', '=', 'poster').executeTakeFirstOrThrow();
    expect((await marketing.request({ method: 'POST', url: `/api/story-uses/${flagged.id}/taken-down` })).statusCode).toBe(200);
    const detail = (await admin.request({ method: 'GET', url: `/api/stories/${story.id}` })).json();
    expect(detail.uses.find((u: { kind: string }) => u.kind === 'poster').takenDownAt).not.toBeNull();
    const audit = await db.selectFrom('audit_log').select('action').where('org_id', '=', orgId).where('target_id', '=', story.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['story.create', 'story.approve', 'story_consent.revoke', 'story_use.taken_down']));

    // Withdrawing the story flags the rest and closes the public page.
    const withdrawn = await app.server.inject({ method: 'POST', url: `/my-story/${token}/withdraw`, payload: { confirm: '1' } });
    expect(withdrawn.body).toContain('Your story is withdrawn');
    const web = await db.selectFrom('story_uses').select(['flagged_at', 'flag_reason']).where('story_id', '=', story.id).where('kind', '=', 'website').executeTakeFirstOrThrow();
    expect(web.flag_reason).toBe('story_withdrawn');
    expect((await app.server.inject({ method: 'GET', url: `/story/${story.id}` })).statusCode).toBe(410);
  });

  test('the expiry job flags the uses of a consent past its end, and only those', async () => {
    const res = await submit(GOOD);
    const story = await db.selectFrom('stories').select('id').where('manage_token', '=', tokenOf(res.body)).executeTakeFirstOrThrow();
    await db.updateTable('story_consents').set({ valid_from: '2024-01-01', valid_until: '2025-01-01' }).where('story_id', '=', story.id).where('use', '=', 'social').execute();
    await recordStoryUse(db, { orgId, storyId: story.id, kind: 'share_link', refId: '00000000-0000-4000-8000-000000000001', use: 'social', channel: 'wechat', ownerUserId: marketingId });
    await recordStoryUse(db, { orgId, storyId: story.id, kind: 'website', refId: null, use: 'website', channel: 'website', ownerUserId: marketingId });
    const result = await expireConsents(db, null, '2026-06-01');
    expect(result.flagged).toBe(1);
    const uses = await db.selectFrom('story_uses').select(['use', 'flag_reason']).where('story_id', '=', story.id).orderBy('use').execute();
    expect(uses).toEqual([
      { use: 'social', flag_reason: 'consent_expired' },
      { use: 'website', flag_reason: null },
    ]);
    expect((await expireConsents(db, null, '2026-06-01')).flagged).toBe(0);
  });
});

describe('the public story page', () => {
  test('only an approved story, with a disclosure line for a material connection; unknown ids are gone', async () => {
    const res = await submit(GOOD.map(([k, v]) => [k, k === 'material' ? 'employee' : v] as [string, string]));
    const story = await db.selectFrom('stories').select('id').where('manage_token', '=', tokenOf(res.body)).executeTakeFirstOrThrow();
    expect((await app.server.inject({ method: 'GET', url: `/story/${story.id}` })).statusCode).toBe(410);
    await approve(story.id);
    const page = await app.server.inject({ method: 'GET', url: `/story/${story.id}?lang=en` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Clinic stories');
    expect(page.body).toContain('Disclosure: the author has a connection to the clinic (I work at the clinic).');
    // A link shared on X is covered by the social consent while it names X, and refused once it does not.
    const douyin = await createShareLink(db, { orgId, targetKind: 'story', targetId: story.id, channel: 'x' });
    expect((await app.server.inject({ method: 'GET', url: `/story/${story.id}`, cookies: { [ARRIVAL_COOKIE]: douyin.code } })).statusCode).toBe(200);
    await db
      .updateTable('story_consents')
      .set({ channels: ['wechat'] })
      .where('story_id', '=', story.id)
      .where('use', '=', 'social')
      .execute();
    expect((await app.server.inject({ method: 'GET', url: `/story/${story.id}`, cookies: { [ARRIVAL_COOKIE]: douyin.code } })).statusCode).toBe(410);
    expect((await app.server.inject({ method: 'GET', url: '/story/not-a-uuid' })).statusCode).toBe(410);
    expect((await app.server.inject({ method: 'GET', url: '/tell/unknown-token-xyz' })).statusCode).toBe(404);
  });
});

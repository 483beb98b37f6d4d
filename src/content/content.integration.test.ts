import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Db } from '../db/database.ts';
import type { PublicationChannel } from '../stories/stories.vocab.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';

/*
 * One clinic in China with an approved story consented for the website and WeChat (through
 * 2027-01-31) and nothing else: brand validation, posters in Chinese, Russian and English (pixels
 * and the PDF's text), a poster and a post refused for advertising (consent + cn.ad_testimonial),
 * scheduling inside and outside the consent's period, and the story uses recorded and released.
 */

let app: TestApp;
let db: Db;
let admin: TestClient;
let leader: TestClient;
let orgId: string;
let storyId: string;
let ruStoryId: string;
let usStoryId: string;
const dir = mkdtempSync(path.join(tmpdir(), 'verity-content-'));
const ZH_QUOTE = '手术前我非常紧张，王医生耐心地给我讲解了每一个步骤。护士们每天都来看我，让我感到很温暖。';

async function story(
  values: { title: string; body: string; locale: 'zh-CN' | 'ru' | 'en'; material?: 'none' | 'free_or_discounted_care' },
  consents: { use: 'website' | 'social' | 'advertising'; channels: PublicationChannel[] }[],
): Promise<string> {
  const row = await db
    .insertInto('stories')
    .values({
      org_id: orgId,
      title: values.title,
      body: values.body,
      locale: values.locale,
      source: 'staff',
      status: 'approved',
      material_connection: values.material ?? 'none',
      manage_token: `t-${Math.random()}`,
      author_name: '李女士',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const c of consents)
    await db
      .insertInto('story_consents')
      .values({
        org_id: orgId,
        story_id: row.id,
        use: c.use,
        channels: c.channels,
        valid_from: '2026-01-01',
        valid_until: '2027-01-31',
        granted_via: 'paper',
        consent_text: '同意',
        consent_locale: 'zh-CN',
      })
      .execute();
  return row.id;
}

beforeAll(async () => {
  app = await createTestApp();
  db = app.ctx.db;
  orgId = await app.createOrg('content');
  await db.updateTable('organisations').set({ name: '康宁医院' }).where('id', '=', orgId).execute();
  admin = await app.userClient(orgId, 'admin');
  leader = await app.userClient(orgId, 'leadership');
  storyId = await story({ title: '骨科手术', body: ZH_QUOTE, locale: 'zh-CN' }, [{ use: 'website', channels: ['website', 'wechat'] }]);
  ruStoryId = await story({ title: 'Операция', body: 'Врачи объяснили каждый шаг операции.', locale: 'ru' }, [{ use: 'website', channels: ['website'] }]);
  usStoryId = await story({ title: 'Knee', body: 'The nurses checked on me every day.', locale: 'en', material: 'free_or_discounted_care' }, [{ use: 'social', channels: ['facebook'] }]);
}, 60_000);

afterAll(async () => {
  await app?.close();
});

const put = (c: TestClient, url: string, payload: unknown, options: { headers?: Record<string, string> } = {}) =>
  c.request({ method: 'PUT', url, payload: payload as string, headers: options.headers });
const zhPost = (c: TestClient, url: string, payload: unknown) => c.request({ method: 'POST', url, payload: payload as string, headers: { 'accept-language': 'zh-CN' } });
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="200" height="80" rx="12" fill="#0f766e"/><circle cx="40" cy="40" r="24" fill="#fff"/></svg>';
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const brand = (extra: Record<string, unknown>) => ({ primaryColor: '#0f766e', accentColor: '#f59e0b', tagline: '用心守护每一位患者', website: 'https://kangning.example.cn', ...extra });

test('brand: colours, contrast, website and the logo are checked; an SVG logo is stored as a PNG without its script', async () => {
  let res = await put(admin, '/api/brand', brand({ primaryColor: 'teal' }));
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toBe('primaryColor must be a colour as #rrggbb (got "teal")');
  res = await put(admin, '/api/brand', brand({ primaryColor: '#ffee00' }));
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toMatch(/^white text on the primary colour #ffee00 is unreadable \(contrast 1\.\d:1/);
  res = await put(admin, '/api/brand', brand({ website: 'javascript:alert(1)' }));
  expect(res.json().error.message).toBe('the website must be an http or https address (got "javascript:alert(1)")');
  res = await put(admin, '/api/brand', brand({ logo: b64(SVG.replace('<circle', '<script>alert(1)</script><circle')) }));
  expect(res.json().error.message).toBe('the SVG logo contains <script>, which a logo may not carry');
  res = await put(admin, '/api/brand', brand({ logo: b64(SVG.replace('<circle', '<image href="file:///etc/hosts"/><circle')) }));
  expect(res.json().error.message).toBe('the SVG logo contains href="file:///etc/hosts", which a logo may not carry');
  res = await put(admin, '/api/brand', brand({ logo: b64('GIF89a not a logo') }));
  expect(res.json().error.message).toBe('the logo must be a PNG, JPEG or SVG image (its bytes are neither)');
  res = await put(admin, '/api/brand', brand({ logo: b64(Buffer.alloc(600 * 1024, 1)) }));
  expect(res.json().error.message).toBe('the logo is 600 KB; at most 512 KB');
  expect(res.json().error.details.reason).toBe('content.logoTooLarge');
  // 3:1 ≤ contrast < 4.5:1 is saved with a warning; the logo is a PNG of the SVG.
  res = await put(admin, '/api/brand', brand({ primaryColor: '#2a9d8f', logo: b64(SVG) }), { headers: { 'accept-language': 'zh-CN' } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().warnings[0]).toContain('#2a9d8f');
  expect(res.json().brand).toMatchObject({ primaryColor: '#2a9d8f', hasLogo: true, contrast: { ok: false } });
  res = await put(admin, '/api/brand', brand({}));
  expect(res.json()).toMatchObject({ brand: { primaryColor: '#0f766e', hasLogo: true, contrast: { ok: true } }, warnings: [] });
  const logo = await leader.get('/api/brand/logo');
  expect(logo.headers['content-type']).toBe('image/png');
  const meta = await sharp(logo.rawPayload).metadata();
  expect(meta).toMatchObject({ format: 'png', width: 800, height: 320 }); // rasterised at 800 px wide, its shape kept
  expect((await put(leader, '/api/brand', brand({}))).statusCode).toBe(403);
  const audit = await db.selectFrom('audit_log').select('action').where('org_id', '=', orgId).where('action', '=', 'brand.update').execute();
  expect(audit).toHaveLength(2);
});

/** Share of pixels darker than the background in the band of the image where the quote is set. */
async function darkShare(png: Buffer, top: number, bottom: number): Promise<{ dark: number; colours: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  let total = 0;
  const colours = new Set<number>();
  for (let y = Math.floor(info.height * top); y < Math.floor(info.height * bottom); y++)
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      const lum = 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
      if (lum < 100) dark++;
      total++;
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    }
  return { dark: dark / total, colours: colours.size };
}

const pdfText = (pdf: Buffer, name: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};

test('posters in Chinese, Russian and English: PNG pixels, the PDF text, the notices the law requires, the use and the QR link recorded', async () => {
  const preview = await admin.post('/api/posters/preview', {
    storyId,
    quote: ZH_QUOTE,
    attribution: '— 李女士，骨科患者',
    locale: 'zh-CN',
    size: 'square',
    use: 'website',
    channel: 'website',
    qr: true,
  });
  expect(preview.statusCode, preview.body).toBe(200);
  expect(preview.headers['content-type']).toBe('image/png');
  expect(await db.selectFrom('posters').select('id').where('org_id', '=', orgId).execute()).toHaveLength(0);

  const zh = await admin.post('/api/posters', {
    storyId,
    quote: ZH_QUOTE,
    attribution: '— 李女士，骨科患者',
    locale: 'zh-CN',
    size: 'a4',
    template: 'warm',
    use: 'website',
    channel: 'wechat',
    qr: true,
  });
  expect(zh.statusCode, zh.body).toBe(201);
  const poster = zh.json().poster;
  expect(poster).toMatchObject({ storyId, size: 'a4', use: 'website', channel: 'wechat', notices: [], flag: null });
  expect(poster.shareCode).toMatch(/^[2-9A-Z]{8}$/);
  const link = await db.selectFrom('share_links').select(['target_kind', 'target_id', 'channel']).where('code', '=', poster.shareCode).executeTakeFirstOrThrow();
  expect(link).toEqual({ target_kind: 'story', target_id: storyId, channel: 'wechat' });
  const png = (await leader.get(`/api/posters/${poster.id}/png`)).rawPayload;
  expect(await sharp(png).metadata()).toMatchObject({ width: 1240, height: 1754 });
  const quoteBand = await darkShare(png, 0.25, 0.6);
  expect(quoteBand.dark).toBeGreaterThan(0.03);
  expect(quoteBand.colours).toBeGreaterThan(10);
  const pdf = await leader.get(`/api/posters/${poster.id}/pdf?download=1`);
  expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="poster-/);
  expect(pdfText(pdf.rawPayload, 'zh.pdf').replace(/\s+/g, '')).toContain(ZH_QUOTE);
  const uses = await db.selectFrom('story_uses').select(['kind', 'ref_id', 'use', 'channel']).where('story_id', '=', storyId).execute();
  expect(uses).toEqual([{ kind: 'poster', ref_id: poster.id, use: 'website', channel: 'wechat' }]);

  const ruQuote = 'Врачи объяснили каждый шаг операции, и я перестала бояться.';
  const ru = await admin.post('/api/posters', {
    storyId: ruStoryId,
    quote: ruQuote,
    attribution: '— Анна, пациентка ортопедии',
    locale: 'ru',
    size: 'square',
    template: 'clean',
    use: 'website',
    channel: 'website',
    market: 'ru',
  });
  expect(ru.statusCode, ru.body).toBe(201);
  expect(ru.json().poster.notices).toEqual(['ru.contraindications']);
  expect(ru.json().warnings.map((w: { rule: string }) => w.rule)).toContain('ru.contraindications');
  const ruText = pdfText((await admin.get(`/api/posters/${ru.json().poster.id}/pdf`)).rawPayload, 'ru.pdf').replace(/\s+/g, ' ');
  expect(ruText).toContain('Врачи объяснили');
  expect(ruText).toContain('Имеются противопоказания. Необходима консультация специалиста');
  expect((await darkShare((await admin.get(`/api/posters/${ru.json().poster.id}/png`)).rawPayload, 0.25, 0.5)).dark).toBeGreaterThan(0.01);

  const en = await admin.post('/api/posters', {
    storyId: usStoryId,
    quote: 'The nurses checked on me every single day.',
    attribution: '— Mary',
    locale: 'en',
    size: 'story',
    use: 'social',
    channel: 'facebook',
    market: 'us',
  });
  expect(en.statusCode, en.body).toBe(201);
  expect(en.json().poster.notices).toEqual(['us.material_connection']);
  const enText = pdfText((await admin.get(`/api/posters/${en.json().poster.id}/pdf`)).rawPayload, 'en.pdf').replace(/\s+/g, ' ');
  expect(enText).toContain('The nurses checked on me every single day.');
  expect(enText).toContain('Disclosure: the author received free or discounted care from this clinic.');
  expect((await admin.get('/api/posters')).json().items).toHaveLength(3);
  expect((await admin.get(`/api/posters?story=${storyId}`)).json().items).toHaveLength(1);
});

test('a blocked use makes no poster: 400 naming the rules and laws, explained in the reader’s language', async () => {
  const res = await zhPost(admin, '/api/posters', { storyId, quote: ZH_QUOTE, locale: 'zh-CN', use: 'advertising', channel: 'online_ads' });
  expect(res.statusCode).toBe(400);
  const body = res.json();
  expect(body.error.details.reason).toBe('content.useBlocked');
  expect(body.error.message).toContain('consent.none');
  expect(body.error.message).toContain('cn.ad_testimonial (《中华人民共和国广告法》第十六条');
  const findings = body.error.details.refusals[0].findings;
  const rules = findings.map((f: { rule: string }) => f.rule);
  expect(rules).toContain('consent.none');
  expect(rules).toContain('cn.ad_testimonial');
  expect(findings.find((f: { rule: string }) => f.rule === 'cn.ad_testimonial').text).toBe('中国：医疗广告不得利用患者的名义、形象作证明，不得含有患者的推荐或证明。');
  const tooLong = await admin.post('/api/posters', { storyId, quote: '好'.repeat(241), locale: 'zh-CN', use: 'website', channel: 'website' });
  expect(tooLong.json().error.message).toBe('the quote has 241 characters; at most 240');
  expect(await db.selectFrom('posters').select('id').where('use', '=', 'advertising').execute()).toHaveLength(0);
});

test('the calendar: scheduling checks every story on the post’s date, records the uses and releases removed stories', async () => {
  const ad = { title: '暖心故事', channel: 'online_ads', use: 'advertising', status: 'scheduled', scheduledFor: '2026-12-10T10:00:00+08:00', storyIds: [storyId] };
  let res = await admin.post('/api/content-posts', ad);
  expect(res.statusCode).toBe(400);
  expect(res.json().error.details.refusals[0]).toMatchObject({ storyId, storyTitle: '骨科手术' });
  expect(res.json().error.details.refusals[0].findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(['consent.none', 'cn.ad_testimonial']));
  expect(res.json().error.message).toMatch(/^the story "骨科手术" cannot be used for advertising on Online ads: consent\.none; cn\.ad_testimonial \(《中华人民共和国广告法》第十六条/);
  // A draft is a plan: nothing is checked or recorded until it is scheduled.
  res = await admin.post('/api/content-posts', { ...ad, status: 'draft' });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().post).toMatchObject({ status: 'draft', market: 'cn', stories: [{ id: storyId, title: '骨科手术', status: 'approved' }] });
  const draftId = res.json().post.id;
  expect((await admin.patch(`/api/content-posts/${draftId}`, { status: 'scheduled' })).statusCode).toBe(400);

  res = await admin.post('/api/content-posts', { title: '官网故事', channel: 'website', use: 'website', status: 'scheduled', scheduledFor: '2026-12-15T10:00:00+08:00', storyIds: [storyId] });
  expect(res.statusCode, res.body).toBe(201);
  const postId = res.json().post.id;
  const postUses = () => db.selectFrom('story_uses').select(['story_id', 'use', 'channel']).where('kind', '=', 'post').where('ref_id', '=', postId).execute();
  expect(await postUses()).toEqual([{ story_id: storyId, use: 'website', channel: 'website' }]);

  // Outside the consent's period (until 2027-01-31): refused, and the post keeps its date.
  res = await admin.patch(`/api/content-posts/${postId}`, { scheduledFor: '2027-03-01T10:00:00+08:00' });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.details.refusals[0].findings[0]).toMatchObject({ rule: 'consent.dates', text: "2027-03-01 is outside the consent's period (2026-01-01 – 2027-01-31)." });
  expect((await admin.get(`/api/content-posts/${postId}`)).json().post.scheduledFor).toBe('2026-12-15T02:00:00.000Z');
  // WeChat is covered; the channel change is recorded on the use.
  res = await admin.patch(`/api/content-posts/${postId}`, { channel: 'wechat', scheduledFor: '2027-01-20T10:00:00+08:00' });
  expect(res.statusCode, res.body).toBe(200);
  expect(await postUses()).toEqual([{ story_id: storyId, use: 'website', channel: 'wechat' }]);
  // Swapping the story for the Russian one (not covered on WeChat) is refused; removing it releases the use.
  expect((await admin.patch(`/api/content-posts/${postId}`, { storyIds: [ruStoryId] })).json().error.details.refusals[0].findings[0].rule).toBe('consent.channel');
  res = await admin.patch(`/api/content-posts/${postId}`, { storyIds: [] });
  expect(res.statusCode).toBe(200);
  expect(await postUses()).toEqual([]);
  await admin.patch(`/api/content-posts/${postId}`, { storyIds: [storyId] });
  expect(await postUses()).toHaveLength(1);
  res = await admin.patch(`/api/content-posts/${postId}`, { status: 'cancelled' });
  expect(res.json().post.status).toBe('cancelled');
  expect(await postUses()).toEqual([]);
  expect((await admin.patch(`/api/content-posts/${postId}`, { status: 'taken_down' })).json().error.details.reason).toBe('content.takenDownBySystem');
});

test('a post taken down by a revocation shows why; the month lists dated and undated posts', async () => {
  let res = await admin.post('/api/content-posts', {
    title: '微信推文',
    channel: 'wechat',
    use: 'website',
    status: 'scheduled',
    scheduledFor: '2026-12-20T09:00:00+08:00',
    storyIds: [storyId],
    ownerUserId: null,
  });
  const postId = res.json().post.id;
  // What STORIES does on a revocation: flag every use and take the post down.
  await db
    .updateTable('story_uses')
    .set({ flagged_at: new Date('2026-12-18T00:00:00Z'), flag_reason: 'consent_revoked' })
    .where('ref_id', '=', postId)
    .execute();
  await db.updateTable('content_posts').set({ status: 'taken_down' }).where('id', '=', postId).execute();
  res = await leader.get(`/api/content-posts/${postId}`);
  expect(res.json().post).toMatchObject({ status: 'taken_down', flags: [{ storyId, storyTitle: '骨科手术', reason: 'consent_revoked', at: '2026-12-18T00:00:00.000Z', takenDownAt: null }] });
  await admin.post('/api/content-posts', { title: '想法', channel: 'weibo', use: 'social', status: 'idea' });
  const month = (await leader.get('/api/content-posts?from=2026-12-01T00:00:00%2B08:00&to=2027-01-01T00:00:00%2B08:00')).json().items;
  expect(month.map((p: { title: string }) => p.title)).toEqual(['暖心故事', '微信推文', '想法']);
  const options = (await leader.get('/api/content/stories')).json().items;
  expect(options.find((o: { id: string }) => o.id === storyId).consents).toEqual([
    { use: 'website', channels: ['website', 'wechat'], validFrom: '2026-01-01', validUntil: '2027-01-31', revoked: false },
  ]);
  expect((await leader.post('/api/content-posts', { title: 'x', channel: 'wechat', use: 'website' })).statusCode).toBe(403);
});

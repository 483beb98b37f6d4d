import type { AppContext } from '../core/context.ts';
import { createShareLink, recordClick, recordConversion, type ShareLinkRow } from '../sharing/index.ts';
import { makeShareLink } from '../sharing/make-link.ts';
import type { ShareChannel } from '../sharing/sharing.vocab.ts';
import { mulberry32 } from './demo-compose.ts';

/**
 * The demo clinic's share links: two health articles of its own site on several channels, a survey
 * link by SMS and on a printed QR card, the approved demo stories on WeChat where their consent
 * covers it (the stories' check refuses the rest), and the active referral programme's poster QR;
 * clicks over the last six weeks from invented addresses (documentation ranges), some of them link
 * previews and crawlers (counted apart); and one chain three shares deep: a WeChat article brings a
 * patient who books and visits, shares it on, and so on, each share bringing the next patient.
 * Stories and programmes come from the other demos and are looked up, so any of them may be
 * missing. Idempotent: a clinic with the demo's first article link is left as it is.
 */
const ARTICLES = [
  { url: 'https://www.example-clinic.cn/health/knee-rehab', label: '膝关节术后康复指南' },
  { url: 'https://www.example-clinic.cn/health/child-fever', label: '儿童发烧怎么办：家长须知' },
];
const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49';
const ANDROID_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const BOT_UAS = [
  'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'TelegramBot (like TwitterBot)',
];
const DAY = 86_400_000;

export async function seedDemoSharing(ctx: Pick<AppContext, 'db'>, orgId: string, now = new Date()): Promise<{ links: number; clicks: number }> {
  const { db } = ctx;
  const seeded = await db.selectFrom('share_links').select('id').where('org_id', '=', orgId).where('label', '=', ARTICLES[0]!.label).executeTakeFirst();
  if (seeded) return { links: 0, clicks: 0 };
  const user = await db.selectFrom('users').select(['id', 'email']).where('org_id', '=', orgId).where('role', 'in', ['marketing', 'admin']).orderBy('role', 'desc').executeTakeFirst();
  const by = { orgId, userId: user?.id ?? null, actor: user?.email ?? 'demo', ip: null };
  const random = mulberry32(1111);
  let clicks = 0;
  let ip = 0;
  const backdate = async (link: ShareLinkRow, daysAgo: number) => {
    await db
      .updateTable('share_links')
      .set({ created_at: new Date(now.getTime() - daysAgo * DAY) })
      .where('id', '=', link.id)
      .execute();
  };
  /** `humans` visitors over the days since the link was made (a few come back the same day), and `bots` robots. */
  const visit = async (link: ShareLinkRow, daysAgo: number, humans: number, bots: number) => {
    for (let i = 0; i < humans; i++) {
      const at = new Date(now.getTime() - random() * daysAgo * DAY);
      const address = `203.0.113.${ip++ % 250}`;
      const ua = random() < 0.6 ? PHONE_UA : ANDROID_UA;
      await recordClick(db, { orgId, linkId: link.id, ip: address, userAgent: ua, at });
      clicks++;
      if (random() < 0.2) {
        await recordClick(db, { orgId, linkId: link.id, ip: address, userAgent: ua, at: new Date(at.getTime() + 600_000) });
        clicks++;
      }
    }
    for (let i = 0; i < bots; i++) {
      await recordClick(db, { orgId, linkId: link.id, ip: `198.51.100.${i % 250}`, userAgent: BOT_UAS[i % BOT_UAS.length], at: new Date(now.getTime() - random() * daysAgo * DAY) });
      clicks++;
    }
  };
  const made: ShareLinkRow[] = [];
  const make = async (input: Parameters<typeof makeShareLink>[2], daysAgo: number, humans: number, bots: number) => {
    try {
      const { link } = await makeShareLink(db, by, input);
      await backdate(link, daysAgo);
      await visit(link, daysAgo, humans, bots);
      made.push(link);
      return link;
    } catch {
      // A story whose consent does not cover the channel is refused, as it would be for staff.
      return null;
    }
  };

  const channels: [ShareChannel, number, number, number][] = [
    ['wechat', 40, 38, 5],
    ['weibo', 33, 14, 4],
    ['xiaohongshu', 25, 21, 2],
    ['douyin', 12, 9, 3],
    ['website', 20, 6, 6],
  ];
  let origin: ShareLinkRow | null = null;
  for (const [i, article] of ARTICLES.entries()) {
    for (const [channel, daysAgo, humans, bots] of channels.slice(i, i + 4)) {
      const link = await make({ targetKind: 'article', targetUrl: article.url, channel, label: article.label }, daysAgo - i * 3, humans, bots);
      if (i === 0 && channel === 'wechat') origin = link;
    }
  }
  const surveyLink = await db.selectFrom('survey_links').select('id').where('org_id', '=', orgId).where('scope', '=', 'organisation').where('disabled_at', 'is', null).executeTakeFirst();
  if (surveyLink) {
    await make({ targetKind: 'survey', targetId: surveyLink.id, channel: 'sms', label: '就诊后满意度短信' }, 30, 26, 1);
    await make({ targetKind: 'survey', targetId: surveyLink.id, channel: 'qr', label: '候诊区桌卡' }, 35, 17, 0);
  }
  const stories = await db.selectFrom('stories').select('id').where('org_id', '=', orgId).where('status', '=', 'approved').orderBy('created_at').limit(3).execute();
  for (const [i, story] of stories.entries()) {
    await make({ targetKind: 'story', targetId: story.id, channel: 'wechat' }, 18 - i * 4, 12 - i * 3, 2);
    await make({ targetKind: 'story', targetId: story.id, channel: 'website' }, 14 - i * 3, 5, 3);
  }
  const programme = await db.selectFrom('referral_programmes').select('id').where('org_id', '=', orgId).where('status', '=', 'active').executeTakeFirst();
  if (programme) await make({ targetKind: 'referral', targetId: programme.id, channel: 'print', label: '老带新 海报二维码' }, 28, 11, 0);

  // The chain: each patient who came by a link made their own (a share of a share), and brought the next.
  if (origin) {
    const names = ['演示患者 陈敏', '演示患者 刘洋', '演示患者 王芳', '演示患者 赵磊'];
    const shareOn: ShareChannel[] = ['wechat', 'xiaohongshu', 'wechat'];
    let parent: ShareLinkRow = origin;
    let daysAgo = 34;
    for (const [i, name] of names.entries()) {
      const patient = await db
        .insertInto('patients')
        .values({ org_id: orgId, name, locale: 'zh-CN', created_at: new Date(now.getTime() - daysAgo * DAY) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordConversion(db, { orgId, linkId: parent.id, patientId: patient.id, kind: 'booked', at: new Date(now.getTime() - daysAgo * DAY) });
      if (i < 3) await recordConversion(db, { orgId, linkId: parent.id, patientId: patient.id, kind: 'visited', at: new Date(now.getTime() - (daysAgo - 2) * DAY) });
      if (i === names.length - 1) break;
      daysAgo -= 8;
      const own = await createShareLink(db, {
        orgId,
        targetKind: 'article',
        targetUrl: ARTICLES[0]!.url,
        channel: shareOn[i]!,
        label: ARTICLES[0]!.label,
        ownerPatientId: patient.id,
        parentId: parent.id,
      });
      await backdate(own, daysAgo);
      await visit(own, daysAgo, 9 - i * 2, 1);
      made.push(own);
      parent = own;
    }
    // A visitor who shared the origin on without becoming a patient (yet): a re-share with its own clicks.
    const reshare = await createShareLink(db, { orgId, targetKind: 'article', targetUrl: ARTICLES[0]!.url, channel: 'weibo', label: ARTICLES[0]!.label, parentId: origin.id });
    await backdate(reshare, 20);
    await visit(reshare, 20, 6, 2);
    made.push(reshare);
  }
  return { links: made.length, clicks };
}

import type { AppContext } from '../core/context.ts';
import { readConfig } from '../core/config.ts';
import { AppError } from '../core/errors.ts';
import { updateBrand } from '../content/brand.ts';
import { makePoster } from '../content/make-poster.ts';
import { createPost, type PostInput } from '../content/save-post.ts';

/**
 * The demo's brand, calendar and posters (invented texts): a logo drawn here as SVG (no downloaded
 * asset), the clinic's teal and amber; six posts across this month and next on the website, WeChat,
 * Weibo, Xiaohongshu and VK — scheduled ones checked against their stories' consents like any other,
 * one published, an idea, a draft, and one taken down because 赵女士 revoked her social-media
 * consent (the stories' demo revokes it; the post was scheduled before) — and three posters made from
 * approved stories in Chinese and Russian. Runs after the stories' demo.
 */

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120" viewBox="0 0 360 120">
  <rect x="4" y="4" width="112" height="112" rx="28" fill="#0f766e"/>
  <path d="M60 28 C 86 40, 92 70, 60 96 C 28 70, 34 40, 60 28 Z" fill="#ffffff"/>
  <rect x="55" y="46" width="10" height="36" rx="3" fill="#f59e0b"/>
  <rect x="42" y="59" width="36" height="10" rx="3" fill="#f59e0b"/>
  <text x="136" y="74" font-family="Noto Sans SC" font-size="44" font-weight="700" fill="#0f766e">仁和</text>
  <text x="242" y="74" font-family="Noto Sans SC" font-size="30" fill="#374151">国际</text>
</svg>`;

const DAY = 86_400_000;

export async function seedDemoContent(ctx: Pick<AppContext, 'db'>, orgId: string): Promise<number> {
  const { db } = ctx;
  const config = readConfig();
  if (await db.selectFrom('content_posts').select('id').where('org_id', '=', orgId).executeTakeFirst()) return 0;
  const marketing =
    (await db.selectFrom('users').select(['id', 'email']).where('org_id', '=', orgId).where('email', '=', 'marketing@demo.verity.local').executeTakeFirst()) ??
    (await db.selectFrom('users').select(['id', 'email']).where('org_id', '=', orgId).where('role', '=', 'admin').executeTakeFirst());
  const by = { orgId, userId: marketing?.id ?? null, actor: marketing?.email ?? 'demo', ip: null };
  await updateBrand(db, by, { primaryColor: '#0f766e', accentColor: '#f59e0b', tagline: '用心守护每一位患者', website: 'https://renhe.example.cn', logo: Buffer.from(LOGO).toString('base64') });

  const stories = await db.selectFrom('stories').select(['id', 'title', 'status']).where('org_id', '=', orgId).execute();
  const story = (prefix: string) => stories.find((s) => s.title.startsWith(prefix) && s.status === 'approved')?.id;
  const li = story('李阿姨');
  const wang = story('王先生');
  const olga = story('Ольга');
  const zhao = stories.find((s) => s.title.startsWith('赵女士'))?.id;

  const now = new Date();
  const at = (days: number, hour: number) => {
    const d = new Date(now.getTime() + days * DAY);
    d.setUTCHours(hour - 8, 0, 0, 0); // Beijing time
    return d;
  };
  const nextMonthDay = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, n)).getTime() / DAY - Math.floor(now.getTime() / DAY);
  const plan = async (input: PostInput) => {
    try {
      return await createPost(db, by, input, 'zh-CN');
    } catch (error) {
      // A story the rules refuse stays in the plan as a draft (the calendar shows why when someone schedules it).
      if (error instanceof AppError && error.code === 'bad_request') return createPost(db, by, { ...input, status: 'draft' }, 'zh-CN');
      throw error;
    }
  };
  const ids = [
    await plan({
      title: '官网 · 患者故事：夜班护士的耐心',
      body: '官网“患者故事”栏目本周更新李阿姨的故事。',
      channel: 'website',
      use: 'website',
      scheduledFor: at(3, 10),
      status: 'scheduled',
      storyIds: li ? [li] : [],
    }),
    await plan({
      title: '公众号推文：第一次做胃镜，不再害怕',
      body: '消化内科科普 + 王先生的就诊体验。',
      channel: 'wechat',
      use: 'social',
      scheduledFor: at(7, 20),
      status: 'scheduled',
      storyIds: wang ? [wang] : [],
    }),
    await plan({ title: '官网 · 上周的患者故事', body: '', channel: 'website', use: 'website', scheduledFor: at(-5, 9), status: 'published', storyIds: wang ? [wang] : [] }),
    await plan({ title: '小红书：护士节专题（构思）', body: '征集护士与患者的小故事。', channel: 'xiaohongshu', use: 'social', scheduledFor: null, status: 'idea', storyIds: [] }),
    await plan({ title: '微博：秋冬流感疫苗接种提醒', body: '接种时间、地点与预约方式。', channel: 'weibo', use: 'social', scheduledFor: at(nextMonthDay(5), 9), status: 'draft', storyIds: [] }),
    await plan({
      title: 'Сайт: история Ольги',
      body: 'Русская версия страницы «Истории пациентов».',
      channel: 'website',
      use: 'website',
      scheduledFor: at(nextMonthDay(12), 11),
      status: 'scheduled',
      storyIds: olga ? [olga] : [],
    }),
  ];
  // Scheduled while 赵女士's consent still covered WeChat; her revocation flagged the use and took the post down.
  if (zhao) {
    const id = await createPost(db, by, { title: '公众号推文：孕期随访的每一个电话', body: '', channel: 'wechat', use: 'social', scheduledFor: at(2, 20), status: 'draft', storyIds: [zhao] }, 'zh-CN');
    const revoked = await db.selectFrom('story_consents').select('revoked_at').where('story_id', '=', zhao).where('use', '=', 'social').executeTakeFirst();
    if (revoked?.revoked_at) {
      await db
        .insertInto('story_uses')
        .values({
          org_id: orgId,
          story_id: zhao,
          kind: 'post',
          ref_id: id,
          use: 'social',
          channel: 'wechat',
          label: '公众号推文：孕期随访的每一个电话',
          owner_user_id: by.userId,
          flagged_at: revoked.revoked_at,
          flag_reason: 'consent_revoked',
        })
        .execute();
      await db.updateTable('content_posts').set({ status: 'taken_down' }).where('id', '=', id).execute();
    }
    ids.push(id);
  }

  const posters: Parameters<typeof makePoster>[3][] = [];
  if (li)
    posters.push({
      storyId: li,
      quote: '夜班的护士每次查房都轻声细语，耐心地给我讲每一种药是做什么的。现在回家了，心里很踏实。',
      attribution: '— 李阿姨，住院患者',
      locale: 'zh-CN',
      size: 'a4',
      template: 'warm',
      use: 'website',
      channel: 'website',
      qr: true,
    });
  if (wang)
    posters.push({
      storyId: wang,
      quote: '检查当天医生先跟我聊了几分钟，解释每一步会有什么感觉，整个过程比我想象的顺利。',
      attribution: '— 王先生，消化内科患者',
      locale: 'zh-CN',
      size: 'square',
      template: 'clean',
      use: 'social',
      channel: 'wechat',
      qr: true,
    });
  if (olga)
    posters.push({
      storyId: olga,
      quote: 'Огромное спасибо кардиологу за то, что нашла время всё объяснить и ответить на мои вопросы.',
      attribution: '— Ольга, пациентка кардиологии',
      locale: 'ru',
      size: 'square',
      template: 'warm',
      use: 'website',
      channel: 'website',
      qr: false,
    });
  for (const p of posters) {
    try {
      await makePoster(db, config, by, p, 'zh-CN');
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'bad_request')) throw error;
    }
  }
  return ids.length;
}

import type { AppContext } from '../core/context.ts';
import type { Locale } from '../core/i18n.ts';
import { createShareLink } from '../sharing/index.ts';
import { createStory } from '../stories/create-story.ts';
import { reviewStory } from '../stories/review-story.ts';
import { revokeConsent, withdrawStory } from '../stories/revoke-consent.ts';
import { createStoryRequest } from '../stories/story-requests.ts';
import { recordStoryUse } from '../stories/story-use.ts';
import type { ConsentDuration, ConsentUse, MaterialConnection } from '../stories/stories.vocab.ts';
import { USE_CHANNELS } from '../stories/stories.vocab.ts';

/**
 * The demo's story library (invented patients and words): stories in Chinese and a couple in
 * Russian and English, in every status, with consents that make the library look real — one for
 * the website only (李阿姨's: the content calendar's e2e refuses to schedule it as an advertisement),
 * one for every use, one whose social consent the patient revoked (its share link flagged), one
 * ending soon, one withdrawn — plus a general QR request at the desk.
 */

interface DemoStory {
  key: string;
  patient?: string;
  author: string;
  title: string;
  body: string;
  locale: Locale;
  status: 'submitted' | 'approved' | 'rejected' | 'withdrawn';
  material?: MaterialConnection;
  source: 'portal' | 'staff';
  consents: { use: ConsentUse; duration: ConsentDuration }[];
  /** Days ago the story came in (its consents start then). */
  daysAgo: number;
  note?: string;
}

export const DEMO_WEBSITE_ONLY_TITLE = '李阿姨：夜班护士的耐心让我安心';

const STORIES: DemoStory[] = [
  {
    key: 'li',
    patient: '演示患者 李芳',
    author: '李阿姨',
    title: DEMO_WEBSITE_ONLY_TITLE,
    body: '住院那几天我总是睡不好，夜班的护士每次查房都轻声细语，耐心地给我讲每一种药是做什么的。\n\n出院前她们还教我女儿怎么帮我测血糖、记录饮食。现在回家了，心里很踏实。',
    locale: 'zh-CN',
    status: 'approved',
    source: 'portal',
    consents: [{ use: 'website', duration: '2y' }],
    daysAgo: 20,
  },
  {
    key: 'wang',
    patient: '演示患者 王小明',
    author: '王先生',
    title: '王先生：第一次做胃镜，不再害怕',
    body: '我以前很怕做胃镜，预约时客服详细告诉我检查前要注意什么。\n\n检查当天医生先跟我聊了几分钟，解释每一步会有什么感觉，整个过程比我想象的顺利。等候区也很安静整洁。',
    locale: 'zh-CN',
    status: 'approved',
    source: 'portal',
    consents: [
      { use: 'internal', duration: 'until_revoked' },
      { use: 'website', duration: 'until_revoked' },
      { use: 'social', duration: 'until_revoked' },
      { use: 'advertising', duration: 'until_revoked' },
    ],
    daysAgo: 45,
  },
  {
    key: 'zhang',
    patient: '演示患者 赵敏',
    author: '赵女士',
    title: '赵女士：孕期随访的每一个电话',
    body: '怀孕期间医院每两周打电话问我的情况，有问题随时可以在随访页面留言，医生当天就会回复。\n\n这让我这个新手妈妈少了很多焦虑。',
    locale: 'zh-CN',
    status: 'approved',
    source: 'portal',
    consents: [
      { use: 'website', duration: '1y' },
      { use: 'social', duration: '1y' },
    ],
    daysAgo: 60,
  },
  {
    key: 'chen',
    patient: '演示患者 陈静',
    author: '陈阿姨',
    title: '陈阿姨：随访让我学会了看化验单',
    body: '化疗之后每次复查，随访护士都会打电话跟我一起看化验单，告诉我哪些指标要留意，什么情况要马上来医院。我觉得自己不是一个人在面对。',
    locale: 'zh-CN',
    status: 'submitted',
    source: 'portal',
    consents: [
      { use: 'internal', duration: 'until_revoked' },
      { use: 'website', duration: '1y' },
    ],
    daysAgo: 2,
  },
  {
    key: 'liu',
    patient: '演示患者 张伟',
    author: '张先生',
    title: '张先生：腰椎手术后彻底好了',
    body: '做完手术以后我的腰痛被彻底治好了，再也没复发，医生保证以后都不会有问题。非常感谢骨科团队！',
    locale: 'zh-CN',
    status: 'approved',
    source: 'staff',
    consents: [
      { use: 'website', duration: '1y' },
      { use: 'social', duration: '1y' },
      { use: 'advertising', duration: '1y' },
    ],
    daysAgo: 15,
    note: '患者原话；对外发布前需删去疗效断言',
  },
  {
    key: 'best',
    author: '匿名患者',
    title: '全市最好的医院',
    body: '这是全市最好的医院，医生是国家级专家，来这里就对了！',
    locale: 'zh-CN',
    status: 'rejected',
    source: 'portal',
    consents: [{ use: 'social', duration: '1y' }],
    daysAgo: 9,
    note: '含绝对化用语，且内容无法核实为患者亲身经历',
  },
  {
    key: 'withdrawn',
    patient: '演示患者 刘洋',
    author: '刘先生',
    title: '刘先生：术后第一周',
    body: '术后第一周每天都收到提醒记录体温和疼痛评分，护士会根据我填的情况打电话问候。',
    locale: 'zh-CN',
    status: 'withdrawn',
    source: 'portal',
    consents: [{ use: 'website', duration: '1y' }],
    daysAgo: 5,
  },
  {
    key: 'olga',
    patient: 'Демо-пациент Ольга Иванова',
    author: 'Ольга И.',
    title: 'Ольга: спасибо за внимательность',
    body: 'Огромное спасибо кардиологу за то, что нашла время всё объяснить и ответить на мои вопросы. Запись была удобной, ждать почти не пришлось.',
    locale: 'ru',
    status: 'approved',
    material: 'free_or_discounted_care',
    source: 'portal',
    consents: [
      { use: 'internal', duration: 'until_revoked' },
      { use: 'website', duration: '1y' },
    ],
    daysAgo: 350,
  },
  {
    key: 'alex',
    patient: 'Demo patient Alex Morgan',
    author: 'Alex M.',
    title: 'Alex: clear answers after my diagnosis',
    body: 'After my diabetes diagnosis the nurse sat with me for half an hour and wrote down a plan I could actually follow. The follow-up messages kept me on track without nagging.',
    locale: 'en',
    status: 'submitted',
    material: 'family_of_staff',
    source: 'portal',
    consents: [
      { use: 'website', duration: '2y' },
      { use: 'social', duration: '2y' },
    ],
    daysAgo: 1,
  },
];

const dayAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Seeds the story library once (skipped when the organisation has stories). Returns how many stories it made. */
export async function seedDemoStories(ctx: Pick<AppContext, 'db' | 'boss'>, orgId: string): Promise<number> {
  const { db, boss } = ctx;
  if (await db.selectFrom('stories').select('id').where('org_id', '=', orgId).executeTakeFirst()) return 0;
  const users = await db.selectFrom('users').select(['id', 'email']).where('org_id', '=', orgId).execute();
  const userOf = (email: string) => users.find((u) => u.email === email) ?? null;
  const marketing = userOf('marketing@demo.verity.local') ?? userOf('admin@demo.verity.local');
  const admin = userOf('admin@demo.verity.local');
  const by = marketing ? { orgId, userId: marketing.id, actor: 'marketing@demo.verity.local', ip: null } : { orgId, userId: null, actor: 'demo', ip: null };
  const patients = await db.selectFrom('patients').select(['id', 'name']).where('org_id', '=', orgId).execute();
  const departments = await db.selectFrom('departments').select('id').where('org_id', '=', orgId).orderBy('code').execute();

  await createStoryRequest(db, { orgId, patientId: null, label: '门诊大厅二维码 / Lobby QR', locale: null, userId: admin?.id ?? null });
  await createStoryRequest(db, { orgId, patientId: null, label: '心内科病房（俄语表单）', locale: 'ru', userId: admin?.id ?? null });

  const ids: Record<string, string> = {};
  let i = 0;
  for (const s of STORIES) {
    const patientId = s.patient ? (patients.find((p) => p.name === s.patient)?.id ?? null) : null;
    const { id } = await createStory(db, s.source === 'staff' ? by : null, {
      orgId,
      patientId,
      requestId: null,
      title: s.title,
      body: s.body,
      authorName: s.author,
      videoUrl: '',
      departmentId: departments[i++ % Math.max(1, departments.length)]?.id ?? null,
      staffId: null,
      materialConnection: s.material ?? 'none',
      consents: s.consents.map((c) => ({ use: c.use, channels: [...USE_CHANNELS[c.use]], duration: c.duration })),
      locale: s.locale,
      source: s.source,
      via: s.source === 'staff' ? 'paper' : 'portal',
      photo: null,
      from: dayAgo(s.daysAgo),
    });
    ids[s.key] = id;
    await db
      .updateTable('stories')
      .set({ created_at: new Date(Date.now() - s.daysAgo * 86_400_000) })
      .where('id', '=', id)
      .execute();
    if (s.status === 'approved' || s.status === 'rejected') await reviewStory(db, by, { storyId: id, decision: s.status === 'approved' ? 'approve' : 'reject', note: s.note ?? '' });
  }

  // Where the approved stories are used: the website's stories page, and share links on WeChat.
  const owner = marketing?.id ?? null;
  for (const key of ['li', 'wang', 'zhang', 'olga'])
    await recordStoryUse(db, { orgId, storyId: ids[key]!, kind: 'website', refId: null, use: 'website', channel: 'website', label: '官网 · 患者故事', ownerUserId: owner });
  for (const key of ['wang', 'zhang']) {
    const link = await createShareLink(db, { orgId, targetKind: 'story', targetId: ids[key]!, channel: 'wechat', label: '微信公众号 · 患者故事', ownerUserId: owner });
    await recordStoryUse(db, { orgId, storyId: ids[key]!, kind: 'share_link', refId: link.id, use: 'social', channel: 'wechat', label: `微信 ${link.code}`, ownerUserId: owner });
  }
  // 赵女士 revoked her social-media consent on her own page: the WeChat link is flagged for takedown (its owner notified).
  const social = await db.selectFrom('story_consents').select('id').where('story_id', '=', ids.zhang!).where('use', '=', 'social').executeTakeFirstOrThrow();
  await revokeConsent(db, boss, { orgId, consentId: social.id, by: { via: 'portal', userId: null, actor: 'patient', ip: null } });
  // 刘先生 withdrew his story.
  await withdrawStory(db, boss, { orgId, storyId: ids.withdrawn!, by: { via: 'portal', userId: null, actor: 'patient', ip: null } });
  return STORIES.length;
}

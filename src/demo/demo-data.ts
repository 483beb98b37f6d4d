/**
 * Deterministic demo data for the "demo" organisation: roster, users, sources and a few thousand
 * invented patient mentions in Chinese (simplified and traditional), Russian and English.
 * Pure: the same options always give the same output (seeded PRNG, fixed anchor date).
 * Everything here is invented; no real patient data.
 */
import { Converter } from 'opencc-js/cn2t';
import type { MentionInput } from '../ingest/mention-input.ts';
import { ASPECTS, ASPECT_PHRASES, BUT, CLOSERS, HASHTAGS, OPENERS, STAFF_SENTENCES } from './phrases.ts';
import type { Aspect, Lang, Polarity } from './phrases.ts';
import { DEPARTMENTS, LOCATIONS, SOURCES, STAFF, USERS } from './roster.ts';
import type { Case, Role, SourceDef, SourceKind, StaffDef } from './roster.ts';

export interface DemoOrg {
  org: { slug: 'demo'; name: string; timezone: string };
  locations: { code: string; name: string; address: string; timezone: string }[];
  departments: { code: string; name: string; locationCode: string | null }[];
  staff: { key: string; name: string; title: string; departmentCode: string; aliases: string[] }[];
  users: { email: string; name: string; role: Role; departmentCodes?: string[] }[];
  sources: { key: string; name: string; kind: SourceKind; platform: string }[];
  mentions: { sourceKey: string; mention: MentionInput; edits?: { after: number; text: string; ratingRaw?: number }[] }[];
}

export interface DemoOptions {
  seed?: number;
  count?: number;
  anchor?: Date;
}

export const DEMO_ANCHOR = '2026-11-20T00:00:00Z';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The fixed password of every demo user (printed by the README). */
export function demoPassword(): string {
  return 'verity-demo';
}

// ---------------------------------------------------------------- randomness

type Rng = () => number;
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function hash32(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x27d4eb2f, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

class R {
  constructor(readonly next: Rng) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from empty list');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [v, w] of entries) {
      x -= w;
      if (x < 0) return v;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
    }
    return xs;
  }
}

// ---------------------------------------------------------------- text helpers

type TextLang = 'zh' | 'zh-Hant' | 'ru' | 'en';
type Sentiment = 'pos' | 'neg' | 'mixed';

let toTraditional: ((s: string) => string) | undefined;
function traditional(s: string): string {
  const convert = (toTraditional ??= Converter({ from: 'cn', to: 'tw' }));
  return convert(s).replace(/髮炎/g, '發炎'); // OpenCC segments 齿发炎 as 齒髮 + 炎
}

interface StaffRef {
  staff: StaffDef;
  zh: string;
  en: string;
  ru: Record<Case, string>;
}

/** Fills placeholders: numbers, gender agreement, staff name forms. */
function fill(tpl: string, r: R, authorFemale: boolean, staff?: StaffRef): string {
  return tpl.replace(/\{([a-zA-Z]+)(?:\.([a-z]+))?(?::([^}|]*)\|([^}]*))?\}/g, (_m, key: string, sub?: string, a?: string, b?: string) => {
    switch (key) {
      case 'h':
        return String(r.int(2, 4));
      case 'm':
        return String(r.pick([5, 10, 15, 20]));
      case 'p':
        return String(r.pick([680, 880, 1200, 1500, 2300, 3600]));
      case 'g':
        return (authorFemale ? b : a) ?? '';
      case 'sg':
        return (staff?.staff.gender === 'f' ? b : a) ?? '';
      case 'S':
        if (!staff) return '';
        if (sub) return staff.ru[sub as Case];
        return staff.zh || staff.en;
      default:
        return _m;
    }
  });
}

const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Joins clauses into sentences in the language's punctuation. */
function sentence(lang: Lang, clauses: string[]): string {
  const parts = clauses.filter((c) => c.length > 0);
  if (parts.length === 0) return '';
  if (lang === 'zh') return parts.join('，') + '。';
  return capitalise(parts.join(', ')) + '.';
}

// ---------------------------------------------------------------- composition

interface Composed {
  text: string;
  aspects: Aspect[];
}

const TAG = /^\[([A-Z,]+)\]/;
/** A fragment for the aspect, limited to those that fit the department (e.g. no surgery at the check-up centre). */
function aspectClause(r: R, lang: Lang, aspect: Aspect, pol: Polarity, female: boolean, dept: string): string {
  const all = ASPECT_PHRASES[lang][aspect][pol];
  const fits = all.filter((p) => {
    const m = TAG.exec(p);
    return !m || (m[1] ?? '').split(',').includes(dept);
  });
  return fill(r.pick(fits.length > 0 ? fits : all).replace(TAG, ''), r, female);
}

function compose(r: R, lang: Lang, dept: string, sentiment: Sentiment, female: boolean, staff: StaffRef | undefined, opts: { forceNom?: boolean; focus?: Aspect; opener?: boolean } = {}): Composed {
  const used: Aspect[] = [];
  const drawAspect = (): Aspect => {
    let a = r.pick(ASPECTS);
    for (let i = 0; i < 4 && used.includes(a); i++) a = r.pick(ASPECTS);
    used.push(a);
    return a;
  };
  const sentences: string[] = [];
  const first: string[] = [];
  if (opts.opener ?? r.chance(0.7)) {
    const openers = OPENERS[lang][dept] ?? OPENERS[lang]['GP'] ?? [];
    first.push(fill(r.pick(openers), r, female));
  }
  const mainPol: Polarity = sentiment === 'neg' ? 'neg' : 'pos';
  if (staff) {
    const staffPol: Polarity = sentiment === 'mixed' ? 'pos' : mainPol;
    let pool = STAFF_SENTENCES[lang][staffPol];
    if (lang === 'ru' && opts.forceNom) {
      const nom = [...STAFF_SENTENCES.ru.pos, ...STAFF_SENTENCES.ru.neg].filter((s) => s.includes('{S.nom}'));
      const sameSide = pool.filter((s) => s.includes('{S.nom}'));
      pool = sameSide.length > 0 ? sameSide : nom;
    }
    first.push(fill(r.pick(pool), r, female, staff));
  }
  if (opts.focus) used.push(opts.focus);
  const n = sentiment === 'mixed' ? 1 : r.int(1, 2);
  const mainClauses: string[] = [];
  if (opts.focus) mainClauses.push(aspectClause(r, lang, opts.focus, mainPol, female, dept));
  for (let i = mainClauses.length; i < n; i++) mainClauses.push(aspectClause(r, lang, drawAspect(), mainPol, female, dept));
  if (first.length + mainClauses.length <= 3) {
    sentences.push(sentence(lang, [...first, ...mainClauses]));
  } else {
    sentences.push(sentence(lang, first));
    sentences.push(sentence(lang, mainClauses));
  }
  if (sentiment === 'mixed') {
    const neg = aspectClause(r, lang, opts.focus ?? drawAspect(), 'neg', female, dept);
    const but = r.pick(BUT[lang]);
    if (lang === 'zh') sentences.push(`${but}${neg}。`);
    else sentences.push(capitalise(`${but} ${neg}.`));
  }
  if (r.chance(0.6)) sentences.push(fill(r.pick(CLOSERS[lang][sentiment]), r, female));
  const sep = lang === 'zh' ? '' : ' ';
  return { text: sentences.join(sep), aspects: used };
}

// ---------------------------------------------------------------- authors

const ZH_NICK_A = ['小', '阿', '大', '老', '胖', '甜', '懒'];
const ZH_NICK_B = ['鹿', '猫', '鱼', '橙子', '兔', '熊', '月亮', '饼干', '豆豆', '糖', '柚子', '栗子', '布丁', '团子'];
const ZH_NICK_C = ['酱', '妈妈', '同学', '本人', '不吃香菜', '', '爱旅行', '在上海', '_Lucky', '呀'];
const HK_SURNAMES = ['陳', '黃', '李', '林', '張', '何', '梁', '吳'];
const HK_LATIN = ['Chan', 'Wong', 'Lau', 'Cheung', 'Ho', 'Leung', 'Ng', 'Tsang'];
const HK_EN_FIRST = ['Kelvin', 'Mandy', 'Yuki', 'Carmen', 'Ivan', 'Winnie', 'Jason', 'Fiona'];
const RU_F = ['Анна', 'Ольга', 'Екатерина', 'Светлана', 'Татьяна', 'Юлия', 'Ирина', 'Дарья', 'Марина', 'Ксения'];
const RU_M = ['Сергей', 'Андрей', 'Дмитрий', 'Александр', 'Игорь', 'Максим', 'Павел', 'Артём', 'Виктор', 'Олег'];
const RU_SURNAME_INITIAL = ['К.', 'С.', 'П.', 'В.', 'Л.', 'М.', 'Н.', 'Т.', 'Б.', 'Г.'];
const RU_NICK = ['mama_dvoih', 'vlad_dv', 'primorye_life', 'olga.vl', 'sea_kitty', 'dv_traveler', 'nastya_smile', 'doc_reviewer'];
const EN_F = ['Jessica', 'Emma', 'Laura', 'Sophie', 'Rachel', 'Megan', 'Claire', 'Priya', 'Anna', 'Katie'];
const EN_M = ['Mark', 'Tom', 'Daniel', 'Chris', 'Ben', 'Luca', 'Ryan', 'Ahmed', 'Paul', 'Nick'];
const EN_NICK = ['expat_mum_sh', 'shanghai_dad', 'laowai_life', 'travelling_tom', 'jing_an_runner', 'bund_walker'];
const LETTERS = 'ABCDEFGHJKLMNPRSTW';

function authorHandle(r: R, lang: TextLang, platform: string, female: boolean): string {
  switch (lang) {
    case 'zh':
      if (platform === 'dianping' || platform === 'meituan') {
        if (r.chance(0.35)) return `${r.pick(['m', 'd', 'x', 'j', 'a'])}***${r.int(0, 9)}`;
      }
      if (platform === 'weibo' && r.chance(0.4)) return `用户${r.int(1000000000, 7999999999)}`;
      if (platform === 'xiaohongshu' && r.chance(0.3)) return `小红薯${r.int(10000000, 99999999).toString(16).toUpperCase()}`;
      return `${r.pick(ZH_NICK_A)}${r.pick(ZH_NICK_B)}${r.pick(ZH_NICK_C)}${r.chance(0.4) ? r.int(1, 2025) : ''}`;
    case 'zh-Hant': {
      const x = r.int(0, 2);
      if (x === 0) return `${r.pick(HK_SURNAMES)}${female ? r.pick(['小姐', '太']) : r.pick(['先生', '生'])}`;
      if (x === 1) return `${r.pick(HK_EN_FIRST)} ${r.pick(HK_LATIN)}`;
      return `阿${r.pick(['欣', '明', '珊', '傑', '琪', '豪'])}${r.chance(0.5) ? r.int(10, 99) : ''}`;
    }
    case 'ru':
      if (r.chance(0.2)) return `${r.pick(RU_NICK)}${r.int(1, 99)}`;
      return `${female ? r.pick(RU_F) : r.pick(RU_M)}${r.chance(0.75) ? ' ' + r.pick(RU_SURNAME_INITIAL) : ''}`;
    case 'en':
      if (r.chance(0.2)) return `${r.pick(EN_NICK)}${r.int(1, 99)}`;
      return `${female ? r.pick(EN_F) : r.pick(EN_M)} ${r.pick([...LETTERS])}.`;
  }
}

// ---------------------------------------------------------------- sources per language

const SOURCE_BY_KEY = new Map(SOURCES.map((s) => [s.key, s]));
function source(key: string): SourceDef {
  const s = SOURCE_BY_KEY.get(key);
  if (!s) throw new Error(`unknown demo source ${key}`);
  return s;
}

const SOURCE_WEIGHTS: Record<TextLang, (readonly [string, number])[]> = {
  zh: [
    ['dianping', 34],
    ['meituan', 14],
    ['xiaohongshu', 15],
    ['weibo', 8],
    ['hotline', 9],
    ['offline', 6],
    ['survey', 12],
    ['news', 2],
  ],
  'zh-Hant': [
    ['google', 42],
    ['facebook-hk', 40],
    ['survey', 12],
    ['hotline', 6],
  ],
  ru: [
    ['prodoctorov', 32],
    ['2gis', 20],
    ['yandex-maps', 20],
    ['hotline', 9],
    ['offline', 5],
    ['survey', 12],
    ['news', 2],
  ],
  en: [
    ['google', 50],
    ['facebook-hk', 8],
    ['hotline', 9],
    ['offline', 7],
    ['survey', 22],
    ['news', 4],
  ],
};
const LANG_WEIGHTS: (readonly [TextLang, number])[] = [
  ['zh', 45],
  ['zh-Hant', 10],
  ['ru', 25],
  ['en', 20],
];
const LOCATION_WEIGHTS: Record<TextLang, (readonly [string, number])[]> = {
  zh: [
    ['SH-PX', 92],
    ['VVO', 8],
  ],
  'zh-Hant': [['SH-PX', 100]],
  ru: [
    ['VVO', 80],
    ['SH-PX', 20],
  ],
  en: [
    ['SH-PX', 75],
    ['VVO', 25],
  ],
};

/** Russian doctor-rating and map platforms list only the Vladivostok branch. */
const VVO_ONLY = new Set(['prodoctorov', 'yandex-maps', '2gis']);
const DEPT_CODES = DEPARTMENTS.map((d) => d.code);
const DEPT_LOCATION = new Map<string, string | null>(DEPARTMENTS.map((d) => [d.code, d.locationCode]));

// ---------------------------------------------------------------- staff mention queues

type StaffPick = { ref: StaffRef; forceNom: boolean };
class StaffPicker {
  private readonly queues: Record<Lang, StaffRef[]>;
  private readonly used: Record<Lang, number> = { zh: 0, ru: 0, en: 0 };
  constructor(private readonly r: R) {
    const zh: StaffRef[] = [];
    const ru: StaffRef[] = [];
    const en: StaffRef[] = [];
    for (const s of STAFF) {
      const base = { staff: s, zh: s.zh[0]!, en: s.en[0]!, ru: s.ru[0]! };
      for (const z of s.zh) zh.push({ ...base, zh: z });
      for (const e of s.en) en.push({ ...base, zh: '', en: e });
      for (const f of s.ru) ru.push({ ...base, ru: f });
    }
    this.queues = { zh: r.shuffle(zh), ru: r.shuffle(ru), en: r.shuffle(en) };
  }
  /** The first pass walks every name form once (so every alias shows up); later picks are random. */
  pick(lang: Lang, dept?: string): StaffPick {
    const q = this.queues[lang];
    const i = this.used[lang]++;
    if (i < q.length) return { ref: q[i]!, forceNom: lang === 'ru' };
    const inDept = dept && this.r.chance(0.8) ? q.filter((x) => x.staff.departmentCode === dept) : q;
    return { ref: this.r.pick(inDept.length > 0 ? inDept : q), forceNom: false };
  }
}

// ---------------------------------------------------------------- wrappers per source kind

function wrapManual(r: R, lang: TextLang, kind: 'hotline_note' | 'offline_complaint', body: string, female: boolean): string {
  if (lang === 'zh' || lang === 'zh-Hant') {
    const who = `${r.pick(['王', '陈', '刘', '赵', '孙', '周', '吴', '郑'])}${female ? '女士' : '先生'}`;
    const s =
      kind === 'hotline_note'
        ? `${r.pick(['来电记录', '热线工单', '400热线'])}：${who}来电反映「${body}」${r.pick(['要求回电。', '已安抚，承诺24小时内回复。', '希望科室主任给个说法。', ''])}`
        : `${r.pick(['意见箱投诉', '前台书面投诉', '患者服务中心接待记录'])}：${who}反映「${body}」${r.pick(['留有联系电话。', '要求书面答复。', ''])}`;
    return lang === 'zh-Hant' ? traditional(s) : s;
  }
  if (lang === 'ru') {
    const who = female ? 'Пациентка' : 'Пациент';
    return kind === 'hotline_note'
      ? `${r.pick(['Звонок на горячую линию.', 'Обращение по телефону.'])} ${who} сообщает: «${body}» ${r.pick(['Просит перезвонить.', 'Обещали ответ в течение суток.', 'Требует связаться с заведующим.'])}`
      : `${r.pick(['Письменная жалоба на ресепшене.', 'Запись в книге жалоб.'])} ${who} пишет: «${body}» ${r.pick(['Оставлен телефон для связи.', 'Просит письменный ответ.', ''])}`.trim();
  }
  return kind === 'hotline_note'
    ? `${r.pick(['Hotline call.', 'Phone complaint logged.'])} Caller says: "${body}" ${r.pick(['Requests a call-back.', 'Promised a reply within 24 h.', 'Wants to speak to the head of department.'])}`
    : `${r.pick(['Written complaint at the front desk.', 'Comment card.'])} Patient writes: "${body}" ${r.pick(['Left a phone number.', 'Asks for a written reply.', ''])}`.trim();
}

function rating(r: R, scale: number, sentiment: Sentiment, conflicting: boolean): number {
  if (scale === 10) {
    if (conflicting) return 10;
    if (sentiment === 'pos')
      return r.weighted([
        [10, 5],
        [9, 4],
        [8, 1],
      ]);
    if (sentiment === 'neg')
      return r.weighted([
        [0, 2],
        [1, 2],
        [2, 2],
        [3, 2],
        [4, 1],
        [5, 1],
      ]);
    return r.weighted([
      [5, 1],
      [6, 2],
      [7, 3],
      [8, 2],
    ]);
  }
  if (conflicting) return 5;
  if (sentiment === 'pos')
    return r.weighted([
      [5, 7],
      [4, 3],
    ]);
  if (sentiment === 'neg')
    return r.weighted([
      [1, 6],
      [2, 4],
    ]);
  return r.weighted([
    [2, 2],
    [3, 5],
    [4, 3],
  ]);
}

// ---------------------------------------------------------------- news

const NEWS_OUTLETS: Record<TextLang, string> = {
  zh: '申城健康报（虚构）',
  'zh-Hant': '港滬醫療週刊（虛構）',
  ru: 'Приморский вестник здоровья (вымышл.)',
  en: 'City Health Weekly (fictional)',
};

const NEWS: Record<'zh' | 'ru' | 'en', { title: string; text: string; sentiment: Sentiment }[]> = {
  zh: [
    { title: '仁和国际医院开设夜间儿科门诊', text: '记者从仁和国际医院获悉，该院儿科自下月起开设夜间门诊，工作日开放至晚上十点，缓解上班族家长带娃看病难的问题。', sentiment: 'pos' },
    { title: '仁和国际医院举办社区义诊活动', text: '周末，仁和国际医院全科、眼科和口腔科医生走进社区开展义诊，为两百余名居民提供免费咨询和血压、视力筛查。', sentiment: 'pos' },
    {
      title: '年底体检高峰来临，多家医院体检中心排长队',
      text: '临近年底，企业集中安排员工体检，记者走访发现包括仁和国际医院在内的多家体检中心出现排队现象，有市民反映抽血等候超过两小时。',
      sentiment: 'neg',
    },
    { title: '民营医院如何赢得患者口碑？', text: '业内人士认为，口碑管理的关键在于诊疗效果和沟通体验，仁和国际医院近年推行投诉四小时响应机制，患者满意度有所提升。', sentiment: 'pos' },
    { title: '医美消费投诉增多，专家提醒理性选择', text: '市消保委数据显示，今年医美相关投诉同比上升，涉及效果不达预期和过度推销等问题，专家提醒消费者选择正规医疗机构。', sentiment: 'mixed' },
  ],
  ru: [
    {
      title: 'Китайская клиника «Жэньхэ» открыла детское отделение во Владивостоке',
      text: 'В филиале клиники «Жэньхэ» во Владивостоке начал работу педиатрический кабинет; приём ведут русскоязычные врачи.',
      sentiment: 'pos',
    },
    {
      title: 'Жители Приморья всё чаще лечатся в частных клиниках',
      text: 'Эксперты отмечают рост спроса на чекапы и стоматологию; среди популярных клиник называют и «Жэньхэ» на Светланской.',
      sentiment: 'pos',
    },
    {
      title: 'Пациенты жалуются на очереди в частных клиниках Владивостока',
      text: 'Редакция получила несколько обращений о долгом ожидании приёма; в клинике «Жэньхэ» пообещали увеличить число администраторов.',
      sentiment: 'neg',
    },
  ],
  en: [
    {
      title: 'Renhe International Hospital launches English-language patient hotline',
      text: 'The private hospital group says the new line will handle bookings, billing questions and complaints in English, Russian and Mandarin.',
      sentiment: 'pos',
    },
    {
      title: 'Expat families weigh private healthcare options in Shanghai',
      text: 'Parents interviewed cited waiting times and billing transparency as their main concerns; several named Renhe International among the hospitals they use.',
      sentiment: 'mixed',
    },
    {
      title: 'Health check-up season brings long queues to city clinics',
      text: 'Corporate check-up packages are driving year-end crowds at private centres, including Renhe International Hospital in Changning.',
      sentiment: 'neg',
    },
  ],
};

// ---------------------------------------------------------------- incidents

const RISK: { lang: TextLang; source: string; dept: string; loc: string; staffKey?: string; text: string }[] = [
  { lang: 'zh', source: 'dianping', dept: 'ER', loc: 'SH-PX', staffKey: 'xu-lei', text: '在急诊输液后出现严重过敏，后来护士私下说是徐医生开错了药。这就是医疗事故！到现在医院都没给个说法。' },
  { lang: 'zh', source: 'weibo', dept: 'PED', loc: 'SH-PX', text: '孩子在儿科被误诊为普通感冒，耽误了三天，最后在别的医院确诊肺炎住院。我们已经请了律师，准备起诉仁和国际医院。' },
  { lang: 'zh', source: 'xiaohongshu', dept: 'AES', loc: 'SH-PX', text: '做完双眼皮一边高一边低，找医院理论被推来推去。再不解决我就去找电视台和媒体曝光！#医美避坑#' },
  { lang: 'zh', source: 'hotline', dept: 'OBGYN', loc: 'SH-PX', text: '来电记录：患者家属称，有人暗示给主刀医生包个红包手术就能提前，他们没给，手术一拖再拖。要求院方调查。' },
  { lang: 'zh', source: 'offline', dept: 'CHK', loc: 'SH-PX', text: '前台书面投诉：体检报告被发到了别人的手机上，病史和检查结果全部泄露，患者要求追责。' },
  { lang: 'zh', source: 'weibo', dept: 'ER', loc: 'SH-PX', text: '今晚在仁和急诊大厅，有家属跟医生动手了，保安过了十分钟才到，吓死人。' },
  { lang: 'zh-Hant', source: 'facebook-hk', dept: 'DENT', loc: 'SH-PX', text: '洗牙被推銷做了八千塊的療程，做完牙齦一直出血，醫院說是正常反應。我會向消委會投訴，也會找律師。' },
  {
    lang: 'ru',
    source: 'prodoctorov',
    dept: 'DENT',
    loc: 'VVO',
    staffKey: 'smirnov-alexey',
    text: 'После удаления зуба у доктора Смирнова занесли инфекцию, неделю лежала в больнице. Это врачебная ошибка, подаю в суд.',
  },
  {
    lang: 'ru',
    source: 'hotline',
    dept: 'GP',
    loc: 'VVO',
    text: 'Звонок на горячую линию. Пациентка сообщает: медсестра намекнула, что за «благодарность» врачу анализы сделают без очереди. Спрашивает, не взятка ли это, грозит написать в прокуратуру.',
  },
  { lang: 'ru', source: '2gis', dept: 'AES', loc: 'VVO', text: 'Если клиника не вернёт деньги за испорченную процедуру, пойду на телевидение и напишу во все СМИ Приморья. Ожог до сих пор не зажил.' },
  {
    lang: 'en',
    source: 'google',
    dept: 'ER',
    loc: 'SH-PX',
    staffKey: 'miller-james',
    text: 'They gave my father the wrong medication in the ER and Dr. Miller refused to admit it. This is medical negligence and our lawyer is already involved.',
  },
  {
    lang: 'en',
    source: 'google',
    dept: 'CHK',
    loc: 'SH-PX',
    text: 'Someone at reception posted a photo of my lab results in a WeChat group. Gross privacy violation. I am reporting this to the health commission and to the press.',
  },
  {
    lang: 'en',
    source: 'offline',
    dept: 'OBGYN',
    loc: 'SH-PX',
    text: 'Written complaint at the front desk. Patient writes: "A staff member suggested a red envelope would get us an earlier delivery-room slot. Is this how you treat foreigners?"',
  },
];

const FAKE_BASE = ['杨丽医生技术超级好', '环境一流', '服务贴心', '效果自然', '强烈推荐给所有姐妹'];
const FAKE_ALT: Record<string, string[]> = {
  杨丽医生技术超级好: ['杨丽医生技术超级好', '杨丽医生技术真的超级好', '杨医生技术超级好'],
  环境一流: ['环境一流', '环境超一流', '环境真的一流'],
  服务贴心: ['服务贴心', '服务超贴心', '服务很贴心'],
  效果自然: ['效果自然', '效果很自然', '效果特别自然'],
  强烈推荐给所有姐妹: ['强烈推荐给所有姐妹', '强烈推荐给姐妹们', '强烈推荐'],
};

const SPIKE_EXTRA: Record<'zh' | 'en', string[]> = {
  zh: [
    '体检中心今天人爆满，抽血排了两个小时',
    '空腹等到十一点才抽上血，差点晕倒',
    'B超室门口排了几十个人，工作人员说今天单位团检太多',
    '预约了早上八点的体检，做完已经下午两点',
    '叫号系统坏了，大家挤在门口',
  ],
  en: [
    'the check-up centre was completely overrun today',
    'I fasted since midnight and still waited until 11 for the blood draw',
    'the ultrasound queue was over forty people long',
    'the queue system was down and people were crowding the door',
  ],
};

const EDIT_NOTES: Record<TextLang, { up: string[]; down: string[] }> = {
  zh: {
    up: ['【追评】医院客服第二天就联系了我，重新安排了复诊，问题解决了。', '【追评】主任亲自打电话道歉，退了部分费用，改个评分。'],
    down: ['【追评】复查发现问题更严重了，改一星。', '【追评】投诉了一周没有任何回复。'],
  },
  'zh-Hant': { up: ['【更新】客服隔天就聯絡我，安排了覆診，問題解決了。'], down: ['【更新】覆診後情況更差，改一星。'] },
  ru: {
    up: ['UPD: со мной связались из клиники, извинились и бесплатно переделали. Повышаю оценку.', 'UPD: заведующий лично позвонил, вопрос решили.'],
    down: ['UPD: на повторном приёме стало только хуже. Снижаю оценку.', 'UPD: жалобу так никто и не рассмотрел.'],
  },
  en: {
    up: ['Update: the patient service team called the next day and sorted it out. Raising my rating.', 'Update: the head of department apologised personally and refunded part of the bill.'],
    down: ['Update: the follow-up visit was even worse. Lowering my rating.', 'Update: a week later, still no reply to my complaint.'],
  },
};

// ---------------------------------------------------------------- the generator

interface Slot {
  kind: 'normal' | 'spike' | 'fake' | 'risk';
  index: number;
}

export function generateDemo(options: DemoOptions = {}): DemoOrg {
  const seed = options.seed ?? 20261120;
  const count = Math.max(0, Math.floor(options.count ?? 3000));
  const anchor = options.anchor ?? new Date(DEMO_ANCHOR);
  const anchorMs = anchor.getTime();
  const r = new R(mulberry32(seed));
  const picker = new StaffPicker(new R(mulberry32(seed ^ 0x5bd1e995)));

  // Day weights: weekly seasonality (busy Mon/Tue, quiet Sunday) and a mild upward trend.
  const WEEKDAY = [0.55, 1.35, 1.25, 1.1, 1.05, 0.95, 0.75]; // Sun..Sat
  const dayWeights: (readonly [number, number])[] = [];
  for (let d = 1; d <= 180; d++) {
    const day = new Date(anchorMs - d * DAY_MS + 8 * HOUR_MS);
    dayWeights.push([d, (WEEKDAY[day.getUTCDay()] ?? 1) * (1 + (180 - d) / 360)]);
  }
  const timeOfDay = (): number =>
    r.weighted([
      [0, 1],
      [1, 8],
      [2, 10],
      [4, 6],
      [6, 6],
      [9, 8],
      [11, 9],
      [13, 12],
      [14, 5],
    ]) *
      HOUR_MS +
    r.int(0, HOUR_MS - 1);
  /** A moment on day `d` before the anchor (day starts 00:00 UTC+8-ish, i.e. 16:00 UTC of the day before). */
  const onDay = (d: number): Date => new Date(anchorMs - d * DAY_MS - 8 * HOUR_MS + timeOfDay());

  // Incidents take a fixed share of the count; the rest is ordinary traffic.
  const nRisk = count >= 200 ? RISK.length : 0;
  const nFake = count >= 200 ? Math.min(18, Math.round(count * 0.006) + 2) : 0;
  const nSpike = count >= 200 ? Math.round(count * 0.02) : 0;
  const slots: Slot[] = [];
  let idx = 0;
  for (let i = 0; i < nRisk; i++) slots.push({ kind: 'risk', index: idx++ });
  for (let i = 0; i < nFake; i++) slots.push({ kind: 'fake', index: idx++ });
  for (let i = 0; i < nSpike; i++) slots.push({ kind: 'spike', index: idx++ });
  while (slots.length < count) slots.push({ kind: 'normal', index: idx++ });

  const SPIKE_START = 42; // days before the anchor; the spike lasts a week
  const FAKE_DAY = 67;

  const mentions: DemoOrg['mentions'] = [];
  for (const slot of slots) {
    const female = r.chance(0.6);
    let lang: TextLang;
    let srcKey: string;
    let dept: string;
    let loc: string;
    let text: string;
    let title: string | null = null;
    let sentiment: Sentiment;
    let when: Date;
    let conflicting = false;
    let url: string | null = null;

    if (slot.kind === 'risk') {
      const k = RISK[slot.index % RISK.length]!;
      lang = k.lang;
      srcKey = k.source;
      dept = k.dept;
      loc = k.loc;
      text = k.text;
      sentiment = 'neg';
      when = onDay(r.int(3, 170));
    } else if (slot.kind === 'fake') {
      lang = 'zh';
      srcKey = 'dianping';
      dept = 'AES';
      loc = 'SH-PX';
      sentiment = 'pos';
      const parts = FAKE_BASE.map((p) => r.pick(FAKE_ALT[p] ?? [p]));
      text = parts.join(r.pick(['，', '！', ',', '，'])) + r.pick(['！！！', '!!!', '！！', '👍👍👍', '❤️❤️']);
      when = new Date(anchorMs - FAKE_DAY * DAY_MS - 8 * HOUR_MS + 21 * HOUR_MS + r.int(0, 100 * 60_000));
    } else if (slot.kind === 'spike') {
      lang = r.weighted([
        ['zh', 70],
        ['en', 20],
        ['zh-Hant', 10],
      ] as const);
      dept = 'CHK';
      loc = 'SH-PX';
      sentiment = r.chance(0.85) ? 'neg' : 'mixed';
      const base: Lang = lang === 'en' ? 'en' : 'zh';
      srcKey =
        lang === 'zh'
          ? r.weighted([
              ['dianping', 5],
              ['meituan', 3],
              ['weibo', 2],
              ['hotline', 2],
            ] as const)
          : lang === 'en'
            ? r.weighted([
                ['google', 3],
                ['hotline', 1],
              ] as const)
            : 'google';
      const c = compose(r, base, dept, sentiment, female, undefined, { focus: 'waiting', opener: true });
      const extra = r.pick(SPIKE_EXTRA[base]);
      text = base === 'zh' ? `${extra}！${c.text}` : `${capitalise(extra)}. ${c.text}`;
      if (lang === 'zh-Hant') text = traditional(text);
      if (srcKey === 'hotline') text = wrapManual(r, lang, 'hotline_note', text, female);
      when = onDay(SPIKE_START - r.int(0, 6));
    } else {
      lang = r.weighted(LANG_WEIGHTS);
      srcKey = r.weighted(SOURCE_WEIGHTS[lang]);
      const base: Lang = lang === 'zh-Hant' ? 'zh' : lang;
      when = onDay(r.weighted(dayWeights));
      if (source(srcKey).mentionKind === 'news') {
        const n = r.pick(NEWS[base]);
        title = n.title;
        text = n.text;
        sentiment = n.sentiment;
        dept = r.pick(DEPT_CODES);
        loc = r.weighted(LOCATION_WEIGHTS[lang]);
        url = `https://news.example.org/${base}/${hash32(seed, slot.index).toString(36)}`;
      } else {
        const chosen = source(srcKey);
        const manual = chosen.mentionKind === 'hotline_note' || chosen.mentionKind === 'offline_complaint';
        sentiment = manual
          ? r.weighted([
              ['neg', 85],
              ['mixed', 15],
            ] as const)
          : r.weighted([
              ['pos', 52],
              ['neg', 26],
              ['mixed', 22],
            ] as const);
        dept = r.pick(DEPT_CODES);
        let staff: StaffPick | undefined;
        if (r.chance(0.42)) {
          if (lang === 'zh-Hant') {
            const s = r.pick(STAFF);
            staff = { ref: { staff: s, zh: r.pick(s.zh), en: s.en[0]!, ru: s.ru[0]! }, forceNom: false };
          } else {
            staff = picker.pick(base, dept);
          }
          dept = staff.ref.staff.departmentCode;
        }
        if (VVO_ONLY.has(srcKey) && DEPT_LOCATION.get(dept) === 'SH-PX') {
          // A Russian map/doctor site lists only the Vladivostok branch; this patient was seen in Shanghai.
          srcKey = r.weighted([
            ['survey', 2],
            ['hotline', 1],
          ] as const);
        }
        const ref = staff?.ref;
        const view = ref && base === 'en' ? { ...ref, zh: '' } : ref;
        const src = source(srcKey);
        const c = compose(r, base, dept, sentiment, female, view, { forceNom: staff?.forceNom });
        text = c.text;
        if (src.mentionKind === 'post' && r.chance(0.6)) text += ' ' + [r.pick(HASHTAGS[base]), r.pick(HASHTAGS[base])].filter((v, i, a) => a.indexOf(v) === i).join(' ');
        if (lang === 'zh-Hant') text = traditional(text);
        if (src.mentionKind === 'hotline_note' || src.mentionKind === 'offline_complaint') text = wrapManual(r, lang, src.mentionKind, text, female);
        conflicting = src.scale !== null && sentiment === 'neg' && r.chance(0.12);
        loc = DEPT_LOCATION.get(dept) ?? r.weighted(LOCATION_WEIGHTS[lang]);
      }
    }

    const src = source(srcKey);
    if (VVO_ONLY.has(src.key)) loc = 'VVO';
    const scale = src.scale;
    const handle =
      src.idPrefix === null || src.key === 'survey'
        ? null
        : src.mentionKind === 'news'
          ? NEWS_OUTLETS[lang]
          : slot.kind === 'fake'
            ? `用户${r.int(10_000_000, 99_999_999)}` // freshly registered accounts
            : authorHandle(r, lang, src.platform, female);
    const ratingRaw = scale === null ? null : slot.kind === 'fake' ? 5 : rating(r, scale, sentiment, conflicting);
    const h = hash32(seed, slot.index);
    const mention: MentionInput = {
      kind: src.mentionKind,
      text,
      publishedAt: when,
      authorHandle: handle,
      location: r.chance(0.93) || slot.kind !== 'normal' ? loc : null,
      department: r.chance(0.85) || slot.kind !== 'normal' ? dept : null,
    };
    if (src.idPrefix !== null) mention.externalId = `${src.idPrefix}-${h.toString(36)}${slot.index.toString(36)}`;
    if (ratingRaw !== null) {
      mention.ratingRaw = ratingRaw;
      mention.ratingScale = scale;
    }
    if (title) mention.title = title;
    if (url) mention.url = url;
    if (src.declaredLang) mention.lang = src.declaredLang;

    const entry: DemoOrg['mentions'][number] = { sourceKey: src.key, mention };
    if (src.mentionKind === 'review' && ratingRaw !== null && slot.kind === 'normal' && r.chance(0.03)) {
      const up = ratingRaw <= 3;
      const note = r.pick(EDIT_NOTES[lang][up ? 'up' : 'down']);
      const newRating = up ? Math.min(5, ratingRaw + r.int(1, 2)) : Math.max(1, ratingRaw - r.int(2, 3));
      const sep = lang === 'zh' || lang === 'zh-Hant' ? '\n' : '\n\n';
      const edits = [{ after: r.int(3, 96), text: `${text}${sep}${note}`, ratingRaw: newRating }];
      if (r.chance(0.2)) {
        const first = edits[0]!;
        const extra = lang === 'ru' ? ' Спасибо, что не оставили без ответа.' : lang === 'en' ? ' Thanks for listening.' : '谢谢重视。';
        edits.push({ after: first.after + r.int(24, 240), text: first.text + extra, ratingRaw: newRating });
      }
      entry.edits = edits;
    }
    mentions.push(entry);
  }

  mentions.sort((a, b) => (a.mention.publishedAt?.getTime() ?? 0) - (b.mention.publishedAt?.getTime() ?? 0));

  return {
    org: { slug: 'demo', name: '仁和国际医疗集团 / Renhe International Healthcare (demo)', timezone: 'Asia/Shanghai' },
    locations: LOCATIONS.map((l) => ({ ...l })),
    departments: DEPARTMENTS.map((d) => ({ code: d.code, name: d.name, locationCode: d.locationCode })),
    staff: STAFF.map((s) => ({ key: s.key, name: s.name, title: s.title, departmentCode: s.departmentCode, aliases: [...s.aliases] })),
    users: USERS.map((u) => ({ ...u, ...(u.departmentCodes ? { departmentCodes: [...u.departmentCodes] } : {}) })),
    sources: SOURCES.map((s) => ({ key: s.key, name: s.name, kind: s.kind, platform: s.platform })),
    mentions,
  };
}

/**
 * The demo's text machinery: a seeded random source, and the composition of invented mentions
 * from the phrase book (clauses, sentences, staff name forms, author handles). Pure.
 */
import { Converter } from 'opencc-js/cn2t';

import { ASPECTS, ASPECT_PHRASES, BUT, CLOSERS, OPENERS, STAFF_SENTENCES } from './phrases.ts';
import type { Aspect, Lang, Polarity } from './phrases.ts';

import type { Case, StaffDef } from './roster.ts';

import type { Sentiment, TextLang } from './demo-texts.ts';

// ---------------------------------------------------------------- randomness

export type Rng = () => number;
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export function hash32(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x27d4eb2f, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export class R {
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

let toTraditional: ((s: string) => string) | undefined;
export function traditional(s: string): string {
  const convert = (toTraditional ??= Converter({ from: 'cn', to: 'tw' }));
  return convert(s).replace(/髮炎/g, '發炎'); // OpenCC segments 齿发炎 as 齒髮 + 炎
}

export interface StaffRef {
  staff: StaffDef;
  zh: string;
  en: string;
  ru: Record<Case, string>;
}

/** Fills placeholders: numbers, gender agreement, staff name forms. */
export function fill(tpl: string, r: R, authorFemale: boolean, staff?: StaffRef): string {
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

export const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Joins clauses into sentences in the language's punctuation. */
export function sentence(lang: Lang, clauses: string[]): string {
  const parts = clauses.filter((c) => c.length > 0);
  if (parts.length === 0) return '';
  if (lang === 'zh') return parts.join('，') + '。';
  return capitalise(parts.join(', ')) + '.';
}

// ---------------------------------------------------------------- composition

export interface Composed {
  text: string;
  aspects: Aspect[];
}

export const TAG = /^\[([A-Z,]+)\]/;
/** A fragment for the aspect, limited to those that fit the department (e.g. no surgery at the check-up centre). */
export function aspectClause(r: R, lang: Lang, aspect: Aspect, pol: Polarity, female: boolean, dept: string): string {
  const all = ASPECT_PHRASES[lang][aspect][pol];
  const fits = all.filter((p) => {
    const m = TAG.exec(p);
    return !m || (m[1] ?? '').split(',').includes(dept);
  });
  return fill(r.pick(fits.length > 0 ? fits : all).replace(TAG, ''), r, female);
}

export function compose(
  r: R,
  lang: Lang,
  dept: string,
  sentiment: Sentiment,
  female: boolean,
  staff: StaffRef | undefined,
  opts: { forceNom?: boolean; focus?: Aspect; opener?: boolean } = {},
): Composed {
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

export const ZH_NICK_A = ['小', '阿', '大', '老', '胖', '甜', '懒'];
export const ZH_NICK_B = ['鹿', '猫', '鱼', '橙子', '兔', '熊', '月亮', '饼干', '豆豆', '糖', '柚子', '栗子', '布丁', '团子'];
export const ZH_NICK_C = ['酱', '妈妈', '同学', '本人', '不吃香菜', '', '爱旅行', '在上海', '_Lucky', '呀'];
export const HK_SURNAMES = ['陳', '黃', '李', '林', '張', '何', '梁', '吳'];
export const HK_LATIN = ['Chan', 'Wong', 'Lau', 'Cheung', 'Ho', 'Leung', 'Ng', 'Tsang'];
export const HK_EN_FIRST = ['Kelvin', 'Mandy', 'Yuki', 'Carmen', 'Ivan', 'Winnie', 'Jason', 'Fiona'];
export const RU_F = ['Анна', 'Ольга', 'Екатерина', 'Светлана', 'Татьяна', 'Юлия', 'Ирина', 'Дарья', 'Марина', 'Ксения'];
export const RU_M = ['Сергей', 'Андрей', 'Дмитрий', 'Александр', 'Игорь', 'Максим', 'Павел', 'Артём', 'Виктор', 'Олег'];
export const RU_SURNAME_INITIAL = ['К.', 'С.', 'П.', 'В.', 'Л.', 'М.', 'Н.', 'Т.', 'Б.', 'Г.'];
export const RU_NICK = ['mama_dvoih', 'vlad_dv', 'primorye_life', 'olga.vl', 'sea_kitty', 'dv_traveler', 'nastya_smile', 'doc_reviewer'];
export const EN_F = ['Jessica', 'Emma', 'Laura', 'Sophie', 'Rachel', 'Megan', 'Claire', 'Priya', 'Anna', 'Katie'];
export const EN_M = ['Mark', 'Tom', 'Daniel', 'Chris', 'Ben', 'Luca', 'Ryan', 'Ahmed', 'Paul', 'Nick'];
export const EN_NICK = ['expat_mum_sh', 'shanghai_dad', 'laowai_life', 'travelling_tom', 'jing_an_runner', 'bund_walker'];
export const LETTERS = 'ABCDEFGHJKLMNPRSTW';

export function authorHandle(r: R, lang: TextLang, platform: string, female: boolean): string {
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

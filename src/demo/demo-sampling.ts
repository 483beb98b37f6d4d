/**
 * How the demo picks what each invented mention is: its source, language, location and the staff
 * it names, and how each kind of source wraps the patient's words. Pure.
 */

import type { Lang } from './phrases.ts';
import { DEPARTMENTS, SOURCES, STAFF } from './roster.ts';
import type { SourceDef } from './roster.ts';
import { R, traditional } from './demo-compose.ts';
import type { StaffRef } from './demo-compose.ts';

import type { Sentiment, TextLang } from './demo-texts.ts';

// ---------------------------------------------------------------- sources per language

export const SOURCE_BY_KEY = new Map(SOURCES.map((s) => [s.key, s]));
export function source(key: string): SourceDef {
  const s = SOURCE_BY_KEY.get(key);
  if (!s) throw new Error(`unknown demo source ${key}`);
  return s;
}

export const SOURCE_WEIGHTS: Record<TextLang, (readonly [string, number])[]> = {
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
export const LANG_WEIGHTS: (readonly [TextLang, number])[] = [
  ['zh', 45],
  ['zh-Hant', 10],
  ['ru', 25],
  ['en', 20],
];
export const LOCATION_WEIGHTS: Record<TextLang, (readonly [string, number])[]> = {
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
export const VVO_ONLY = new Set(['prodoctorov', 'yandex-maps', '2gis']);
export const DEPT_CODES = DEPARTMENTS.map((d) => d.code);
export const DEPT_LOCATION = new Map<string, string | null>(DEPARTMENTS.map((d) => [d.code, d.locationCode]));

// ---------------------------------------------------------------- staff mention queues

export type StaffPick = { ref: StaffRef; forceNom: boolean };
export class StaffPicker {
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

export function wrapManual(r: R, lang: TextLang, kind: 'hotline_note' | 'offline_complaint', body: string, female: boolean): string {
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

export function rating(r: R, scale: number, sentiment: Sentiment, conflicting: boolean): number {
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

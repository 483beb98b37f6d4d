/**
 * Deterministic demo data for the "demo" organisation: roster, users, sources and a few thousand
 * invented patient mentions in Chinese (simplified and traditional), Russian and English.
 * Pure: the same options always give the same output (seeded PRNG, fixed anchor date).
 * Everything here is invented; no real patient data.
 */

import type { MentionInput } from '../ingest/mention-input.ts';
import { HASHTAGS } from './phrases.ts';
import type { Lang } from './phrases.ts';
import { DEPARTMENTS, LOCATIONS, SOURCES, STAFF, USERS } from './roster.ts';
import type { Role, SourceKind } from './roster.ts';
import { mulberry32, hash32, R, traditional, capitalise, compose, authorHandle } from './demo-compose.ts';

import { source, SOURCE_WEIGHTS, LANG_WEIGHTS, LOCATION_WEIGHTS, VVO_ONLY, DEPT_CODES, DEPT_LOCATION, StaffPicker, wrapManual, rating } from './demo-sampling.ts';
import type { StaffPick } from './demo-sampling.ts';
import { NEWS_OUTLETS, NEWS, RISK, FAKE_BASE, FAKE_ALT, SPIKE_EXTRA, EDIT_NOTES } from './demo-texts.ts';
import type { Sentiment, TextLang } from './demo-texts.ts';

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

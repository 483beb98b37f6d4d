import { test, expect } from 'vitest';
import { DEMO_ANCHOR, demoPassword, generateDemo } from './demo-data.ts';
import { ASPECTS, ASPECT_PHRASES, BUT, CLOSERS, OPENERS, STAFF_SENTENCES } from './phrases.ts';
import type { Lang } from './phrases.ts';
import { STAFF, declineWord, joinForms } from './roster.ts';

const demo = generateDemo();
const texts = demo.mentions.map((m) => m.mention.text);
const DAY = 86_400_000;

const TRADITIONAL = /[醫這們隊診時間說個還覺檢齒後來氣錢開給費預約會體護們處療費術燒動]/;
function langOf(text: string): 'ru' | 'zh' | 'zh-Hant' | 'en' {
  if (/[\u0400-\u04ff]/.test(text)) return 'ru';
  if (/[\u4e00-\u9fff]/.test(text)) return TRADITIONAL.test(text) ? 'zh-Hant' : 'zh';
  return 'en';
}
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Latin and Cyrillic aliases match as whole words (so "Dr. Li" is not found inside "Dr. Liu"), ignoring case ("Доктор Попов" opens a sentence). */
function aliasPattern(alias: string): RegExp {
  return /[\u4e00-\u9fff]/.test(alias) ? new RegExp(escape(alias)) : new RegExp(`(?<![\\p{L}])${escape(alias)}(?![\\p{L}])`, 'iu');
}

test('two runs with the same seed give the same data, another seed gives other data', () => {
  expect(generateDemo({ count: 400 })).toEqual(generateDemo({ count: 400 }));
  const other = generateDemo({ count: 400, seed: 7 });
  expect(other.mentions.map((m) => m.mention.text)).not.toEqual(generateDemo({ count: 400 }).mentions.map((m) => m.mention.text));
});

test('the mention count defaults to 3000 and honours the option', () => {
  expect(demo.mentions).toHaveLength(3000);
  expect(generateDemo({ count: 250 }).mentions).toHaveLength(250);
  expect(generateDemo({ count: 0 }).mentions).toHaveLength(0);
});

test('the language mix is about 45% simplified, 10% traditional Chinese, 25% Russian, 20% English', () => {
  const n: Record<string, number> = { zh: 0, 'zh-Hant': 0, ru: 0, en: 0 };
  for (const t of texts) n[langOf(t)]! += 1;
  const share = (k: string): number => (n[k] ?? 0) / texts.length;
  expect(share('zh')).toBeGreaterThan(0.4);
  expect(share('zh')).toBeLessThan(0.5);
  expect(share('zh-Hant')).toBeGreaterThan(0.07);
  expect(share('zh-Hant')).toBeLessThan(0.13);
  expect(share('ru')).toBeGreaterThan(0.21);
  expect(share('ru')).toBeLessThan(0.29);
  expect(share('en')).toBeGreaterThan(0.16);
  expect(share('en')).toBeLessThan(0.24);
});

test('every staff alias appears in at least one mention', () => {
  const missing: string[] = [];
  for (const s of demo.staff) {
    for (const alias of s.aliases) {
      const re = aliasPattern(alias);
      if (!texts.some((t) => re.test(t))) missing.push(`${s.key}: ${alias}`);
    }
  }
  expect(missing).toEqual([]);
});

test('about 40% of mentions name a staff member in some form', () => {
  const forms = STAFF.flatMap((s) => [s.name, ...s.aliases, ...s.zh, ...s.en, ...s.ru.flatMap((f) => Object.values(f))]);
  const patterns = [...new Set(forms)].map(aliasPattern);
  const share = texts.filter((t) => patterns.some((re) => re.test(t))).length / texts.length;
  expect(share).toBeGreaterThan(0.3);
  expect(share).toBeLessThan(0.5);
});

test('Russian name forms are declined by case', () => {
  const ivanova = STAFF.find((s) => s.key === 'ivanova-maria')!;
  expect(ivanova.ru.map((f) => f.dat)).toContain('Ивановой Марии Петровне');
  expect(ivanova.ru.map((f) => f.gen)).toContain('доктора Ивановой');
  expect(joinForms(declineWord('Смирнов', 'msurname'), declineWord('Алексей', 'mfirst')).ins).toBe('Смирновым Алексеем');
  expect(declineWord('Ольга', 'ffirst').gen).toBe('Ольги');
  expect(declineWord('Наталья', 'ffirst').dat).toBe('Наталье');
  expect(declineWord('Миллер', 'mforeign').gen).toBe('Миллера');
  // Oblique cases occur in the generated Russian texts, not only the nominative.
  const oblique = STAFF.flatMap((s) => s.ru.flatMap((f) => [f.gen, f.dat, f.ins].filter((x) => x !== f.nom)));
  expect(texts.filter((t) => oblique.some((o) => t.includes(o))).length).toBeGreaterThan(50);
});

test('mentions are spread over the 180 days before the anchor with a weekly rhythm', () => {
  const anchor = new Date(DEMO_ANCHOR).getTime();
  const byWeekday = [0, 0, 0, 0, 0, 0, 0];
  for (const m of demo.mentions) {
    const t = m.mention.publishedAt!.getTime();
    expect(t).toBeLessThan(anchor);
    expect(t).toBeGreaterThan(anchor - 181 * DAY);
    byWeekday[new Date(t + 8 * 3_600_000).getUTCDay()]! += 1;
  }
  expect(byWeekday[1]!).toBeGreaterThan(byWeekday[0]! * 1.5); // Mondays are busier than Sundays
  const shifted = generateDemo({ count: 100, anchor: new Date('2025-01-01T00:00:00Z') });
  for (const m of shifted.mentions) expect(m.mention.publishedAt!.getTime()).toBeLessThan(Date.parse('2025-01-01T00:00:00Z'));
});

test('ratings follow each source scale; manual sources have neither rating nor external id', () => {
  const ids = new Set<string>();
  for (const { sourceKey, mention } of demo.mentions) {
    if (sourceKey === 'hotline' || sourceKey === 'offline') {
      expect(mention.ratingRaw ?? null).toBeNull();
      expect(mention.externalId ?? null).toBeNull();
      expect(['hotline_note', 'offline_complaint']).toContain(mention.kind);
      continue;
    }
    expect(mention.externalId).toBeTruthy();
    expect(ids.has(mention.externalId!)).toBe(false);
    ids.add(mention.externalId!);
    if (mention.ratingRaw !== undefined && mention.ratingRaw !== null) {
      expect(mention.ratingRaw).toBeGreaterThanOrEqual(sourceKey === 'survey' ? 0 : 1);
      expect(mention.ratingRaw).toBeLessThanOrEqual(mention.ratingScale ?? 5);
    }
  }
  expect(demo.mentions.filter((m) => m.mention.ratingScale === 10).length).toBeGreaterThan(100);
  const kinds = new Set(demo.mentions.map((m) => m.mention.kind));
  for (const k of ['review', 'post', 'news', 'offline_complaint', 'hotline_note', 'survey_text']) expect(kinds).toContain(k);
});

test('angry five-star reviews exist but are rare', () => {
  const angry = /再也不会来了|非常失望|Больше сюда не пойду|Не советую|Never again|Very disappointed|Avoid\./i;
  const rated = demo.mentions.filter((m) => m.mention.ratingScale === 5 && m.mention.ratingRaw != null);
  const angryFive = rated.filter((m) => m.mention.ratingRaw === 5 && angry.test(m.mention.text));
  const angryAll = rated.filter((m) => angry.test(m.mention.text));
  expect(angryFive.length).toBeGreaterThan(0);
  expect(angryFive.length / angryAll.length).toBeLessThan(0.25);
});

test('a cluster of near-identical five-star reviews from different authors lands on one day', () => {
  const days = new Map<string, { author: string; rating: number }[]>();
  for (const { sourceKey, mention } of demo.mentions) {
    if (sourceKey !== 'dianping' || !mention.text.includes('强烈推荐')) continue;
    const day = mention.publishedAt!.toISOString().slice(0, 10);
    const list = days.get(day) ?? [];
    list.push({ author: mention.authorHandle!, rating: mention.ratingRaw! });
    days.set(day, list);
  }
  const biggest = [...days.values()].sort((a, b) => b.length - a.length)[0]!;
  expect(biggest.length).toBeGreaterThanOrEqual(15);
  expect(new Set(biggest.map((x) => x.author)).size).toBeGreaterThanOrEqual(biggest.length - 1);
  expect(biggest.every((x) => x.rating === 5)).toBe(true);
});

test('one week shows a spike of waiting complaints at the Shanghai check-up centre', () => {
  const perWeek = new Map<number, number>();
  const anchor = new Date(DEMO_ANCHOR).getTime();
  for (const { mention } of demo.mentions) {
    if (mention.location !== 'SH-PX' || mention.department !== 'CHK') continue;
    if (!/排|等|queue|wait|隊|等候/i.test(mention.text)) continue;
    const week = Math.floor((anchor - mention.publishedAt!.getTime()) / (7 * DAY));
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  const counts = [...perWeek.values()].sort((a, b) => b - a);
  expect(counts[0]!).toBeGreaterThan(4 * (counts[Math.floor(counts.length / 2)] ?? 1));
});

test('risk mentions cover medical error, legal threats, media, bribery and privacy', () => {
  for (const re of [/医疗事故|врачебная ошибка|negligence/, /起诉|律师|в суд|lawyer/, /媒体|СМИ|press/, /红包|взятка|red envelope/, /泄露|privacy/]) {
    expect(texts.some((t) => re.test(t))).toBe(true);
  }
});

test('about 2% of mentions have later edited versions', () => {
  const edited = demo.mentions.filter((m) => m.edits && m.edits.length > 0);
  expect(edited.length / demo.mentions.length).toBeGreaterThan(0.01);
  expect(edited.length / demo.mentions.length).toBeLessThan(0.04);
  for (const m of edited) {
    expect(m.mention.externalId).toBeTruthy();
    for (const e of m.edits!) {
      expect(e.after).toBeGreaterThan(0);
      expect(e.text).not.toBe(m.mention.text);
    }
  }
});

test('most mentions carry a location and department that exist in the roster', () => {
  const locs = new Set(demo.locations.map((l) => l.code));
  const depts = new Set(demo.departments.map((d) => d.code));
  const withLoc = demo.mentions.filter((m) => m.mention.location);
  expect(withLoc.length / demo.mentions.length).toBeGreaterThan(0.85);
  for (const m of withLoc) expect(locs.has(m.mention.location!)).toBe(true);
  for (const m of demo.mentions) if (m.mention.department) expect(depts.has(m.mention.department)).toBe(true);
  expect(demo.locations).toHaveLength(2);
});

test('placeholders never leak into the texts', () => {
  for (const m of demo.mentions) {
    expect(m.mention.text).not.toMatch(/\{[^}]*\}|\[[A-Z,]+\]/);
    for (const e of m.edits ?? []) expect(e.text).not.toMatch(/\{[^}]*\}/);
  }
});

test('texts vary: many distinct texts and at least 150 phrase fragments per language', () => {
  expect(new Set(texts).size / texts.length).toBeGreaterThan(0.9);
  for (const lang of ['zh', 'ru', 'en'] as Lang[]) {
    const fragments = new Set<string>([
      ...ASPECTS.flatMap((a) => [...ASPECT_PHRASES[lang][a].pos, ...ASPECT_PHRASES[lang][a].neg]),
      ...Object.values(OPENERS[lang]).flat(),
      ...Object.values(CLOSERS[lang]).flat(),
      ...BUT[lang],
      ...STAFF_SENTENCES[lang].pos,
      ...STAFF_SENTENCES[lang].neg,
    ]);
    expect(fragments.size).toBeGreaterThanOrEqual(150);
  }
});

test('the roster has one user per role, an admin login and a fixed demo password', () => {
  expect(demo.org.slug).toBe('demo');
  expect(demo.users.find((u) => u.email === 'admin@demo.verity.local')?.role).toBe('admin');
  const roles = new Set(demo.users.map((u) => u.role));
  for (const r of ['admin', 'leadership', 'pr', 'marketing', 'service', 'department_head', 'staff', 'viewer']) expect(roles).toContain(r);
  for (const u of demo.users) expect(u.email.endsWith('@demo.verity.local')).toBe(true);
  expect(demo.staff.length).toBeGreaterThanOrEqual(28);
  expect(demo.departments).toHaveLength(8);
  expect(new Set(demo.sources.map((s) => s.key)).size).toBe(demo.sources.length);
  expect(demoPassword()).toBe('verity-demo');
});

import { describe, expect, test } from 'vitest';
import { checkUse, claimsOf, type ConsentFacts, type StoryFacts } from './check-use.ts';
import { COMPLIANCE_RULES } from './compliance-rules.ts';
import { storiesMessages } from './stories.messages.ts';
import { consentState, consentValidUntil } from './stories.vocab.ts';
import type { ConsentUse, PublicationChannel } from './stories.vocab.ts';
import type { Market } from '../outreach/outreach.vocab.ts';

const story = (body: string, extra: Partial<StoryFacts> = {}): StoryFacts => ({ status: 'approved', title: '', body, locale: 'zh-CN', materialConnection: 'none', ...extra });
const consent = (use: ConsentUse, channels: string[], validFrom = '2026-01-01', validUntil: string | null = null, revokedAt: Date | null = null): ConsentFacts => ({
  id: `${use}-1`,
  use,
  channels,
  validFrom,
  validUntil,
  revokedAt,
});
const ALL = [
  consent('internal', ['internal']),
  consent('website', ['website']),
  consent('social', ['wechat', 'weibo', 'xiaohongshu', 'vk', 'telegram', 'facebook', 'instagram']),
  consent('advertising', ['print', 'outdoor', 'online_ads', 'video']),
];
const at = new Date('2026-06-01T09:00:00Z');
const run = (s: StoryFacts, use: ConsentUse, channel: PublicationChannel, market: Market, consents = ALL) => checkUse(s, consents, { use, channel, at, market });
const rules = (s: StoryFacts, use: ConsentUse, channel: PublicationChannel, market: Market, consents = ALL) => run(s, use, channel, market, consents).findings.map((f) => f.rule);
const blocked = (s: StoryFacts, use: ConsentUse, channel: PublicationChannel, market: Market) =>
  run(s, use, channel, market)
    .findings.filter((f) => f.severity === 'block')
    .map((f) => f.rule);

describe('claims in three languages', () => {
  const efficacy = [
    '做完手术后我的腰痛被彻底治好了，再也没复发。',
    '医生保证三个月见效。',
    '这里的治愈率很高。',
    '手術後我的病痊癒了，永不復發。',
    '醫生保證沒有問題，無副作用。',
    'Меня полностью вылечили за две недели.',
    'Врач гарантировал результат.',
    'После курса боль исчезла, я избавилась навсегда от мигрени.',
    'They cured my back pain for good.',
    'Guaranteed results, no side effects!',
    'It was 100% effective.',
    'My knee is completely healed and the pain never came back.',
  ];
  const plain = [
    '护士很耐心，候诊时间也不长，医生解释得很清楚。',
    '第一次来的时候有点紧张，前台很热情。',
    '預約很方便，醫生解釋得很清楚。',
    'Врач внимательно выслушал и всё объяснил, запись была удобной.',
    'The nurse explained every step and the wait was short.',
    'I feel better prepared for the next appointment.',
  ];
  test.each(efficacy)('efficacy: %s', (text) => expect(claimsOf(text).has('efficacy')).toBe(true));
  test.each(plain)('no claim: %s', (text) => {
    const claims = claimsOf(text);
    expect(claims.has('efficacy')).toBe(false);
    expect(claims.has('superlative')).toBe(false);
  });
  test.each(['非常感谢王医生！', '感謝團隊的照顧', 'Огромное спасибо всей команде', 'Благодарю доктора Иванова', 'Thank you, Dr Chen', 'I am so grateful'])('thanks: %s', (text) =>
    expect(claimsOf(text).has('thanks')).toBe(true),
  );
  test.each(['这是全市最好的医院', '最專業的團隊', '国家级专家', 'Это лучший врач в городе', 'Клиника номер один', 'The best doctor in town', 'They are #1'])('superlative: %s', (text) =>
    expect(claimsOf(text).has('superlative')).toBe(true),
  );
});

describe('consent coverage by use, channel and date', () => {
  const s = story('护士很耐心，医生解释得很清楚，候诊时间不长。');
  test('a website-only consent allows the website and nothing else', () => {
    const only = [consent('website', ['website'])];
    expect(run(s, 'website', 'website', 'cn', only).allowed).toBe(true);
    expect(rules(s, 'social', 'wechat', 'cn', only)).toContain('consent.none');
    expect(rules(s, 'advertising', 'online_ads', 'us', only)).toContain('consent.none');
  });
  test('a channel outside the consent is refused', () => expect(rules(s, 'social', 'douyin', 'us')).toContain('consent.channel'));
  test('before the start, on the last day and after the end', () => {
    const year = [consent('website', ['website'], '2026-06-02', '2027-06-01')];
    expect(rules(s, 'website', 'website', 'us', year)).toContain('consent.dates');
    expect(checkUse(s, year, { use: 'website', channel: 'website', at: new Date('2027-06-01T23:00:00Z'), market: 'us' }).findings.map((f) => f.rule)).not.toContain('consent.dates');
    expect(checkUse(s, year, { use: 'website', channel: 'website', at: new Date('2027-06-02T00:30:00Z'), market: 'us' }).findings.map((f) => f.rule)).toContain('consent.dates');
  });
  test('a revoked consent refuses, a later live one allows', () => {
    const revoked = [consent('website', ['website'], '2026-01-01', null, new Date('2026-03-01'))];
    expect(rules(s, 'website', 'website', 'us', revoked)).toContain('consent.revoked');
    expect(run(s, 'website', 'website', 'us', [...revoked, { ...consent('website', ['website']), id: 'w2' }]).allowed).toBe(true);
  });
  test('only an approved story can be used', () =>
    expect(rules(story('护士很耐心，医生解释得很清楚。', { status: 'submitted' }), 'internal', 'internal', 'cn')).toContain('consent.story_not_approved'));
  test('durations and states', () => {
    expect(consentValidUntil('2026-03-01', '1y')).toBe('2027-02-28');
    expect(consentValidUntil('2024-02-29', '2y')).toBe('2026-02-28');
    expect(consentValidUntil('2026-03-01', 'until_revoked')).toBeNull();
    expect(consentState({ validFrom: '2026-01-01', validUntil: '2026-06-20', revoked: false }, '2026-06-01')).toBe('expiring');
    expect(consentState({ validFrom: '2026-01-01', validUntil: '2026-12-20', revoked: false }, '2026-06-01')).toBe('live');
    expect(consentState({ validFrom: '2026-01-01', validUntil: '2026-05-31', revoked: false }, '2026-06-01')).toBe('expired');
    expect(consentState({ validFrom: '2026-01-01', validUntil: null, revoked: true }, '2026-06-01')).toBe('revoked');
  });
});

describe('market rules', () => {
  const plain = story('护士很耐心，医生解释得很清楚，候诊时间不长。');
  const cure = story('做了手术以后我的病被彻底治好了，医生保证不会复发。');
  test('China: any patient story in advertising is refused, with the law cited', () => {
    const result = run(plain, 'advertising', 'online_ads', 'cn');
    expect(result.allowed).toBe(false);
    const f = result.findings.find((x) => x.rule === 'cn.ad_testimonial')!;
    expect(f.law).toContain('广告法');
    expect(f.law).toContain('医疗广告管理办法');
    expect(storiesMessages.render('en', f.text.code.replace('stories.', '') as 'rule.cn.ad_testimonial')).toMatch(/testimonial/);
  });
  test('China: a plain story may go on the website (with the separate-consent reminder only)', () => {
    const r = run(plain, 'website', 'website', 'cn');
    expect(r.allowed).toBe(true);
    expect(r.findings.map((f) => f.rule)).toEqual(['cn.separate_consent']);
  });
  test('China: cure claims and superlatives are refused on the website and social media', () => {
    expect(blocked(cure, 'website', 'website', 'cn')).toEqual(['cn.efficacy']);
    expect(blocked(story('这是全市最好的医院，服务很周到。'), 'social', 'wechat', 'cn')).toEqual(['cn.superlative']);
    expect(blocked(story('手術後痊癒了，這是最專業的團隊。'), 'social', 'weibo', 'cn').sort()).toEqual(['cn.efficacy', 'cn.superlative']);
  });
  test('Russia: advertising refused outright; cure cases refused on the site; thanks and contraindications warned', () => {
    const thanks = story('Огромное спасибо доктору, всё объяснили и приняли вовремя.', { locale: 'ru' });
    expect(blocked(thanks, 'advertising', 'print', 'ru')).toEqual(['ru.ad_thanks']);
    const site = run(thanks, 'website', 'website', 'ru');
    expect(site.allowed).toBe(true);
    expect(site.findings.map((f) => f.rule).sort()).toEqual(['ru.contraindications', 'ru.personal_data', 'ru.site_thanks']);
    expect(blocked(story('Меня вылечили за неделю.', { locale: 'ru' }), 'website', 'website', 'ru')).toEqual(['ru.cure_cases']);
  });
  test('US: allowed with disclosures; material connection and typical results only when they apply', () => {
    const en = story('The nurse explained every step and the wait was short.', { locale: 'en' });
    expect(run(en, 'advertising', 'online_ads', 'us').allowed).toBe(true);
    expect(rules(en, 'advertising', 'online_ads', 'us')).not.toContain('us.material_connection');
    expect(rules({ ...en, materialConnection: 'free_or_discounted_care' }, 'social', 'facebook', 'us')).toContain('us.material_connection');
    expect(rules(story('They cured my back pain.', { locale: 'en' }), 'website', 'website', 'us')).toContain('us.typical_results');
    expect(rules(en, 'website', 'website', 'us')).toEqual(expect.arrayContaining(['us.genuine', 'us.hipaa_authorization']));
  });
  test('EU: cure claims refused (UCPD Annex I point 17), material connection disclosed', () => {
    const f = run(story('They cured my migraine for good.', { locale: 'en' }), 'social', 'instagram', 'eu').findings.find((x) => x.rule === 'eu.efficacy')!;
    expect(f.severity).toBe('block');
    expect(f.law).toContain('Annex I point 17');
    expect(rules(story('Friendly staff and a short wait.', { locale: 'en', materialConnection: 'employee' }), 'website', 'website', 'eu')).toContain('eu.material_connection');
  });
  test('internal use is outside every market rule', () => {
    for (const market of ['cn', 'ru', 'us', 'eu'] as const) expect(run(cure, 'internal', 'internal', market).findings).toEqual([]);
  });
  test('every rule has a law and an explanation in three languages', () => {
    for (const rule of COMPLIANCE_RULES) {
      expect(rule.law.length).toBeGreaterThan(5);
      for (const locale of ['en', 'ru', 'zh-CN'] as const) {
        const text = storiesMessages.render(locale, `rule.${rule.id}` as 'rule.cn.efficacy');
        expect(text).not.toContain('rule.');
      }
    }
  });
});

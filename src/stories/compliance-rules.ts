import type { Market } from '../outreach/outreach.vocab.ts';
import type { ConsentUse } from './stories.vocab.ts';

/**
 * The law on using patient stories, per market, as data: each rule says which uses it governs,
 * what it does (refuse the use, refuse it when the text makes a claim, or require something of the
 * publisher) and which law it comes from. The check (check-use.ts) applies them; the story page and
 * the calendar show each finding with its law and explanation (stories.messages.ts, `rule.<id>`).
 *
 * A clinic's own website and social accounts publishing a patient's story to attract patients is
 * itself advertising or a commercial practice in every one of these markets, so the claim rules
 * apply to the website and social uses too, not only to paid advertising. Only internal use
 * (training, the team's own noticeboard) is outside them.
 * Not legal advice: the rules are the plain prohibitions of each market, kept conservative.
 */

export type RuleEffect =
  /** The use is refused outright (a testimonial in medical advertising). */
  | { kind: 'forbid' }
  /** The use is refused when the story's text makes a claim the rule names (`claims`). */
  | { kind: 'forbid_claims'; claims: ClaimKind }
  /** Allowed, but the publisher must do something (disclose, add a warning); shown as a warning. */
  | { kind: 'require'; when?: 'material_connection' | 'claims'; claims?: ClaimKind };

/** Kinds of claim a story's text can make: a cure, efficacy or guarantee; thanks to the clinic; a superlative ("the best", "No. 1"). */
export type ClaimKind = 'efficacy' | 'thanks' | 'superlative';

export interface ComplianceRule {
  id: string;
  market: Market;
  uses: readonly ConsentUse[];
  effect: RuleEffect;
  /** The law, as cited in its own language. */
  law: string;
}

const PUBLIC: readonly ConsentUse[] = ['website', 'social', 'advertising'];

export const COMPLIANCE_RULES: readonly ComplianceRule[] = [
  // China. Advertising Law art. 16 para. 1: medical advertising may not (1) assert efficacy or
  // safety, (2) state cure or effective rates, (4) use endorsers to recommend or prove; Measures for
  // the Administration of Medical Advertising art. 7 (6): no proof in the name or image of patients.
  // Art. 9 (3): no "national-level", "highest", "best" in any advertisement. PIPL arts. 28–29:
  // medical information is sensitive and needs the person's separate consent.
  { id: 'cn.ad_testimonial', market: 'cn', uses: ['advertising'], effect: { kind: 'forbid' }, law: '《中华人民共和国广告法》第十六条第一款第（四）项；《医疗广告管理办法》第七条第（六）项' },
  { id: 'cn.efficacy', market: 'cn', uses: PUBLIC, effect: { kind: 'forbid_claims', claims: 'efficacy' }, law: '《中华人民共和国广告法》第十六条第一款第（一）、（二）项；《医疗广告管理办法》第七条' },
  { id: 'cn.superlative', market: 'cn', uses: PUBLIC, effect: { kind: 'forbid_claims', claims: 'superlative' }, law: '《中华人民共和国广告法》第九条第（三）项' },
  { id: 'cn.separate_consent', market: 'cn', uses: PUBLIC, effect: { kind: 'require' }, law: '《中华人民共和国个人信息保护法》第二十八条、第二十九条' },
  // Russia. 38-FZ art. 24 part 1 items 2–3 (extended to medical services by part 4): no references to
  // cases of cure or improvement, no thanks of individuals; part 7: the contraindications warning.
  // The FAS treats reviews a clinic selects and shows on its own site or accounts as advertising.
  { id: 'ru.ad_thanks', market: 'ru', uses: ['advertising'], effect: { kind: 'forbid' }, law: 'Федеральный закон от 13.03.2006 № 38-ФЗ «О рекламе», ст. 24 ч. 1 п. 2–3, ч. 4' },
  { id: 'ru.cure_cases', market: 'ru', uses: ['website', 'social'], effect: { kind: 'forbid_claims', claims: 'efficacy' }, law: 'Федеральный закон № 38-ФЗ «О рекламе», ст. 24 ч. 1 п. 2, ч. 4' },
  {
    id: 'ru.site_thanks',
    market: 'ru',
    uses: ['website', 'social'],
    effect: { kind: 'require', when: 'claims', claims: 'thanks' },
    law: 'Федеральный закон № 38-ФЗ «О рекламе», ст. 3 п. 1, ст. 24 ч. 1 п. 3, ч. 4',
  },
  { id: 'ru.contraindications', market: 'ru', uses: PUBLIC, effect: { kind: 'require' }, law: 'Федеральный закон № 38-ФЗ «О рекламе», ст. 24 ч. 7' },
  { id: 'ru.personal_data', market: 'ru', uses: PUBLIC, effect: { kind: 'require' }, law: 'Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ст. 10, ст. 10.1' },
  // US. FTC Endorsement Guides: 16 CFR 255.5 (disclose material connections), 255.2(b) (an
  // endorser's results imply typical results unless the generally expected results are disclosed);
  // 16 CFR Part 465 (no fake, bought or sentiment-conditioned reviews); HIPAA 45 CFR 164.508(a)(3):
  // a patient's story used in marketing needs the patient's written authorisation.
  { id: 'us.material_connection', market: 'us', uses: PUBLIC, effect: { kind: 'require', when: 'material_connection' }, law: '16 CFR § 255.5 (FTC Endorsement Guides)' },
  { id: 'us.typical_results', market: 'us', uses: PUBLIC, effect: { kind: 'require', when: 'claims', claims: 'efficacy' }, law: '16 CFR § 255.2(b) (FTC Endorsement Guides)' },
  { id: 'us.genuine', market: 'us', uses: PUBLIC, effect: { kind: 'require' }, law: '16 CFR Part 465 (FTC Rule on the Use of Consumer Reviews and Testimonials)' },
  { id: 'us.hipaa_authorization', market: 'us', uses: PUBLIC, effect: { kind: 'require' }, law: '45 CFR § 164.508(a)(3) (HIPAA Privacy Rule)' },
  // EU. Unfair Commercial Practices Directive: hidden marketing (art. 7(2), Annex I point 11),
  // falsely claiming a cure (Annex I point 17), fake or unverified reviews (art. 7(6), Annex I
  // points 23b–23c, added by Directive (EU) 2019/2161); GDPR art. 9(2)(a): explicit consent for health data.
  { id: 'eu.material_connection', market: 'eu', uses: PUBLIC, effect: { kind: 'require', when: 'material_connection' }, law: 'Directive 2005/29/EC art. 7(2), Annex I point 11' },
  { id: 'eu.efficacy', market: 'eu', uses: PUBLIC, effect: { kind: 'forbid_claims', claims: 'efficacy' }, law: 'Directive 2005/29/EC art. 6(1)(b), Annex I point 17' },
  { id: 'eu.genuine', market: 'eu', uses: PUBLIC, effect: { kind: 'require' }, law: 'Directive 2005/29/EC art. 7(6), Annex I points 23b–23c' },
  { id: 'eu.explicit_consent', market: 'eu', uses: PUBLIC, effect: { kind: 'require' }, law: 'Regulation (EU) 2016/679 (GDPR) art. 9(2)(a), art. 7(3)' },
];

/*
 * Words that make a claim, matched against the lower-cased title and text. Chinese in simplified
 * and traditional characters, Russian (stems: no \b, which knows only ASCII letters) and English.
 * "第一" alone is not a superlative ("第一次" is "the first time"); only "No. 1"-like phrases are.
 */
const EFFICACY = [
  // zh-Hans
  '治愈',
  '治好了',
  '根治',
  '痊愈',
  '药到病除',
  '立竿见影',
  '保证',
  '包治',
  '包好',
  '无效退款',
  '无副作用',
  '零风险',
  '有效率',
  '康复率',
  '成功率',
  '百分之百',
  '一次见效',
  '永不复发',
  '再也没复发',
  '再也没有复发',
  '彻底好了',
  '彻底治好',
  '彻底康复',
  // zh-Hant
  '治癒',
  '痊癒',
  '藥到病除',
  '立竿見影',
  '保證',
  '無效退款',
  '無副作用',
  '零風險',
  '康復率',
  '一次見效',
  '永不復發',
  '再也沒復發',
  '徹底好了',
  '徹底治好',
  // ru
  'вылечи',
  'излеч',
  'исцел',
  'гарантир',
  'навсегда избав',
  'избавил(?:ся|ась|ись) навсегда',
  'без побочных',
  'стопроцентн',
  'полностью (?:вылеч|восстановил|прошл|исчез)',
  'чудо',
  // en
  '\\bcure[ds]?\\b',
  '\\bcuring\\b',
  '\\bguarantee',
  'no side[- ]effects',
  '\\brisk[- ]free\\b',
  '\\bmiracle',
  'permanently (?:fixed|gone|cured|healed)',
  'completely (?:cured|healed|gone)',
  'never came back',
  // any language
  '100\\s*%',
];
const THANKS = ['感谢', '谢谢', '多谢', '感恩', '感激', '謝謝', '感謝', '多謝', 'спасибо', 'благодар', '\\bthanks?\\b', '\\bthank you\\b', '\\bgrateful\\b', '\\bgratitude\\b'];
const SUPERLATIVE = [
  '最好的',
  '最佳',
  '最棒的',
  '最先进',
  '最先進',
  '最权威',
  '最權威',
  '最专业',
  '最專業',
  '顶级',
  '頂級',
  '国家级',
  '國家級',
  '最高级',
  '最高級',
  '首选',
  '首選',
  '全国第一',
  '全國第一',
  '排名第一',
  '第一名',
  'самый лучший',
  'самая лучшая',
  'лучш(?:ий|ая|ее|ие|ей) (?:врач|доктор|клиник|специалист|хирург|стоматолог)',
  'номер один',
  '№\\s?1\\b',
  '\\bthe best (?:doctor|clinic|surgeon|hospital|dentist)',
  '\\bnumber one\\b',
  '\\bno\\.\\s?1\\b',
  '#1\\b',
  '\\bworld[- ]class\\b',
];

const compile = (words: string[]) => new RegExp(`(?:${words.join('|')})`, 'u');

/** Words that make a claim of cure, efficacy or guarantee, express thanks, or rank the clinic above all (lower-cased text). */
export const CLAIM_PATTERNS: Record<ClaimKind, RegExp> = {
  efficacy: compile(EFFICACY),
  thanks: compile(THANKS),
  superlative: compile(SUPERLATIVE),
};

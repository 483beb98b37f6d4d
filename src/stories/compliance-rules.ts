import type { Market } from '../outreach/outreach.vocab.ts';
import type { ConsentUse } from './stories.vocab.ts';

/**
 * The law on using patient stories, per market, as data: each rule says which uses it governs,
 * what it does (refuse the use, refuse it when the text makes a claim, or require something of the
 * publisher) and which law it comes from. The check (check-use.ts) applies them; the story page and
 * the calendar show each finding with its law and explanation (stories.messages.ts, `rule.<id>`).
 * Not legal advice: the rules are the plain prohibitions of each market, kept conservative.
 */

export type RuleEffect =
  /** The use is refused outright (a testimonial in medical advertising). */
  | { kind: 'forbid' }
  /** The use is refused when the story's text makes a claim the rule names (`claims`). */
  | { kind: 'forbid_claims'; claims: ClaimKind }
  /** Allowed, but the publisher must do something (disclose, add a warning); shown as a warning. */
  | { kind: 'require'; when?: 'material_connection' | 'claims'; claims?: ClaimKind };

/** Kinds of claim a story's text can make. */
export type ClaimKind = 'efficacy' | 'thanks';

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
  // China: the Advertising Law art. 16 and the Measures for Medical Advertising art. 7 forbid
  // testimonials, endorsements and the names or images of patients in medical advertising, and
  // efficacy or safety assertions, cure rates and guarantees.
  { id: 'cn.ad_testimonial', market: 'cn', uses: ['advertising'], effect: { kind: 'forbid' }, law: '《中华人民共和国广告法》第十六条；《医疗广告管理办法》第七条' },
  { id: 'cn.efficacy', market: 'cn', uses: ['website', 'social'], effect: { kind: 'forbid_claims', claims: 'efficacy' }, law: '《中华人民共和国广告法》第十六条；《互联网广告管理办法》第九条' },
  // Russia: 38-FZ art. 24 part 1 items 2–3 (with part 4 for medical services) forbid cases of cure
  // and thanks of patients in advertising of medical services; part 7 requires the
  // contraindications warning.
  { id: 'ru.ad_thanks', market: 'ru', uses: ['advertising'], effect: { kind: 'forbid' }, law: 'Федеральный закон № 38-ФЗ «О рекламе», ст. 24 ч. 1 п. 2–3, ч. 4' },
  { id: 'ru.cure_cases', market: 'ru', uses: ['website', 'social'], effect: { kind: 'forbid_claims', claims: 'efficacy' }, law: 'Федеральный закон № 38-ФЗ «О рекламе», ст. 24 ч. 1 п. 2, ч. 4' },
  { id: 'ru.contraindications', market: 'ru', uses: ['website', 'social'], effect: { kind: 'require' }, law: 'Федеральный закон № 38-ФЗ «О рекламе», ст. 24 ч. 7' },
  // US: the FTC's Endorsement Guides (16 CFR 255.5) require material connections to be disclosed and
  // 255.2 that results shown be generally expected; 16 CFR 465 forbids fake or bought reviews.
  { id: 'us.material_connection', market: 'us', uses: PUBLIC, effect: { kind: 'require', when: 'material_connection' }, law: '16 CFR § 255.5 (FTC Endorsement Guides)' },
  { id: 'us.typical_results', market: 'us', uses: ['advertising'], effect: { kind: 'require', when: 'claims', claims: 'efficacy' }, law: '16 CFR § 255.2(b) (FTC Endorsement Guides)' },
  { id: 'us.genuine', market: 'us', uses: PUBLIC, effect: { kind: 'require' }, law: '16 CFR Part 465 (FTC Rule on Consumer Reviews and Testimonials)' },
  // EU: the Unfair Commercial Practices Directive (hidden marketing, art. 7(2) and Annex I point 11;
  // fake or unverified consumer reviews, Annex I points 23b–23c as amended by Directive 2019/2161).
  { id: 'eu.material_connection', market: 'eu', uses: PUBLIC, effect: { kind: 'require', when: 'material_connection' }, law: 'Directive 2005/29/EC art. 7(2), Annex I point 11' },
  { id: 'eu.efficacy', market: 'eu', uses: ['advertising'], effect: { kind: 'forbid_claims', claims: 'efficacy' }, law: 'Directive 2005/29/EC art. 6; Directive 2001/83/EC art. 90' },
];

/** Words that make a claim of cure, efficacy or guarantee, or express thanks (lower-cased text). */
export const CLAIM_PATTERNS: Record<ClaimKind, RegExp> = {
  efficacy:
    /(治愈|根治|痊愈|药到病除|立竿见影|保证|包治|无副作用|有效率|治愈率|百分之百|100\s*%|вылечи|излеч|гарантир|навсегда избав|без побочных|100\s*%|\bcured?\b|\bcures\b|guarantee|no side effects|miracle|permanently (?:fixed|gone)|100\s*% (?:effective|success))/u,
  thanks: /(感谢|谢谢|多谢|спасибо|благодар|\bthank(?:s| you)\b|grateful)/u,
};

import { finding, type CheckResult, type Finding } from './privacy-check.ts';
import type { BrandVoiceLang } from './replies.vocab.ts';

/** An organisation's brand-voice rules for public replies. */
export interface BrandVoiceRules {
  requiredPhrases: Record<BrandVoiceLang, string[]>;
  bannedWords: string[];
  maxLength?: number;
  noExclamation?: boolean;
}

export const DEFAULT_BRAND_VOICE: BrandVoiceRules = { requiredPhrases: { zh: [], ru: [], en: [] }, bannedWords: [], noExclamation: false };

/** Checks a draft against the rules of its language; never throws. */
export function checkBrandVoice(text: string, lang: string, rules: BrandVoiceRules): CheckResult {
  const findings: Finding[] = [];
  const lower = text.toLowerCase();
  const required = rules.requiredPhrases[lang as keyof BrandVoiceRules['requiredPhrases']] ?? [];
  for (const phrase of required) {
    if (phrase.trim() && !lower.includes(phrase.toLowerCase())) findings.push(finding('required_phrase', [0, 0], phrase));
  }
  for (const word of rules.bannedWords) {
    if (!word.trim()) continue;
    let from = 0;
    for (let i = lower.indexOf(word.toLowerCase(), from); i >= 0; i = lower.indexOf(word.toLowerCase(), from)) {
      findings.push(finding('banned_word', [i, i + word.length], text.slice(i, i + word.length)));
      from = i + word.length;
    }
  }
  if (rules.noExclamation) {
    for (const m of text.matchAll(/[!！]/g)) findings.push(finding('exclamation', [m.index, m.index + 1], m[0]));
  }
  if (rules.maxLength !== undefined && text.length > rules.maxLength) {
    findings.push(finding('too_long', [rules.maxLength, text.length], text.slice(rules.maxLength, rules.maxLength + 20), { max: String(rules.maxLength) }));
  }
  findings.sort((a, b) => a.span[0] - b.span[0]);
  return { ok: findings.length === 0, findings };
}

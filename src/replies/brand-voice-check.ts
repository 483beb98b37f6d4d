import type { CheckResult, Finding } from './privacy-check.ts';

/** An organisation's brand-voice rules for public replies. */
export interface BrandVoiceRules {
  requiredPhrases: { zh: string[]; ru: string[]; en: string[] };
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
    if (phrase.trim() && !lower.includes(phrase.toLowerCase())) findings.push({ span: [0, 0], term: phrase, reason: 'a required phrase is missing' });
  }
  for (const word of rules.bannedWords) {
    if (!word.trim()) continue;
    let from = 0;
    for (let i = lower.indexOf(word.toLowerCase(), from); i >= 0; i = lower.indexOf(word.toLowerCase(), from)) {
      findings.push({ span: [i, i + word.length], term: text.slice(i, i + word.length), reason: 'a banned word' });
      from = i + word.length;
    }
  }
  if (rules.noExclamation) {
    for (const m of text.matchAll(/[!！]/g)) findings.push({ span: [m.index, m.index + 1], term: m[0], reason: 'exclamation marks are not our tone' });
  }
  if (rules.maxLength !== undefined && text.length > rules.maxLength) {
    findings.push({ span: [rules.maxLength, text.length], term: text.slice(rules.maxLength, rules.maxLength + 20), reason: `longer than ${rules.maxLength} characters` });
  }
  findings.sort((a, b) => a.span[0] - b.span[0]);
  return { ok: findings.length === 0, findings };
}

import type { Tier } from '../cases/cases.vocab.ts';
import type { Db } from '../db/database.ts';
import { checkReplyWith, loadCheckRules, type CheckRules } from './check-reply.ts';
import type { Finding } from './privacy-check.ts';
import { fillPlaceholders, findReplyTemplates } from './reply-templates.ts';

/** A rewrite that passes both checks: the draft without its flagged sentences, or one of the organisation's templates. */
export interface Suggestion {
  source: 'masked' | 'template';
  text: string;
  templateId?: string;
  templateName?: string;
}

/** What the templates' placeholders are filled with, and what picks the template (the case's tier and aspects). */
export interface SuggestionContext {
  clinic: string;
  author: string | null;
  caseNumber: number | null;
  tier?: Tier;
  aspects?: string[];
}

/** The draft's sentences with their spans (a sentence ends at . ! ? 。 ！ ？ … or a line break, with what follows it). */
export function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const pattern = /[^.!?。！？…\n]*(?:[.!?。！？…]+|\n+|$)\s*/gu;
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) break;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The draft with every sentence that holds a finding left out, and exclamation marks made full
 * stops; null when nothing is left or nothing changed. Findings without a place in the text (a
 * missing required phrase, the length) leave the sentences alone.
 */
export function maskFindings(text: string, findings: Pick<Finding, 'span' | 'code'>[]): string | null {
  let masked = text;
  const placed = findings.filter((f) => f.code !== 'required_phrase' && f.code !== 'too_long' && f.span[1] > f.span[0]);
  // Exclamation marks: the sentence stays, calmer.
  for (const f of placed.filter((p) => p.code === 'exclamation')) masked = masked.slice(0, f.span[0]) + (masked[f.span[0]] === '！' ? '。' : '.') + masked.slice(f.span[1]);
  const flagged = placed.filter((f) => f.code !== 'exclamation');
  const kept = sentences(masked)
    .filter((s) => !flagged.some((f) => f.span[0] < s.end && f.span[1] > s.start))
    .map((s) => masked.slice(s.start, s.end))
    .join('')
    .replace(/\.{2,}/g, '.')
    .trim();
  if (!kept || kept === text.trim() || !/[\p{L}]{2}/u.test(kept)) return null;
  return kept;
}

/** Templates that fit the case first: its aspect, then its tier, then the general ones. */
function rank(t: { tier: Tier | null; aspect: string | null }, context: SuggestionContext): number {
  return (t.aspect && context.aspects?.includes(t.aspect) ? 2 : 0) + (t.tier && t.tier === context.tier ? 1 : 0);
}

/**
 * Safe rewrites of a draft with findings, each run through both checks again so that only clean
 * ones are offered: the draft without its flagged sentences, and the best-fitting template of the
 * organisation in the draft's language (placeholders filled). None when the draft has no findings.
 */
export async function suggestRewrites(db: Db, orgId: string, text: string, lang: string, findings: Finding[], context: SuggestionContext, rules?: CheckRules): Promise<Suggestion[]> {
  if (findings.length === 0) return [];
  const checkRules = rules ?? (await loadCheckRules(db, orgId));
  const clean = (candidate: string) => {
    const checks = checkReplyWith(checkRules, candidate, lang);
    return checks.privacy.ok && checks.brandVoice.ok;
  };
  const out: Suggestion[] = [];
  const masked = maskFindings(text, findings);
  if (masked && clean(masked)) out.push({ source: 'masked', text: masked });
  const templates = await findReplyTemplates(db, orgId, { lang, ...(context.tier ? { tier: context.tier } : {}) });
  const ranked = templates.map((t, i) => ({ t, i })).sort((a, b) => rank(b.t, context) - rank(a.t, context) || a.i - b.i);
  for (const { t } of ranked) {
    const filled = fillPlaceholders(t.text, { clinic: context.clinic, author: context.author, lang, caseNumber: context.caseNumber ?? 0 });
    if (filled !== masked && !/\{\{/.test(filled) && clean(filled)) {
      out.push({ source: 'template', text: filled, templateId: t.id, templateName: t.name });
      break;
    }
  }
  return out;
}

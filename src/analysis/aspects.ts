import type { CompiledAspect, CompiledLexicon } from './lexicon.ts';
import { isNegatedAt } from './negation.ts';
import { scoreTokens } from './sentiment.ts';
import { tokenAt, type AspectResult, type PreparedMention } from './stage.ts';
import type { AnalysisLanguage, Polarity } from './analysis.vocab.ts';

/** Polarity fixed by the aspect's own cues in the clause (negated cues flip), or null to ask the model. */
function cuePolarity(aspect: CompiledAspect, clause: string, offset: number, haystack: string, lang: AnalysisLanguage): Polarity | null {
  let negative = false;
  let positive = false;
  for (const [regex, isNegativeCue] of [
    [aspect.negative, true],
    [aspect.positive, false],
  ] as const) {
    if (!regex) continue;
    const match = regex.exec(clause);
    if (!match) continue;
    const flipped = isNegatedAt(haystack, offset + match.index, lang) && !/^(不|没|не|no|not|never)/iu.test(match[0]);
    if (isNegativeCue !== flipped) negative = true;
    else positive = true;
  }
  if (negative === positive) return null;
  return negative ? 'negative' : 'positive';
}

/** The aspects a mention names (lexicon cues), each with the clause around its cue and its polarity there, in text order. */
export function detectAspects(m: PreparedMention, lexicon: CompiledLexicon): AspectResult[] {
  const aspects: AspectResult[] = [];
  const { tokens, haystack, lang } = m;
  const aspectScan = lexicon.aspectScan[lang];
  const aspectList = lexicon.aspects[lang];
  if (!aspectScan || tokens.length === 0) return aspects;
  let seen: Set<string> | null = null;
  let match: RegExpExecArray | null;
  aspectScan.lastIndex = 0;
  while ((match = aspectScan.exec(haystack))) {
    let group = 1;
    while (match[group] === undefined) group++;
    const aspect = aspectList[group - 1]!;
    const tokenIndex = tokenAt(tokens, match.index);
    const clauses = m.clauses();
    const from = clauses.from[tokenIndex]!;
    const to = clauses.to[tokenIndex]!;
    const start = tokens[from]!.start;
    const end = tokens[to - 1]!.end;
    const key = `${aspect.aspect}:${start}`;
    seen ??= new Set<string>();
    if (seen.has(key)) continue;
    seen.add(key);
    let polarity = cuePolarity(aspect, haystack.slice(start, end), start, haystack, lang);
    if (!polarity) {
      const clause = scoreTokens(m.model, tokens, from, to, m.simplified);
      polarity = clause.confidence >= 0.55 ? (clause.label as Polarity) : 'neutral';
    }
    aspects.push({ aspect: aspect.aspect, polarity, span: [start, end] });
  }
  aspects.sort((a, b) => a.span[0] - b.span[0]);
  return aspects;
}

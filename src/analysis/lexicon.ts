import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Lang = 'zh' | 'ru' | 'en';
const LANGS: readonly Lang[] = ['zh', 'ru', 'en'];

import { ASPECTS, RISKS } from './taxonomy.ts';

export { ASPECTS, RISKS };

type CueLists = Partial<Record<Lang, string[]>>;
interface AspectEntry extends CueLists {
  negative?: CueLists;
  positive?: CueLists;
}
/** The shape of lexicons/aspects.json + risks.json, and of a clinic's extra lexicon. */
export interface LexiconData {
  aspects?: Record<string, AspectEntry>;
  risks?: Record<string, CueLists>;
}

export interface CompiledAspect {
  aspect: string;
  cues: RegExp;
  negative: RegExp | null;
  positive: RegExp | null;
}
export interface CompiledRisk {
  risk: string;
  cues: RegExp;
  /** Each cue as written and as a whole-match regex, to tell which cue a scan hit (the risk confidence weighs cues). */
  cueList: { cue: string; exact: RegExp }[];
}
export interface CompiledLexicon {
  aspects: Record<Lang, CompiledAspect[]>;
  risks: Record<Lang, CompiledRisk[]>;
  /** One scan per text: capture group i + 1 is aspects[lang][i] (resp. risks[lang][i]). */
  aspectScan: Record<Lang, RegExp | null>;
  riskScan: Record<Lang, RegExp | null>;
  /** Identifies the lexicon content, folded into modelVersion. */
  fingerprint: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One cue as a regex source: zh is a literal; ru/en are whole words, `*` = any ending. */
function cueSource(cue: string, lang: Lang): string {
  if (lang === 'zh') return escapeRegExp(cue);
  const words = cue
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((word) => (word.endsWith('*') ? `${escapeRegExp(word.slice(0, -1))}[\\p{L}\\p{N}]*` : escapeRegExp(word)));
  // The leading word boundary is added once per scan (see WORD_START), not once per cue.
  return `${words.join('\\s+')}(?![\\p{L}\\p{N}])`;
}
const WORD_START = '(?<![\\p{L}\\p{N}])';

function compile(cues: readonly string[] | undefined, lang: Lang, global: boolean): RegExp | null {
  if (!cues || cues.length === 0) return null;
  // Longest cues first so that alternation prefers the most specific phrase.
  const sources = [...new Set(cues)].sort((a, b) => b.length - a.length).map((cue) => cueSource(cue, lang));
  const start = lang === 'zh' ? '' : WORD_START;
  return new RegExp(`${start}(?:${sources.join('|')})`, global ? 'giu' : 'iu');
}

/** Longest first, each anchored to the whole matched text. */
function exactCues(cues: readonly string[], lang: Lang): { cue: string; exact: RegExp }[] {
  return [...new Set(cues)].sort((a, b) => b.length - a.length).map((cue) => ({ cue: cue.toLowerCase(), exact: new RegExp(`^(?:${cueSource(cue, lang)})$`, 'iu') }));
}

/** The lexicon cue (as written, lower case) a risk scan matched, or the matched text itself. */
export function matchedCue(risk: CompiledRisk, matched: string): string {
  return risk.cueList.find((c) => c.exact.test(matched))?.cue ?? matched.toLowerCase();
}

function merge(base: LexiconData, extra: LexiconData): LexiconData {
  const aspects: Record<string, AspectEntry> = structuredClone(base.aspects ?? {});
  for (const [name, entry] of Object.entries(extra.aspects ?? {})) {
    if (!(ASPECTS as readonly string[]).includes(name)) throw new Error(`unknown aspect in extra lexicon: ${name}`);
    const target = (aspects[name] ??= {});
    for (const lang of LANGS) {
      target[lang] = [...(target[lang] ?? []), ...(entry[lang] ?? [])];
      for (const side of ['negative', 'positive'] as const) {
        const list = entry[side]?.[lang];
        if (list) (target[side] ??= {})[lang] = [...(target[side]?.[lang] ?? []), ...list];
      }
    }
  }
  const risks: Record<string, CueLists> = structuredClone(base.risks ?? {});
  for (const [name, entry] of Object.entries(extra.risks ?? {})) {
    if (!(RISKS as readonly string[]).includes(name)) throw new Error(`unknown risk in extra lexicon: ${name}`);
    const target = (risks[name] ??= {});
    for (const lang of LANGS) target[lang] = [...(target[lang] ?? []), ...(entry[lang] ?? [])];
  }
  return { aspects, risks };
}

/** The built-in lexicons (JSON under lexicons/). */
export function builtInLexicon(): LexiconData {
  return {
    aspects: require('./lexicons/aspects.json') as Record<string, AspectEntry>,
    risks: require('./lexicons/risks.json') as Record<string, CueLists>,
  };
}

/**
 * Built-in lexicons plus a clinic's extension (an object shaped like LexiconData or a path to
 * such a JSON file). Throws on an unreadable file or an aspect/risk outside the taxonomy.
 */
export function compileLexicon(extra?: unknown): CompiledLexicon {
  let data = builtInLexicon();
  if (typeof extra === 'string') data = merge(data, JSON.parse(readFileSync(extra, 'utf8')) as LexiconData);
  else if (extra && typeof extra === 'object') data = merge(data, extra as LexiconData);
  const aspects = { zh: [], ru: [], en: [] } as Record<Lang, CompiledAspect[]>;
  const risks = { zh: [], ru: [], en: [] } as Record<Lang, CompiledRisk[]>;
  for (const lang of LANGS) {
    for (const aspect of ASPECTS) {
      const entry = data.aspects?.[aspect];
      const cues = compile(entry?.[lang], lang, true);
      if (!entry || !cues) continue;
      aspects[lang].push({
        aspect,
        cues,
        negative: compile(entry.negative?.[lang], lang, false),
        positive: compile(entry.positive?.[lang], lang, false),
      });
    }
    for (const risk of RISKS) {
      const cues = compile(data.risks?.[risk]?.[lang], lang, true);
      if (cues) risks[lang].push({ risk, cues, cueList: exactCues(data.risks?.[risk]?.[lang] ?? [], lang) });
    }
  }
  // One alternation per language, one capture group per aspect/risk, the word boundary hoisted.
  const scan = (entries: { cues: RegExp }[], lang: Lang): RegExp | null => {
    if (entries.length === 0) return null;
    const start = lang === 'zh' ? '' : WORD_START;
    const groups = entries.map((entry) => `(${entry.cues.source.slice(start.length)})`);
    return new RegExp(`${start}(?:${groups.join('|')})`, 'giu');
  };
  const aspectScan = { zh: scan(aspects.zh, 'zh'), ru: scan(aspects.ru, 'ru'), en: scan(aspects.en, 'en') };
  const riskScan = { zh: scan(risks.zh, 'zh'), ru: scan(risks.ru, 'ru'), en: scan(risks.en, 'en') };
  return { aspects, risks, aspectScan, riskScan, fingerprint: JSON.stringify(data) };
}

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
  aspectScan: Record<Lang, CueScan | null>;
  riskScan: Record<Lang, CueScan | null>;
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
export function matchedCue(risk: CompiledRisk, matched: string, cue?: string): string {
  if (cue !== undefined) return cue;
  return risk.cueList.find((c) => c.exact.test(matched))?.cue ?? matched.toLowerCase();
}

/** What a scan finds: like a RegExp match of the one big alternation (group i + 1 is entry i), plus the cue as written. */
export interface CueMatch extends Array<string | undefined> {
  index: number;
  0: string;
  /** The cue (lower case, as written in the lexicon) that matched. */
  cue: string;
}

/** The global-RegExp surface the stages use: reset `lastIndex` to 0, then `exec` until null. */
export interface CueScan {
  lastIndex: number;
  exec(text: string): CueMatch | null;
}

interface Candidate {
  entry: number;
  /** Order within its entry (longest cue first), so ties resolve as the alternation would. */
  rank: number;
  cue: string;
  /** zh: the literal; ru/en: a sticky regex of the one cue. */
  literal: string | null;
  sticky: RegExp | null;
  /** zh: the cue begins (ends) with a Latin letter or digit, so it may not continue a word or number there (120 is not in 1200). */
  alnumStart: boolean;
  alnumEnd: boolean;
}
const isAsciiAlnum = (code: number): boolean => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);

const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
/** Lower case of one UTF-16 unit for the index key (ASCII and Cyrillic; the cue regexes themselves match case-insensitively). */
function lowerUnit(code: number): number {
  if (code >= UPPER_A && code <= UPPER_Z) return code | 0x20;
  if (code >= 0x410 && code <= 0x42f) return code + 0x20;
  if (code === 0x401) return 0x451;
  return code;
}
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  if ((code >= 0x400 && code <= 0x4ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)) return true;
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}
const HAS_LETTER = /[a-z]/i;

/**
 * Finds cues as one alternation with a group per entry would — leftmost match; at one position the
 * first entry, and within it the longest cue — but through an index by the first two characters,
 * so each position tries only the few cues that can start there. (An alternation of hundreds of
 * cues is too big for V8's native regex code: interpreted, it tried every cue at every position.)
 */
class IndexedCueScan implements CueScan {
  lastIndex = 0;
  private readonly byTwo = new Map<number, Candidate[]>();
  private readonly byOne = new Map<number, Candidate[]>();
  /** Per UTF-16 unit (lower case): 1 = some cue starts with it, 2 = some cue has it second, 4 = a one-character key starts with it; most positions stop at this one read. */
  private readonly units = new Uint8Array(0x10000);

  constructor(
    entries: readonly (readonly string[])[],
    private readonly lang: Lang,
  ) {
    entries.forEach((cues, entry) => {
      [...new Set(cues)]
        .sort((a, b) => b.length - a.length)
        .forEach((raw, rank) => {
          const cue = raw.trim().toLowerCase();
          if (!cue) return;
          // zh cues are literals, matched as such unless they hold Latin letters (CT, WiFi: any case).
          const edges = { alnumStart: lang === 'zh' && isAsciiAlnum(cue.charCodeAt(0)), alnumEnd: lang === 'zh' && isAsciiAlnum(cue.charCodeAt(cue.length - 1)) };
          const candidate: Candidate =
            lang === 'zh' && !HAS_LETTER.test(cue)
              ? { entry, rank, cue: raw.toLowerCase(), literal: cue, sticky: null, ...edges }
              : lang === 'zh'
                ? { entry, rank, cue: raw.toLowerCase(), literal: null, sticky: new RegExp(escapeRegExp(cue), 'iuy'), ...edges }
                : { entry, rank, cue: raw.toLowerCase(), literal: null, sticky: new RegExp(cueSource(raw, lang), 'iuy'), ...edges };
          // Two characters of the cue's first word index it; a one-character word or a stem of one character is indexed by that one.
          const firstWord = lang === 'zh' ? cue : cue.split(/\s+/)[0]!.replace(/\*$/, '');
          const one = firstWord.length < 2 || (lang !== 'zh' && cue.split(/\s+/)[0]!.endsWith('*') && firstWord.length < 2);
          const key = one ? lowerUnit(cue.charCodeAt(0)) : (lowerUnit(cue.charCodeAt(0)) << 16) | lowerUnit(cue.charCodeAt(1));
          this.units[one ? key : key >>> 16]! |= one ? 5 : 1;
          if (!one) this.units[key & 0xffff]! |= 2;
          const map = one ? this.byOne : this.byTwo;
          const list = map.get(key);
          if (list) list.push(candidate);
          else map.set(key, [candidate]);
        });
    });
  }

  exec(text: string): CueMatch | null {
    const words = this.lang !== 'zh';
    const units = this.units;
    for (let i = this.lastIndex; i < text.length; i++) {
      const l0 = lowerUnit(text.charCodeAt(i));
      if (!(units[l0]! & 1)) continue;
      if (words && i > 0 && isWordUnit(text.charCodeAt(i - 1))) continue;
      const l1 = i + 1 < text.length ? lowerUnit(text.charCodeAt(i + 1)) : -1;
      const two = l1 >= 0 && units[l1]! & 2 ? this.byTwo.get((l0 << 16) | l1) : undefined;
      const one = units[l0]! & 4 ? this.byOne.get(l0) : undefined;
      if (!two && !one) continue;
      let best: Candidate | null = null;
      let bestLength = 0;
      for (let pass = 0; pass < 2; pass++) {
        const list = pass === 0 ? two : one;
        if (!list) continue;
        for (let k = 0; k < list.length; k++) {
          const candidate = list[k]!;
          if (best && (candidate.entry > best.entry || (candidate.entry === best.entry && candidate.rank > best.rank))) continue;
          let length = -1;
          if (candidate.literal !== null) {
            if (text.startsWith(candidate.literal, i)) length = candidate.literal.length;
          } else {
            const sticky = candidate.sticky!;
            sticky.lastIndex = i;
            if (sticky.test(text)) length = sticky.lastIndex - i;
          }
          if (length > 0 && candidate.alnumStart && i > 0 && isAsciiAlnum(text.charCodeAt(i - 1))) length = -1;
          if (length > 0 && candidate.alnumEnd && i + length < text.length && isAsciiAlnum(text.charCodeAt(i + length))) length = -1;
          if (length > 0) {
            best = candidate;
            bestLength = length;
          }
        }
      }
      if (best) {
        const matched = text.slice(i, i + bestLength);
        const result = [matched] as unknown as CueMatch;
        result[best.entry + 1] = matched;
        result.index = i;
        result.cue = best.cue;
        this.lastIndex = i + bestLength;
        return result;
      }
    }
    this.lastIndex = 0;
    return null;
  }
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
  // One scan per language: entry i is aspects[lang][i] (resp. risks[lang][i]).
  const scan = (entries: readonly (readonly string[])[], lang: Lang): CueScan | null => (entries.length === 0 ? null : new IndexedCueScan(entries, lang));
  const cuesOf = (lang: Lang) => aspects[lang].map((a) => data.aspects?.[a.aspect]?.[lang] ?? []);
  const riskCuesOf = (lang: Lang) => risks[lang].map((r) => data.risks?.[r.risk]?.[lang] ?? []);
  const aspectScan = { zh: scan(cuesOf('zh'), 'zh'), ru: scan(cuesOf('ru'), 'ru'), en: scan(cuesOf('en'), 'en') };
  const riskScan = { zh: scan(riskCuesOf('zh'), 'zh'), ru: scan(riskCuesOf('ru'), 'ru'), en: scan(riskCuesOf('en'), 'en') };
  return { aspects, risks, aspectScan, riskScan, fingerprint: JSON.stringify(data) };
}

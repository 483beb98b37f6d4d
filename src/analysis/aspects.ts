import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { CompiledAspect, CompiledLexicon, CueMatch } from './lexicon.ts';
import { isNegatedAt } from './negation.ts';
import { scoreTokens } from './sentiment.ts';
import { extractFeatures } from './features.ts';
import { tokenAt, type AspectResult, type PreparedMention } from './stage.ts';
import { ASPECTS, type AnalysisLanguage, type Polarity } from './analysis.vocab.ts';
import type { Token } from './tokenize.ts';

/** The aspect model's feature space (hashed features; the sentiment models' 2^18 indices fold into it by a mask). */
export const ASPECT_HASH_BITS = 14;
export const ASPECT_COUNT = ASPECTS.length;
const ASPECT_INDEX = new Map<string, number>(ASPECTS.map((a, i) => [a, i]));

/** models/aspects-model.json: the metadata of models/aspects-weights.bin (int8, laid out [feature × aspect]). */
export interface AspectModelFile {
  format: 1;
  version: string;
  hashBits: number;
  aspects: string[];
  bias: number[];
  scales: number[];
  /** Per language and aspect: named when the probability reaches it (chosen by cross-validation on that language's training rows). */
  thresholds: Record<AnalysisLanguage, number[]>;
  /** How a cue hit and the model combine, chosen by cross-validation: 'model' (the cue is one feature) or 'union' (a cue hit always names its aspect). */
  combine?: 'model' | 'union';
  /** Aspects whose lexicon cue names them whatever the model says (chosen per aspect by cross-validation). */
  cueAlways?: string[];
  sha256: string;
  trainedOn: Record<string, number>;
  options: unknown;
  cv: unknown;
}

export interface AspectModel {
  version: string;
  mask: number;
  /** ((1 << hashBits) + ASPECT_COUNT) × ASPECT_COUNT int8 weights (hashed features, then one cue feature per aspect); kept quantised: 1 MiB stays in cache where floats would not. */
  weights: Int8Array;
  /** Per aspect: the int8 scale. */
  scales: Float64Array;
  bias: Float32Array;
  /** Per language, the per-aspect thresholds as logits (compared with the raw scores, no exp per text). */
  thresholdLogits: Record<AnalysisLanguage, Float32Array>;
  cueBase: number;
  combine: 'model' | 'union';
  /** Bit i: a cue of ASPECTS[i] names it whatever the model says. */
  cueAlways: number;
}

const logit = (p: number): number => Math.log(p / (1 - p));
const MODEL_DIR = new URL('../../models/', import.meta.url);
let cachedModel: AspectModel | null | undefined;

/** The committed aspect model (loaded synchronously once), or null when models/ has none (the lexicon alone then names aspects). */
export function getAspectModel(dir: URL = MODEL_DIR): AspectModel | null {
  if (dir === MODEL_DIR && cachedModel !== undefined) return cachedModel;
  const metaUrl = new URL('aspects-model.json', dir);
  let model: AspectModel | null = null;
  if (existsSync(metaUrl)) {
    const meta = JSON.parse(readFileSync(metaUrl, 'utf8')) as AspectModelFile;
    const bytes = new Uint8Array(readFileSync(new URL('aspects-weights.bin', dir)));
    if (createHash('sha256').update(bytes).digest('hex') !== meta.sha256) throw new Error('models/aspects-weights.bin does not match models/aspects-model.json');
    if (meta.aspects.join() !== ASPECTS.join()) throw new Error('models/aspects-model.json was trained on another aspect taxonomy');
    model = {
      version: meta.version,
      mask: (1 << meta.hashBits) - 1,
      weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      scales: Float64Array.from(meta.scales),
      bias: Float32Array.from(meta.bias),
      thresholdLogits: { zh: Float32Array.from(meta.thresholds.zh, logit), ru: Float32Array.from(meta.thresholds.ru, logit), en: Float32Array.from(meta.thresholds.en, logit) },
      cueBase: (1 << meta.hashBits) * ASPECT_COUNT,
      combine: meta.combine ?? 'model',
      cueAlways: (meta.cueAlways ?? []).reduce((mask, aspect) => mask | (1 << (ASPECT_INDEX.get(aspect) ?? 31)), 0),
    };
  }
  if (dir === MODEL_DIR) cachedModel = model;
  return model;
}

/** Bit i set when the text holds a cue of ASPECTS[i] (the model's cue features; training uses the same function). */
export function cueMaskOf(haystack: string, lang: AnalysisLanguage, lexicon: CompiledLexicon): number {
  const scan = lexicon.aspectScan[lang];
  if (!scan) return 0;
  const list = lexicon.aspects[lang];
  let mask = 0;
  let match: CueMatch | null;
  scan.lastIndex = 0;
  while ((match = scan.exec(haystack))) {
    let group = 1;
    while (match[group] === undefined) group++;
    mask |= 1 << ASPECT_INDEX.get(list[group - 1]!.aspect)!;
  }
  return mask;
}

let scratch = new Int32Array(4096);
const logits = new Float64Array(ASPECT_COUNT);
const sums = new Int32Array(ASPECT_COUNT);
const clauseSums = new Int32Array(ASPECT_COUNT);

/** Logits per aspect of tokens[from, to) (the whole text, or one clause) given its cue mask. */
function aspectLogits(model: AspectModel, tokens: readonly Token[], from: number, to: number, simplified: string | null, cueMask: number, out: Float64Array): void {
  const needed = (to - from) * 2 + (simplified ? (tokens[to - 1]?.end ?? 0) * 3 : 0) + 4;
  if (needed > scratch.length) scratch = new Int32Array(needed * 2);
  const features = extractFeatures(tokens, from, to, model.mask, simplified, scratch);
  const { weights, scales } = model;
  // Integer sums of the int8 weights; each aspect's scale is applied once at the end.
  sums.fill(0);
  const indices = features.indices;
  for (let k = 0; k < features.length; k++) {
    const base = indices[k]! * ASPECT_COUNT;
    for (let a = 0; a < ASPECT_COUNT; a++) sums[a]! += weights[base + a]!;
  }
  for (let a = 0; a < ASPECT_COUNT; a++) out[a] = sums[a]! * features.value;
  for (let c = 0; cueMask >>> c; c++) {
    if (!(cueMask & (1 << c))) continue;
    const base = model.cueBase + c * ASPECT_COUNT;
    for (let a = 0; a < ASPECT_COUNT; a++) out[a]! += weights[base + a]!;
  }
  for (let a = 0; a < ASPECT_COUNT; a++) out[a] = out[a]! * scales[a]! + model.bias[a]!;
}

/** Probability per aspect that the text names it (the trained model), in ASPECTS order. */
export function aspectProbabilities(m: PreparedMention, lexicon: CompiledLexicon, model: AspectModel): Float64Array {
  const out = new Float64Array(ASPECT_COUNT);
  if (m.tokens.length === 0) return out;
  aspectLogits(model, m.tokens, 0, m.tokens.length, m.simplified, cueMaskOf(m.haystack, m.lang, lexicon), out);
  for (let a = 0; a < ASPECT_COUNT; a++) out[a] = 1 / (1 + Math.exp(-out[a]!));
  return out;
}

// Negators that reach a polar word a few characters or words later inside its clause, litotes
// included: 不算久, 一点也不贵, 并不贵; nobody was rude, never rude, wasn't long; никто не грубил.
const ZH_NEGATED_BEFORE = /(?:不|没|无|未|别|毫|非|莫|勿|甭)[^，。！？；,.!?;]{0,3}$/u;
const ZH_NEGATOR_START = /^(?:不|没|无|未|别|毫)/u;
const WORD_NEGATOR =
  /(?:^|[^\p{L}])(?:not|no|never|nobody|nothing|none|neither|nor|without|hardly|barely|isn't|wasn't|weren't|aren't|don't|didn't|doesn't|won't|can't|couldn't|n't|не|ни|нет|никто|ничего|никогда|нисколько|ничуть|без)(?:\s+[\p{L}\p{N}'’-]+){0,2}\s+$/iu;
const WORD_NEGATOR_START = /^(?:not|no|never|не|без|нет)(?![\p{L}])/iu;

/** True when a polar cue at `start` of the clause starting at `clauseStart` stands in a negator's scope. */
export function polarCueNegated(haystack: string, clauseStart: number, start: number, lang: AnalysisLanguage, tokens: readonly Token[]): boolean {
  if (isNegatedAt(haystack, start, lang)) return true;
  const token = tokens[tokenAt(tokens, start)];
  if (token?.negated && token.start <= start) return true;
  const before = haystack.slice(Math.max(clauseStart, start - (lang === 'zh' ? 6 : 40)), start);
  return lang === 'zh' ? ZH_NEGATED_BEFORE.test(before) : WORD_NEGATOR.test(before);
}

/** Polarity fixed by the aspect's own cues in the clause (a negated cue flips), or null to ask the model. */
function cuePolarity(aspect: CompiledAspect, start: number, end: number, haystack: string, lang: AnalysisLanguage, tokens: readonly Token[]): Polarity | null {
  let negative = false;
  let positive = false;
  const clause = haystack.slice(start, end);
  for (const [regex, isNegativeCue] of [
    [aspect.negative, true],
    [aspect.positive, false],
  ] as const) {
    if (!regex) continue;
    const match = regex.exec(clause);
    if (!match) continue;
    const ownNegator = lang === 'zh' ? ZH_NEGATOR_START.test(match[0]) : WORD_NEGATOR_START.test(match[0]);
    const flipped = !ownNegator && polarCueNegated(haystack, start, start + match.index, lang, tokens);
    if (isNegativeCue !== flipped) negative = true;
    else positive = true;
  }
  if (negative === positive) return null;
  return negative ? 'negative' : 'positive';
}

let polarityOf: PreparedMention | null = null;
const polarityCache = new Map<number, Polarity>();
/** The sentiment model's reading of one clause (neutral below 0.55), once per clause of a mention. */
function clausePolarity(m: PreparedMention, from: number, to: number): Polarity {
  if (polarityOf !== m) {
    polarityOf = m;
    polarityCache.clear();
  }
  const cached = polarityCache.get(from);
  if (cached) return cached;
  // A one-clause text: the text sentiment is that clause's reading already.
  const clause = from === 0 && to === m.tokens.length ? m.textSentiment : scoreTokens(m.model, m.tokens, from, to, m.simplified);
  const polarity: Polarity = clause.confidence >= 0.55 ? (clause.label as Polarity) : 'neutral';
  polarityCache.set(from, polarity);
  return polarity;
}

/**
 * The aspects a mention names, each with the clause that says it and its polarity there, in text
 * order. Lexicon cues give spans and evidence; the trained model (models/aspects-*) decides which
 * aspects are named, and an aspect only the model saw takes the clause that scores highest for it.
 */
export function detectAspects(m: PreparedMention, lexicon: CompiledLexicon, model: AspectModel | null = getAspectModel()): AspectResult[] {
  const aspects: AspectResult[] = [];
  const { tokens, haystack, lang } = m;
  if (tokens.length === 0) return aspects;
  const aspectScan = lexicon.aspectScan[lang];
  const aspectList = lexicon.aspects[lang];
  // Cue occurrences: aspect index, the cue's clause.
  const hits: { index: number; aspect: CompiledAspect; from: number; to: number }[] = [];
  let cueMask = 0;
  if (aspectScan) {
    let match: CueMatch | null;
    aspectScan.lastIndex = 0;
    while ((match = aspectScan.exec(haystack))) {
      let group = 1;
      while (match[group] === undefined) group++;
      const aspect = aspectList[group - 1]!;
      const index = ASPECT_INDEX.get(aspect.aspect)!;
      cueMask |= 1 << index;
      const tokenIndex = tokenAt(tokens, match.index);
      const clauses = m.clauses();
      hits.push({ index, aspect, from: clauses.from[tokenIndex]!, to: clauses.to[tokenIndex]! });
    }
  }
  let named = cueMask;
  if (model) {
    aspectLogits(model, tokens, 0, tokens.length, m.simplified, cueMask, logits);
    named = model.combine === 'union' ? cueMask : cueMask & model.cueAlways;
    const thresholds = model.thresholdLogits[lang];
    for (let a = 0; a < ASPECT_COUNT; a++) if (logits[a]! >= thresholds[a]!) named |= 1 << a;
  }
  const seen = new Set<string>();
  for (const hit of hits) {
    if (!(named & (1 << hit.index))) continue;
    const start = tokens[hit.from]!.start;
    const end = tokens[hit.to - 1]!.end;
    const key = `${hit.aspect.aspect}:${start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const polarity = cuePolarity(hit.aspect, start, end, haystack, lang, tokens) ?? clausePolarity(m, hit.from, hit.to);
    aspects.push({ aspect: hit.aspect.aspect, polarity, span: [start, end] });
  }
  const modelOnly = named & ~cueMask;
  if (modelOnly && model) {
    const { to: clauseTo } = m.clauses();
    // The clause whose words and word pairs weigh most for the aspect (read from the features already
    // extracted for the whole text, in token order: each token's word, then its pair with the previous word).
    const best = new Float64Array(ASPECT_COUNT).fill(-Infinity);
    const bestFrom = new Int32Array(ASPECT_COUNT);
    const { weights } = model;
    let n = 0;
    let previous = false;
    let clauseStart = 0;
    clauseSums.fill(0);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      let base = scratch[n++]! * ASPECT_COUNT;
      for (let a = 0; a < ASPECT_COUNT; a++) clauseSums[a]! += weights[base + a]!;
      if (previous) {
        base = scratch[n++]! * ASPECT_COUNT;
        for (let a = 0; a < ASPECT_COUNT; a++) clauseSums[a]! += weights[base + a]!;
      }
      previous = !token.boundary && token.norm !== '';
      if (clauseTo[i] !== i + 1) continue;
      for (let a = 0; a < ASPECT_COUNT; a++) {
        if (!(modelOnly & (1 << a)) || clauseSums[a]! <= best[a]!) continue;
        best[a] = clauseSums[a]!;
        bestFrom[a] = clauseStart;
      }
      clauseSums.fill(0);
      clauseStart = i + 1;
    }
    for (let a = 0; a < ASPECT_COUNT; a++) {
      if (!(modelOnly & (1 << a))) continue;
      const from = bestFrom[a]!;
      const to = clauseTo[from]!;
      aspects.push({ aspect: ASPECTS[a]!, polarity: clausePolarity(m, from, to), span: [tokens[from]!.start, tokens[to - 1]!.end] });
    }
  }
  aspects.sort((a, b) => a.span[0] - b.span[0]);
  return aspects;
}

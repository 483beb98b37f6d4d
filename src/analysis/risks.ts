import { builtInLexicon, matchedCue, type CompiledLexicon, type CueMatch } from './lexicon.ts';
import { isNegatedAt } from './negation.ts';
import { extractFeatures } from './features.ts';
import { calibrated, DENSE_SIZE, type RiskCorrections, type RiskLang, type RiskModel } from './risk-confidence.ts';
import type { PreparedMention, RiskResult } from './stage.ts';
import type { RatedSentiment } from './decide-sentiment.ts';

const round = (value: number): number => Math.round(value * 1000) / 1000;
const clamp = (value: number, low = 0, high = 1) => (value < low ? low : value > high ? high : value);

export interface RiskOptions {
  lexicon: CompiledLexicon;
  model: RiskModel;
  corrections?: RiskCorrections;
  /** The mention's id, to find a person's "not a risk" for it. */
  mentionId?: string;
}

/*
 * A cue is discounted (kept as weak evidence, never a clean hit) when it is negated near it
 * (没有感染, 不会弄错, "no one made a mistake", "никто не ошибся"), hypothetical or preventive
 * (万一/如果/以防, "if", "in case", "чтобы не", "в случае"), asked about ("会不会感染？"), or an idiom
 * (笑死了, "bored to death", "до смерти надоело").
 */
const ZH_NEGATED_BEFORE = /(没有|没|无|未|不|别|并非|排除|从未|从没|毫无|绝无|零)(会|能|要|再|曾|有|用|得|出|被|发生|造成|出现|任何|什么|一点|过|太|算)?$/;
const ZH_HYPOTHETICAL = /(如果|万一|假如|要是|假设|以防|以免|防止|避免|预防|免得|生怕|怕|担心|担忧|会不会|是否|有没有|小心|注意|提醒|防范|杜绝|一旦|如何|怎么|怎样|才能|风险|可能)/;
const ZH_IDIOM_BEFORE = /[笑累气热饿困烦疼痛急吓忙冷挤闷丑难臭馋渴憋悔到]$/;
const EN_NEGATED_BEFORE = /(?:^|[^\p{L}'’])(no|not|never|nobody|none|nothing|without|zero|free\s+of|free\s+from|\p{L}+n['’]t)(?:\s+[\p{L}'’-]+){0,3}\s+$/iu;
const EN_HYPOTHETICAL =
  /(?:^|[^\p{L}])(if|in\s+case|what\s+if|whether|unless|to\s+avoid|to\s+prevent|avoid|prevent\p{L}*|so\s+that|risk\s+of|chance\s+of|worried|afraid|in\s+the\s+event|how\s+to|what\s+to\s+do|reduce|minimi[sz]e)(?![\p{L}])/iu;
const EN_IDIOM = /(?:^|[^\p{L}])(bored|scared|worried|frightened|tired|sick|laughed|freezing)\s+to\s+$/iu;
const EN_IDIOM_AFTER = /^\s*(easy|good|nice|friendly|quick|simple|on\s+time|right|me|it)(?![\p{L}])/iu;
const RU_NEGATED_BEFORE = /(?:^|[^\p{L}])(не|нет|ни|никто|ничего|никаких|никакой|никакого|никакие|без|ни\s+разу|исключ\p{L}*)(?:\s+[\p{L}-]+){0,2}\s+$/iu;
const RU_HYPOTHETICAL =
  /(?:^|[^\p{L}])(если|в\s+случае|на\s+случай|чтобы|вдруг|избежать|во\s+избежание|боял\p{L}*|опасал\p{L}*|риск\p{L}*|как\s+бы|на\s+всякий\s+случай|профилактик\p{L}*|может\s+ли|возможн\p{L}*)(?![\p{L}])/iu;
const RU_IDIOM = /(?:^|[^\p{L}])до\s+$/iu;
const SENTENCE_END = /[.!?。！？;；\n]/;
const CLAUSE_END_CODES = new Set([...'.!?。！？;；\n,，、'].map((c) => c.charCodeAt(0)));

const FIRST_PERSON: Record<RiskLang, RegExp> = {
  zh: /(我|我们|孩子|儿子|女儿|父亲|母亲|我爸|我妈|老公|老婆|奶奶|爷爷|外婆|家属|宝宝|老人)/,
  ru: /(?:^|[^\p{L}])(я|мне|меня|мой|моя|моего|моей|мою|мы|нам|нас|наш\p{L}*|мам\p{L}*|отец|отца|папа|муж\p{L}*|жен\p{L}*|ребён\p{L}*|ребен\p{L}*|сын\p{L}*|доч\p{L}*|брат\p{L}*|бабушк\p{L}*|дедушк\p{L}*)(?![\p{L}])/iu,
  en: /(?:^|[^\p{L}])(i|me|my|we|our|us|mum|mom|mother|father|dad|husband|wife|son|daughter|child|baby|grandmother|grandfather|nan|gran)(?![\p{L}])/iu,
};
const HARM: Record<RiskLang, RegExp> = {
  zh: /(疼|痛|住院|急诊|抢救|更严重|恶化|差点|手术|吃了|进了|没人|不承认|道歉|水泡|穿孔|给错|拿错|开错|弄混|搞混|输错|抽错|认错|错了|过敏|肿|发烧|昏迷|晕倒|不省人事|叫不到|找不到|左|右)/,
  ru: /(?:^|[^\p{L}])(бол\p{L}*|больниц\p{L}*|скор\p{L}*|хуже|реанимаци\p{L}*|плохо|операци\p{L}*|никто|извинил\p{L}*|шок|заживает|не\s+т\p{L}*|перепута\p{L}*|аллерги\p{L}*|левую|правую|левой|правой|сознани\p{L}*)(?![\p{L}])/iu,
  en: /(?:^|[^\p{L}])(pain|hospital|a&e|emergency|worse|intensive|suffer\p{L}*|hurt|vomiting|operation|surgery|nobody|apolog\p{L}*|reaction|collapsed|ended\s+up|wrong|allerg\p{L}*|left|right|unconscious|no\s+one\s+came)(?![\p{L}])/iu,
};
const INTENT: Record<RiskLang, RegExp> = {
  zh: /(我要|要把|准备|一定要|已经|必须|不然|再不|否则|亲眼|等着|让你们|走着瞧|给我等)/,
  ru: /(?:^|[^\p{L}])(буду|будем|подаю|подам|подала|подал|обращусь|обратилась|обратился|отправлю|напишу|пишу|написала|написал|добьюсь|уже|пожалеете|узнают)(?![\p{L}])/iu,
  en: /(?:^|[^\p{L}])(will|going\s+to|i'll|i’ll|we'll|i\s+am\s+taking|have\s+contacted|expect|already|reported|sending|regret|everyone\s+will)(?![\p{L}])/iu,
};
const QUESTION = /[?？]|吗[。！\s]*$|吗[？?，,]/;

/** What the model weighs of one mention: hashed indices (shared by every risk) and the dense features per risk. */
export interface RiskInputs {
  /** Hashed text features [0, length) with weight `value`, then `cues` hashed cue identities (risk and cue, clean or discounted) with weight 1. */
  indices: Int32Array;
  length: number;
  value: number;
  cues: number;
  /** risks.length × DENSE_SIZE, risk-major. */
  dense: Float64Array;
}

let scratch = new Int32Array(2048);
let dense = new Float64Array(16 * DENSE_SIZE);
let scores = new Float64Array(16);
// Per risk: the evidence cue hit (span, cue, its learned weight), how many clean and discounted hits, whether a clean one is specific.
let firstStart = new Int32Array(16);
let firstEnd = new Int32Array(16);
const firstCue: string[] = [];
/** The first clean cue per risk (its everyday use is a feature). */
const firstCleanCue: string[] = [];
let clean = new Int32Array(16);
let discounted = new Int32Array(16);
let specific = new Uint8Array(16);
let cueWeight = new Float64Array(16);
/** Per risk: a clean hit of a cue the organisation added itself (an extra lexicon): the clinic vouches for it, so it is listed. */
let ownCue = new Uint8Array(16);
let builtInCues: Set<string> | undefined;
/** `${lang}:${risk}:${cue}` of every built-in risk cue (lower case, as matchedCue names them). */
function isBuiltInCue(lang: RiskLang, risk: string, cue: string): boolean {
  if (!builtInCues) {
    builtInCues = new Set();
    for (const [name, lists] of Object.entries(builtInLexicon().risks ?? {}))
      for (const l of ['zh', 'ru', 'en'] as const) for (const c of lists[l] ?? []) builtInCues.add(`${l}:${name}:${c.toLowerCase()}`);
  }
  return builtInCues.has(`${lang}:${risk}:${cue}`);
}
const riskIndexCache = new WeakMap<RiskModel, Map<string, number>>();

function riskIndex(model: RiskModel): Map<string, number> {
  let index = riskIndexCache.get(model);
  if (!index) riskIndexCache.set(model, (index = new Map(model.risks.map((risk, r) => [risk, r]))));
  return index;
}

function ensureCapacity(risks: number): void {
  if (scores.length >= risks) return;
  scores = new Float64Array(risks);
  dense = new Float64Array(risks * DENSE_SIZE);
  firstStart = new Int32Array(risks);
  firstEnd = new Int32Array(risks);
  clean = new Int32Array(risks);
  discounted = new Int32Array(risks);
  specific = new Uint8Array(risks);
  cueWeight = new Float64Array(risks);
  ownCue = new Uint8Array(risks);
}

/** The clause before `start` (back to the last clause punctuation, at most `max` characters). */
function clauseBefore(text: string, start: number, max: number): string {
  let from = start;
  while (from > 0 && start - from < max && !CLAUSE_END_CODES.has(text.charCodeAt(from - 1))) from--;
  return text.slice(from, start);
}

/** True when the cue at [start, end) is negated, hypothetical, preventive, asked about or an idiom. */
export function isDiscountedCue(text: string, start: number, end: number, lang: RiskLang, risk: string): boolean {
  if (isNegatedAt(text, start, lang)) return true;
  const after = text.slice(end, end + 40);
  const stop = after.search(SENTENCE_END);
  if (stop >= 0 && (after[stop] === '?' || after[stop] === '？')) return true;
  if (lang === 'zh') {
    const before = clauseBefore(text, start, 12);
    if (ZH_NEGATED_BEFORE.test(before.slice(-4)) || ZH_HYPOTHETICAL.test(before)) return true;
    if (/吗|呢/.test(stop >= 0 ? after.slice(0, stop) : after.slice(0, 8))) return true;
    return risk === 'death' && text.charCodeAt(start) === 0x6b7b /* 死 */ && ZH_IDIOM_BEFORE.test(before);
  }
  const before = clauseBefore(text, start, 60);
  if (lang === 'en') {
    if (EN_NEGATED_BEFORE.test(before) || EN_HYPOTHETICAL.test(before)) return true;
    return risk === 'death' && (EN_IDIOM.test(before) || EN_IDIOM_AFTER.test(after));
  }
  if (RU_NEGATED_BEFORE.test(before) || RU_HYPOTHETICAL.test(before)) return true;
  return risk === 'death' && RU_IDIOM.test(before);
}

/** FNV-1a of a cue's identity (risk, cue, clean or discounted): the model learns how much each cue is worth. */
function cueHash(kind: number, risk: string, cue: string): number {
  let h = 0x811c9dc5 ^ kind;
  for (let i = 0; i < risk.length; i++) h = Math.imul(h ^ risk.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0x3a, 0x01000193);
  for (let i = 0; i < cue.length; i++) h = Math.imul(h ^ cue.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
const MAX_CUE_FEATURES = 32;
const cueIndices = new Int32Array(MAX_CUE_FEATURES);

const isSpecificCue = (cue: string, lang: RiskLang) => (lang === 'zh' ? cue.length >= 3 : /\s/.test(cue.trim()));

/**
 * Fills the scratch buffers: cue hits per risk, the hashed features of the text and the dense
 * features per risk. Returns the number of risks of the model.
 */
function prepare(m: PreparedMention, rated: RatedSentiment, lexicon: CompiledLexicon, model: RiskModel, mask: number, generalUseTable: RiskModel['generalUse']): number {
  const { haystack, lang } = m;
  const R = model.risks.length;
  ensureCapacity(R);
  clean.fill(0, 0, R);
  discounted.fill(0, 0, R);
  specific.fill(0, 0, R);
  ownCue.fill(0, 0, R);
  const index = riskIndex(model);
  const riskScan = lexicon.riskScan[lang];
  const riskList = lexicon.risks[lang];
  let cleanRisks = 0;
  let cues = 0;
  if (riskScan) {
    let match: CueMatch | null;
    riskScan.lastIndex = 0;
    while ((match = riskScan.exec(haystack))) {
      let group = 1;
      while (match[group] === undefined) group++;
      const compiled = riskList[group - 1]!;
      const r = index.get(compiled.risk);
      if (r === undefined) continue;
      const start = match.index;
      const end = start + match[0].length;
      const cue = matchedCue(compiled, match[0], match.cue);
      const isDiscounted = isDiscountedCue(haystack, start, end, lang, compiled.risk);
      if (cues < MAX_CUE_FEATURES) cueIndices[cues++] = cueHash(isDiscounted ? 2 : 1, compiled.risk, cue) & mask;
      if (isDiscounted) {
        if (clean[r] === 0 && discounted[r] === 0) {
          firstStart[r] = start;
          firstEnd[r] = end;
          firstCue[r] = cue;
        }
        discounted[r]!++;
        continue;
      }
      // The evidence is the clean cue the model weighs most (the first one on a tie).
      const weight = model.weights[(cueHash(1, compiled.risk, cue) & model.mask) * R + r]!;
      if (clean[r] === 0) {
        cleanRisks++;
        firstCleanCue[r] = cue;
      }
      if (clean[r] === 0 || weight > cueWeight[r]!) {
        cueWeight[r] = weight;
        firstStart[r] = start;
        firstEnd[r] = end;
        firstCue[r] = cue;
      }
      clean[r]!++;
      if (!ownCue[r] && !isBuiltInCue(lang, compiled.risk, cue)) ownCue[r] = 1;
      if (!specific[r] && isSpecificCue(cue, lang)) specific[r] = 1;
    }
  }
  const tokens = m.tokens;
  const capacity = tokens.length * 2 + (m.simplified ? (tokens[tokens.length - 1]?.end ?? 0) * 3 : 0) + 4 + MAX_CUE_FEATURES;
  if (scratch.length < capacity) scratch = new Int32Array(capacity * 2);
  const features = extractFeatures(tokens, 0, tokens.length, mask, m.simplified, scratch);
  hashed.length = features.length;
  hashed.value = features.value;
  hashed.cues = cues;
  scratch.set(cueIndices.subarray(0, cues), features.length);
  const text = m.text;
  const firstPerson = FIRST_PERSON[lang].test(haystack);
  const firstPersonHarm = firstPerson && HARM[lang].test(haystack) ? 1 : firstPerson ? 0.5 : 0;
  const intent = INTENT[lang].test(haystack) ? 1 : 0;
  const question = QUESTION.test(text) ? 1 : 0;
  const rating = m.rating;
  const generalUse = generalUseTable[lang] ?? {};
  for (let r = 0; r < R; r++) {
    const o = r * DENSE_SIZE;
    const hasClean = clean[r]! > 0;
    dense[o] = 1;
    dense[o + 1] = hasClean ? 1 : 0;
    dense[o + 2] = specific[r]!;
    dense[o + 3] = !hasClean && discounted[r]! > 0 ? 1 : 0;
    dense[o + 4] = hasClean ? clamp((generalUse[firstCleanCue[r]!] ?? 0) / 2) : 0;
    dense[o + 5] = clamp(rated.score, -1, 1);
    // No "stars missing" feature: the public weak negatives never have stars, so it would only learn their source.
    dense[o + 6] = rating === null ? 0 : (rating - 3) / 2;
    dense[o + 7] = firstPersonHarm;
    dense[o + 8] = intent;
    dense[o + 9] = question;
    dense[o + 10] = clamp((cleanRisks - (hasClean ? 1 : 0)) / 3);
  }
  return R;
}
const hashed = { length: 0, value: 0, cues: 0 };

/** The raw score of every risk (into `scores`), from the prepared buffers. */
function score(model: RiskModel, R: number): void {
  const w = model.weights;
  scores.fill(0, 0, R);
  const value = hashed.value;
  for (let k = 0; k < hashed.length; k++) {
    const base = scratch[k]! * R;
    for (let r = 0; r < R; r++) scores[r]! += w[base + r]! * value;
  }
  for (let k = hashed.length; k < hashed.length + hashed.cues; k++) {
    const base = scratch[k]! * R;
    for (let r = 0; r < R; r++) scores[r]! += w[base + r]!;
  }
  const denseBase = (model.mask + 1) * R;
  for (let r = 0; r < R; r++) {
    const o = r * DENSE_SIZE;
    let z = 0;
    for (let d = 0; d < DENSE_SIZE; d++) z += w[denseBase + d * R + r]! * dense[o + d]!;
    scores[r]! += z;
  }
}

/** The clause that weighs most for risk r (its span) and its two heaviest words: the evidence of a risk no cue named. */
function modelEvidence(m: PreparedMention, model: RiskModel, r: number): { span: [number, number]; cue: string } {
  const { tokens } = m;
  const { from, to } = m.clauses();
  const R = model.risks.length;
  const w = model.weights;
  let best = -Infinity;
  let bestFrom = 0;
  let bestTo = tokens.length;
  const tokenWeight = new Float64Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const f = extractFeatures(tokens, i, i + 1, model.mask, m.simplified);
    let sum = 0;
    for (let k = 0; k < f.length; k++) sum += w[f.indices[k]! * R + r]!;
    tokenWeight[i] = sum;
  }
  for (let i = 0; i < tokens.length; i = to[i]!) {
    let sum = 0;
    for (let k = from[i]!; k < to[i]!; k++) sum += tokenWeight[k]!;
    if (sum > best) {
      best = sum;
      bestFrom = from[i]!;
      bestTo = to[i]!;
    }
  }
  const words = [];
  for (let k = bestFrom; k < bestTo; k++) words.push(k);
  words.sort((a, b) => tokenWeight[b]! - tokenWeight[a]! || a - b);
  const cue = words
    .slice(0, 2)
    .sort((a, b) => a - b)
    .map((k) => m.text.slice(tokens[k]!.start, tokens[k]!.end).toLowerCase())
    .join(' ');
  return { span: [tokens[bestFrom]!.start, tokens[bestTo - 1]!.end], cue };
}

/** Training hook: the model inputs of every mention the analyser sees, in the hash space of `mask`. */
let capture: { mask: number; generalUse: RiskModel['generalUse']; sink: (inputs: RiskInputs) => void } | null = null;
export function captureRiskInputs<T>(hashBits: number, generalUse: RiskModel['generalUse'], sink: (inputs: RiskInputs) => void, run: () => T): T {
  capture = { mask: (1 << hashBits) - 1, generalUse, sink };
  try {
    return run();
  } finally {
    capture = null;
  }
}

/**
 * The risks a mention raises: every risk whose calibrated confidence from the risk model reaches
 * the model's reporting threshold (the lexicon's cues are strong features of it, negated and
 * hypothetical ones weak), with its evidence: the first clean cue, or for a risk no cue named the
 * clause that weighs most. The organisation's corrections lower the same cue's odds; a dismissed
 * mention risk stays listed with `dismissed`. `rated` is the sentiment after the rating.
 */
export function detectRisks(m: PreparedMention, rated: RatedSentiment, options: RiskOptions): RiskResult[] {
  const { lexicon, model, corrections } = options;
  if (m.tokens.length === 0) return [];
  if (capture) {
    const R = prepare(m, rated, lexicon, model, capture.mask, capture.generalUse);
    capture.sink({ indices: scratch.slice(0, hashed.length + hashed.cues), length: hashed.length, value: hashed.value, cues: hashed.cues, dense: dense.slice(0, R * DENSE_SIZE) });
  }
  const R = prepare(m, rated, lexicon, model, model.mask, model.generalUse);
  score(model, R);
  const results: RiskResult[] = [];
  for (let r = 0; r < R; r++) {
    const risk = model.risks[r]!;
    const hasCue = clean[r]! > 0 || discounted[r]! > 0;
    let confidence = calibrated(model, r, scores[r]!);
    if (ownCue[r] && confidence < model.reportThreshold) confidence = model.reportThreshold;
    const dismissed = options.mentionId !== undefined && corrections?.mentions.has(`${options.mentionId}:${risk}`) === true;
    if (confidence < model.reportThreshold && !dismissed) continue;
    const evidence = hasCue ? { span: [firstStart[r]!, firstEnd[r]!] as [number, number], cue: firstCue[r]! } : modelEvidence(m, model, r);
    const count = corrections?.cues.get(`${risk}:${evidence.cue}`) ?? 0;
    if (count) confidence = Math.min(confidence, calibrated(model, r, scores[r]!, count));
    if (confidence < model.reportThreshold && !dismissed) continue;
    results.push({ risk, span: evidence.span, cue: evidence.cue, confidence: round(confidence), ...(count ? { corrections: count } : {}), ...(dismissed ? { dismissed } : {}) });
  }
  return results.sort((a, b) => a.span[0] - b.span[0]);
}

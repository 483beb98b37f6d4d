import { toSimplified } from './text.ts';

const SIGNATURE_SIZE = 32;
const BANDS = 8;
const ROWS = SIGNATURE_SIZE / BANDS;
/** Estimated Jaccard similarity of 3-character shingles at which two texts count as near-duplicates. */
const NEAR_DUPLICATE = 0.6;
/** Texts shorter than this (normalised) are too short for duplicates to mean anything ("很好"). */
const MIN_LENGTH = 16;
const BURST_WINDOW_MS = 60 * 60 * 1000;
const BURST_SIZE = 5;

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

/** Lower-cased, simplified, letters and digits only: what near-duplicate detection compares. */
export function normaliseForDuplicates(text: string): string {
  return toSimplified(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** MinHash signature over character 3-shingles; null for texts too short to compare. */
export function minHash(text: string): Uint32Array | null {
  const normalised = normaliseForDuplicates(text);
  if (normalised.length < MIN_LENGTH) return null;
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i + 3 <= normalised.length; i++) {
    let shingle = 0x811c9dc5;
    for (let k = 0; k < 3; k++) shingle = Math.imul(shingle ^ normalised.charCodeAt(i + k), 0x01000193);
    for (let s = 0; s < SIGNATURE_SIZE; s++) {
      let h = Math.imul(shingle ^ SEEDS[s]!, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35) >>> 0;
      if (h < signature[s]!) signature[s] = h;
    }
  }
  return signature;
}

function similarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) equal++;
  return equal / SIGNATURE_SIZE;
}

function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    keys.push(`${band}:${Array.from(signature.subarray(band * ROWS, band * ROWS + ROWS)).join(',')}`);
  }
  return keys;
}

interface Entry {
  author: string;
  signature: Uint32Array | null;
  time: number | null;
}

export interface AuthenticityScore {
  score: number;
  signals: string[];
}

/**
 * Cross-text authenticity evidence for a store of mentions: near-duplicate texts by other authors
 * (MinHash + LSH bands), the same author repeating a text, and bursts of mentions in one hour.
 */
export class AuthenticityIndex {
  private readonly entries: Entry[] = [];
  private readonly buckets = new Map<string, number[]>();
  private readonly times: number[] = [];

  /** Remembers a mention; returns its position in the index. */
  add(author: string | null | undefined, text: string, publishedAt?: Date | null): number {
    const signature = minHash(text);
    const time = publishedAt ? publishedAt.getTime() : null;
    const index = this.entries.length;
    this.entries.push({ author: author ?? '', signature, time });
    if (signature) {
      for (const key of bandKeys(signature)) {
        const bucket = this.buckets.get(key);
        if (bucket) bucket.push(index);
        else this.buckets.set(key, [index]);
      }
    }
    if (time !== null && Number.isFinite(time)) {
      // Sorted insert keeps burst counting to two binary searches.
      let low = 0;
      let high = this.times.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (this.times[mid]! < time) low = mid + 1;
        else high = mid;
      }
      this.times.splice(low, 0, time);
    }
    return index;
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Evidence against a mention. `self` is its own index when it was already added, so that it is
   * not counted as its own duplicate. Never throws.
   */
  score(author: string | null | undefined, text: string, publishedAt?: Date | null, self?: number): AuthenticityScore {
    const signals: string[] = [];
    let score = 0;
    const signature = minHash(text);
    if (signature) {
      const seen = new Set<number>();
      const otherAuthors = new Set<string>();
      let sameAuthor = 0;
      for (const key of bandKeys(signature)) {
        for (const index of this.buckets.get(key) ?? []) {
          if (index === self || seen.has(index)) continue;
          seen.add(index);
          const entry = this.entries[index]!;
          if (!entry.signature || similarity(signature, entry.signature) < NEAR_DUPLICATE) continue;
          if (entry.author && entry.author === (author ?? '')) sameAuthor++;
          else otherAuthors.add(entry.author || `#${index}`);
        }
      }
      if (otherAuthors.size > 0) {
        signals.push(`near_duplicate_across_authors:${otherAuthors.size}`);
        score = 1 - (1 - score) * (1 - Math.min(0.8, 0.45 + 0.1 * otherAuthors.size));
      }
      if (sameAuthor > 0) {
        signals.push(`repeated_by_author:${sameAuthor}`);
        score = 1 - (1 - score) * 0.7;
      }
    }
    const time = publishedAt ? publishedAt.getTime() : NaN;
    if (Number.isFinite(time)) {
      const inWindow = this.countBetween(time - BURST_WINDOW_MS / 2, time + BURST_WINDOW_MS / 2) - (self !== undefined ? 1 : 0);
      if (inWindow + 1 >= BURST_SIZE) {
        signals.push(`burst:${inWindow + 1}_in_1h`);
        score = 1 - (1 - score) * 0.75;
      }
    }
    return { score, signals };
  }

  private countBetween(from: number, to: number): number {
    const lowerBound = (value: number): number => {
      let low = 0;
      let high = this.times.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (this.times[mid]! < value) low = mid + 1;
        else high = mid;
      }
      return low;
    };
    return lowerBound(to + 1) - lowerBound(from);
  }
}

const TEMPLATE_PHRASES = new RegExp(
  [
    '五星好评',
    '强烈推荐',
    '强烈建议大家',
    '值得信赖',
    '良心医院',
    '最好的医院',
    '必须好评',
    '好评如潮',
    '给个好评',
    '大家放心',
    'рекомендую всем',
    'лучшая клиника',
    'лучший врач',
    'всем советую',
    'самая лучшая',
    'пять звезд',
    'пять звёзд',
    'highly recommend',
    'best clinic',
    'best hospital',
    'best doctor',
    'five stars',
    '5 stars',
    'look no further',
    'must visit',
    'a\\+\\+\\+',
  ].join('|'),
  'i',
);
const PROMOTION = /(加微信|加v|vx[:：]|微信号|wechat|whatsapp|telegram|t\.me\/|https?:\/\/|\+?\d[\d\s-]{9,}\d|优惠|折扣|промокод|скидк)/i;

/** Authenticity evidence visible in one text alone (template phrasing, promotion, empty praise). */
export function singleTextSignals(text: string, rating: number | null | undefined, label: string): AuthenticityScore {
  const signals: string[] = [];
  let score = 0;
  if (TEMPLATE_PHRASES.test(text)) {
    signals.push('template_phrasing');
    score = 1 - (1 - score) * 0.75;
  }
  if (PROMOTION.test(text)) {
    signals.push('promotional_contact_or_link');
    score = 1 - (1 - score) * 0.8;
  }
  if (label === 'positive' && rating === 5 && text.length < 40) {
    const letters = text.replace(/[^\p{L}]/gu, '').length;
    if (letters > 0 && letters < 8) {
      signals.push('short_generic_praise');
      score = 1 - (1 - score) * 0.85;
    }
  }
  if (countExclamations(text) >= 5) {
    signals.push('excessive_exclamation');
    score = 1 - (1 - score) * 0.9;
  }
  return { score, signals };
}

function countExclamations(text: string): number {
  let count = 0;
  for (let i = text.indexOf('!'); i >= 0; i = text.indexOf('!', i + 1)) count++;
  for (let i = text.indexOf('！'); i >= 0; i = text.indexOf('！', i + 1)) count++;
  return count;
}

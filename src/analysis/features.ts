import type { Token } from './tokenize.ts';

/** Feature space size of the sentiment models (hashed features; collisions are harmless noise). */
export const DEFAULT_HASH_BITS = 18;

const FNV_OFFSET = 0x811c9dc5;
function fnv(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
function mix(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193) >>> 0;
}

const SEED_WORD = fnv(FNV_OFFSET, 'w:');
const SEED_NEG = fnv(FNV_OFFSET, 'n:');
const SEED_BIGRAM = fnv(FNV_OFFSET, 'b:');
const SEED_CHAR = fnv(FNV_OFFSET, 'c:');
const SEED_CHAR2 = fnv(FNV_OFFSET, 'd:');
const SEED_CHAR3 = fnv(FNV_OFFSET, 't:');
/** Same set as /[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]/ without a regex call per character. */
function isCjkOrAlphanumeric(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** Sparse feature vector: indices (may repeat) with one shared weight (1/sqrt(n), L2-normalised counts approx). */
export interface Features {
  indices: Int32Array;
  length: number;
  value: number;
}

/**
 * Hashed features of tokens[from, to): negation-marked unigrams, bigrams, and for Chinese the
 * character unigrams/bigrams/trigrams of the simplified text span (robust to segmentation errors).
 */
export function extractFeatures(tokens: readonly Token[], from: number, to: number, mask: number, simplified: string | null, scratch?: Int32Array): Features {
  const capacity = (to - from) * 2 + (simplified ? (tokens[to - 1]?.end ?? 0) * 3 : 0) + 4;
  const indices = scratch && scratch.length >= capacity ? scratch : new Int32Array(capacity);
  let n = 0;
  let previous = '';
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    indices[n++] = fnv(token.negated ? SEED_NEG : SEED_WORD, token.norm) & mask;
    if (previous) indices[n++] = fnv(fnv(SEED_BIGRAM, previous), token.norm) & mask;
    previous = token.boundary ? '' : token.norm;
  }
  if (simplified && to > from) {
    const start = tokens[from]!.start;
    const end = tokens[to - 1]!.end;
    let c1 = -1;
    let c2 = -1;
    for (let i = start; i < end; i++) {
      const code = simplified.charCodeAt(i);
      if (!isCjkOrAlphanumeric(code)) {
        c1 = -1;
        c2 = -1;
        continue;
      }
      indices[n++] = mix(SEED_CHAR, code) & mask;
      if (c1 >= 0) indices[n++] = mix(mix(SEED_CHAR2, c1), code) & mask;
      if (c2 >= 0) indices[n++] = mix(mix(mix(SEED_CHAR3, c2), c1), code) & mask;
      c2 = c1;
      c1 = code;
    }
  }
  return { indices, length: n, value: n > 0 ? 1 / Math.sqrt(n) : 0 };
}

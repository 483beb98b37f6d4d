import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SentimentLabel } from './sentiment-model.ts';

/** One labelled review of the public training data (/work/shared/data layout: <lang>/<set>.jsonl). */
export interface LabelledText {
  id: string;
  lang: string;
  text: string;
  label: SentimentLabel;
  dataset: string;
  aspects?: string[];
  /** Training weight of the row (default 1). */
  weight?: number;
}

/** Deterministic 32-bit hash (FNV-1a) used for the dev split and seeded sampling. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 10% of every data set, chosen by a hash of the id, is held out as its fixed dev split. */
export function isDevId(id: string): boolean {
  return hashString(`verity-dev-v1:${id}`) % 10 === 0;
}

/** The labelled data sets under `dataDir`, by language; throws when the folder is missing. */
export function readLabelledData(dataDir: string): LabelledText[] {
  if (!existsSync(dataDir)) throw new Error(`training data not found at ${dataDir} (set VERITY_TRAINING_DATA)`);
  const rows: LabelledText[] = [];
  for (const lang of readdirSync(dataDir).sort()) {
    const langDir = join(dataDir, lang);
    if (!/^[a-z]{2}$/.test(lang)) continue;
    for (const file of readdirSync(langDir).sort()) {
      if (!file.endsWith('.jsonl')) continue;
      const dataset = file.replace(/(\.train)?\.jsonl$/, '');
      for (const line of readFileSync(join(langDir, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const row = JSON.parse(line) as { id: string | number; text: string; label: SentimentLabel; aspects?: string[] };
        if (typeof row.text !== 'string' || !row.text.trim()) continue;
        rows.push({ id: String(row.id), lang, text: row.text, label: row.label, dataset, aspects: row.aspects });
      }
    }
  }
  return rows;
}

/** Mulberry32: a small seeded PRNG so shuffles and subsamples repeat byte for byte. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = items[i]!;
    items[i] = items[j]!;
    items[j] = swap;
  }
  return items;
}

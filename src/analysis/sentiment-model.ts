import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Features } from './features.ts';

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];
const CLASSES = SENTIMENT_LABELS.length;

/** A multinomial logistic regression over hashed features, one per language. */
export interface SentimentModel {
  lang: string;
  hashBits: number;
  mask: number;
  /** weights[feature * 3 + class] */
  weights: Float32Array;
  bias: Float32Array;
  /** Labels seen in training; zh data has no neutral, so neutral comes from low confidence. */
  labels: SentimentLabel[];
}

/** What models/manifest.json says about one language's weights file. */
export interface ModelManifestEntry {
  file: string;
  hashBits: number;
  bias: number[];
  scales: number[];
  labels: SentimentLabel[];
  sha256: string;
  trainedOn: Record<string, number>;
}
export interface ModelManifest {
  format: 1;
  version: string;
  models: Record<string, ModelManifestEntry>;
}

/** Class probabilities (negative, neutral, positive) written into `out`. */
export function predictProbabilities(model: SentimentModel, features: Features, out: Float64Array): Float64Array {
  const { weights, bias } = model;
  let l0 = bias[0]!;
  let l1 = bias[1]!;
  let l2 = bias[2]!;
  const v = features.value;
  const { indices } = features;
  for (let i = 0; i < features.length; i++) {
    const base = indices[i]! * 3;
    l0 += weights[base]! * v;
    l1 += weights[base + 1]! * v;
    l2 += weights[base + 2]! * v;
  }
  const max = Math.max(l0, l1, l2);
  const e0 = Math.exp(l0 - max);
  const e1 = Math.exp(l1 - max);
  const e2 = Math.exp(l2 - max);
  const sum = e0 + e1 + e2;
  out[0] = e0 / sum;
  out[1] = e1 / sum;
  out[2] = e2 / sum;
  return out;
}

/** Quantise float weights to int8 per class (scale = max |w| / 127); deterministic bytes. */
export function quantise(weights: Float32Array): { bytes: Uint8Array; scales: number[] } {
  const scales: number[] = [];
  for (let c = 0; c < CLASSES; c++) {
    let max = 0;
    for (let i = c; i < weights.length; i += CLASSES) max = Math.max(max, Math.abs(weights[i]!));
    scales.push(Number((max / 127 || 1e-9).toPrecision(9)));
  }
  const quantised = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const q = Math.round(weights[i]! / scales[i % CLASSES]!);
    quantised[i] = Math.max(-127, Math.min(127, q));
  }
  return { bytes: new Uint8Array(quantised.buffer), scales };
}

export function dequantise(bytes: Uint8Array, scales: readonly number[]): Float32Array {
  const quantised = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Float32Array(quantised.length);
  for (let i = 0; i < quantised.length; i++) weights[i] = quantised[i]! * scales[i % CLASSES]!;
  return weights;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads models/manifest.json and every weights file it names; throws when a file is missing or altered. */
export function loadModels(modelDir: URL): { manifest: ModelManifest; models: Map<string, SentimentModel> } {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', modelDir), 'utf8')) as ModelManifest;
  const models = new Map<string, SentimentModel>();
  for (const [lang, entry] of Object.entries(manifest.models)) {
    const bytes = new Uint8Array(readFileSync(new URL(entry.file, modelDir)));
    if (sha256(bytes) !== entry.sha256) throw new Error(`models/${entry.file} does not match its manifest checksum`);
    models.set(lang, {
      lang,
      hashBits: entry.hashBits,
      mask: (1 << entry.hashBits) - 1,
      weights: dequantise(bytes, entry.scales),
      bias: Float32Array.from(entry.bias),
      labels: entry.labels,
    });
  }
  return { manifest, models };
}

import { pathToFileURL } from 'node:url';
import { extractFeatures, type Features } from './features.ts';
import { loadModels, predictProbabilities, type ModelManifest, type SentimentModel, type SentimentLabel } from './sentiment-model.ts';
import type { Token } from './tokenize.ts';

const MODEL_DIR = new URL('../../models/', import.meta.url);
let cached: { dir: string; manifest: ModelManifest; models: Map<string, SentimentModel> } | undefined;

/** Where the models load from: `VERITY_MODEL_DIR` (an organisation's retrained models) or the committed models/. */
export function sentimentModelDir(): URL {
  const dir = process.env.VERITY_MODEL_DIR;
  if (!dir) return MODEL_DIR;
  return pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`);
}

/** The models, loaded synchronously once per process (per folder); throws when the folder is missing. */
export function getSentimentModels(): { manifest: ModelManifest; models: Map<string, SentimentModel> } {
  const dir = sentimentModelDir();
  if (cached?.dir !== dir.href) cached = { dir: dir.href, ...loadModels(dir) };
  return cached;
}

export interface SentimentResult {
  label: SentimentLabel;
  score: number;
  confidence: number;
  probabilities: [number, number, number];
}

const probabilities = new Float64Array(3);
let scratch = new Int32Array(4096);

/** Sentiment of tokens[from, to) under a language model. Binary-trained models report neutral when unsure. */
export function scoreTokens(model: SentimentModel, tokens: readonly Token[], from: number, to: number, simplified: string | null): SentimentResult {
  const needed = (to - from) * 2 + (simplified ? (tokens[to - 1]?.end ?? 0) * 3 : 0) + 4;
  if (needed > scratch.length) scratch = new Int32Array(needed * 2);
  const features: Features = extractFeatures(tokens, from, to, model.mask, simplified, scratch);
  if (features.length === 0) return { label: 'neutral', score: 0, confidence: 0.5, probabilities: [0, 1, 0] };
  predictProbabilities(model, features, probabilities);
  const negative = probabilities[0]!;
  const neutral = probabilities[1]!;
  const positive = probabilities[2]!;
  const score = positive - negative;
  let label: SentimentLabel;
  let confidence: number;
  if (!model.labels.includes('neutral')) {
    // Without neutral training data, an unsure binary decision is the honest neutral.
    confidence = Math.max(negative, positive);
    label = confidence < 0.65 ? 'neutral' : positive > negative ? 'positive' : 'negative';
  } else {
    confidence = Math.max(negative, neutral, positive);
    label = confidence === positive ? 'positive' : confidence === negative ? 'negative' : 'neutral';
  }
  return { label, score, confidence, probabilities: [negative, neutral, positive] };
}

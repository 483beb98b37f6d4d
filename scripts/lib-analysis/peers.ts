// The JS sentiment libraries a user might reach for instead of ours, mapped to three classes.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Scored = number | null; // null: the library does not support the language

const Sentiment = require('sentiment') as new () => { analyze(text: string): { score: number } };
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
const multilang = require('multilang-sentiment') as (text: string, lang: string, options?: { tokens?: string[] }) => { score: number };
const { SentimentAnalyzer } = require('@nlpjs/sentiment') as {
  SentimentAnalyzer: new (settings: object) => { process(input: { locale: string; text: string }): Promise<{ sentiment: { score: number; numHits: number } }> };
};
const { containerBootstrap } = require('@nlpjs/core') as { containerBootstrap(): Promise<object> };

const afinn = new Sentiment();

export interface Peer {
  name: string;
  /** Threshold documentation printed by eval. */
  mapping: string;
  supports(lang: string): boolean;
  score(text: string, lang: string, zhTokens: string[] | null): Promise<Scored>;
  /** Score → class: positive above `high`, negative below `low`, neutral between. */
  low: number;
  high: number;
}

export async function createPeers(): Promise<Peer[]> {
  const container = await containerBootstrap();
  const nlpjs = new SentimentAnalyzer({ container });
  return [
    {
      name: 'sentiment (AFINN-165)',
      mapping: 'score > 0 positive, < 0 negative, 0 neutral (English only)',
      supports: (lang) => lang === 'en',
      score: async (text) => afinn.analyze(text).score,
      low: 0,
      high: 0,
    },
    {
      name: 'vader-sentiment',
      mapping: "compound ≥ 0.05 positive, ≤ -0.05 negative, else neutral (VADER authors' thresholds; English only)",
      supports: (lang) => lang === 'en',
      score: async (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound,
      low: -0.05,
      high: 0.05,
    },
    {
      name: '@nlpjs/sentiment',
      mapping: 'score > 0 positive, < 0 negative, 0 neutral; without an @nlpjs/lang-* pack installed it knows no words (score 0 for all)',
      supports: (lang) => lang === 'en' || lang === 'ru' || lang === 'zh',
      score: async (text, lang) => (await nlpjs.process({ locale: lang, text })).sentiment.score,
      low: 0,
      high: 0,
    },
    {
      name: 'multilang-sentiment',
      mapping: 'score > 0 positive, < 0 negative, 0 neutral (zh given our jieba tokens, as its README asks)',
      supports: (lang) => lang === 'en' || lang === 'ru' || lang === 'zh',
      score: async (text, lang, zhTokens) => multilang(text, lang, zhTokens ? { tokens: zhTokens } : undefined).score,
      low: 0,
      high: 0,
    },
  ];
}

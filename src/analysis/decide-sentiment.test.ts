import { test, expect } from 'vitest';
import { decideSentiment, rateSentiment, type RatedSentiment } from './decide-sentiment.ts';
import { prepareText } from './tokenize.ts';
import { getSentimentModels, type SentimentResult } from './sentiment.ts';
import { clauseRanges, type AspectResult, type PreparedMention, type RiskResult } from './stage.ts';

function mention(text: string, lang: 'zh' | 'ru' | 'en', textSentiment: Partial<SentimentResult>, rating: number | null = null): PreparedMention {
  const prepared = prepareText(text, lang);
  const tokens = prepared.tokens;
  return {
    text,
    haystack: prepared.simplified ?? text,
    simplified: prepared.simplified,
    lang,
    tokens,
    model: getSentimentModels().models.get(lang)!,
    rating,
    department: null,
    textSentiment: { label: 'positive', score: 0.8, confidence: 0.9, probabilities: [0.1, 0, 0.9], ...textSentiment },
    clauses: () => clauseRanges(tokens),
  };
}
const rated = (label: RatedSentiment['label'], score: number): RatedSentiment => ({ label, score, confidence: 0.8, ratingConflict: false });

test('a question or information request without polar content is neutral, a rhetorical one is not', () => {
  for (const [text, lang] of [
    ['周六有号吗？', 'zh'],
    ['請問星期六幾點開門', 'zh'],
    ['Подскажите, нужна ли запись к терапевту?', 'ru'],
    ['Do you take Bupa?', 'en'],
  ] as const) {
    const m = mention(text, lang, { label: 'negative', score: -0.3 });
    expect(decideSentiment(m, rateSentiment(m, true), [], []).label, text).toBe('neutral');
  }
  const why = mention('为什么要等三个小时？', 'zh', { label: 'negative', score: -0.5 });
  expect(decideSentiment(why, rated('negative', -0.5), [], []).label).toBe('negative');
});

test('thanks or praise said of a long wait or a big bill reads as negative (sarcasm)', () => {
  const wait = mention('谢谢你们让我等了一天', 'zh', { label: 'positive', score: 0.7 });
  expect(decideSentiment(wait, rated('positive', 0.7), [], []).label).toBe('negative');
  const bill = mention('看个牙花了五千，真是"物超所值"', 'zh', { label: 'positive', score: 0.6 });
  expect(decideSentiment(bill, rated('positive', 0.6), [], []).label).toBe('negative');
  // Plain thanks is praise.
  const thanks = mention('谢谢王医生，很耐心', 'zh', { label: 'positive', score: 0.9 });
  expect(decideSentiment(thanks, rated('positive', 0.9), [], []).label).toBe('positive');
});

test('a confident risk makes a calmly told harm negative; a dismissed one does not', () => {
  const m = mention('They operated on the wrong knee. The staff were polite about it.', 'en', { label: 'positive', score: 0.4 });
  const risk: RiskResult = { risk: 'medical_error', span: [0, 10], cue: 'wrong knee', confidence: 0.9 };
  expect(decideSentiment(m, rated('positive', 0.4), [], [risk]).label).toBe('negative');
  expect(decideSentiment(m, rated('positive', 0.4), [], [{ ...risk, dismissed: true }]).label).toBe('positive');
});

test('praised and criticised aspects together make a balanced text mixed', () => {
  const m = mention('医生很好，就是收费太贵', 'zh', { label: 'positive', score: 0.2 });
  const aspects: AspectResult[] = [
    { aspect: 'process.attitude', polarity: 'positive', span: [0, 4] },
    { aspect: 'brand.price', polarity: 'negative', span: [5, 11] },
  ];
  expect(decideSentiment(m, rated('positive', 0.2), aspects, []).label).toBe('mixed');
  // One side only stays as rated.
  const praise = mention('医生很好，很耐心', 'zh', { label: 'positive', score: 0.2 });
  expect(decideSentiment(praise, rated('positive', 0.2), aspects.slice(0, 1), []).label).toBe('positive');
});

test('the stars pull the text score and a clear contradiction is flagged', () => {
  const angry = mention('Rude and useless.', 'en', { label: 'negative', score: -0.9, confidence: 0.9 }, 5);
  expect(rateSentiment(angry, true)).toMatchObject({ label: 'negative', ratingConflict: true });
  // Under 4★ a text with a contrast is a mixed review, not a contradiction.
  const mixed = mention('Good doctor but waited two hours', 'en', { label: 'negative', score: -0.85, confidence: 0.9 }, 4);
  expect(rateSentiment(mixed, true).ratingConflict).toBe(false);
  const wrong = mention('Rude doctor, waited two hours', 'en', { label: 'negative', score: -0.85, confidence: 0.9 }, 4);
  expect(rateSentiment(wrong, true).ratingConflict).toBe(true);
  const mild = mention('Fine.', 'en', { label: 'neutral', score: 0.1, confidence: 0.6 }, 5);
  expect(rateSentiment(mild, true)).toMatchObject({ label: 'positive', ratingConflict: false });
});

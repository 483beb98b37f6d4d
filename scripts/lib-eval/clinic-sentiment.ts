// `npm run eval` section: sentiment on the clinic dev set (mixed counted as negative, as the issue measures it).
import { analysedClinicDev, labelScores, mixedAsNegative, type EvalSection } from './metrics.ts';

export function evalClinicSentiment(): EvalSection {
  const pairs = analysedClinicDev();
  const gold = pairs.map((p) => mixedAsNegative(p.row.sentiment));
  const predicted = pairs.map((p) => mixedAsNegative(p.analysis.sentiment.label));
  const scores = labelScores(gold, predicted, ['negative', 'neutral', 'positive']);
  const four = labelScores(
    pairs.map((p) => p.row.sentiment),
    pairs.map((p) => p.analysis.sentiment.label),
    ['negative', 'neutral', 'positive', 'mixed'],
  );
  return {
    title: `Sentiment on the clinic dev set (${pairs.length} texts)`,
    lines: [
      `macro-F1 (mixed as negative) ${scores.macroF1.toFixed(3)}  accuracy ${scores.accuracy.toFixed(3)}  per label ${JSON.stringify(scores.perLabel)}`,
      `four labels: macro-F1 ${four.macroF1.toFixed(3)}  per label ${JSON.stringify(four.perLabel)}`,
    ],
    figures: { 'clinic.sentiment.macroF1': pairs.length ? scores.macroF1 : null, 'clinic.sentiment.macroF1FourLabels': pairs.length ? four.macroF1 : null },
  };
}
